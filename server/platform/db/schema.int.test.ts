import { describe, expect, it } from 'vitest';
import { openPGlite } from './index.ts';
import { migrate } from './migrate.ts';
import { describeSchema } from './describe-schema.ts';
import { freshDatabase, testEngine } from '../../test/database.ts';
import type { DB } from './schema.ts';

/** Column names per table as declared in schema.ts; kept by hand, checked here. */
const declared: { [T in keyof DB]: (keyof DB[T])[] } = {
  police_districts: ['id', 'name', 'is_demo'],
  municipalities: ['code', 'name', 'region', 'police_district_id', 'is_demo'],
  unit_kinds: ['code', 'sort_order'],
  units: ['id', 'municipality_code', 'kind', 'name', 'created_at', 'updated_at', 'version'],
  app_settings: ['key', 'value', 'updated_at'],
  schema_migrations: ['name', 'checksum', 'applied_at'],
  users: [
    'id',
    'municipality_code',
    'police_district_id',
    'username',
    'display_name',
    'roles',
    'password_hash',
    'password_changed_at',
    'totp_secret_enc',
    'totp_enabled_at',
    'totp_last_step',
    'is_demo',
    'disabled_at',
    'created_at',
    'updated_at',
    'version',
    'email',
  ],
  user_units: ['user_id', 'unit_id'],
  recovery_codes: ['id', 'user_id', 'code_hash', 'used_at', 'created_at'],
  sessions: [
    'token_hash',
    'user_id',
    'state',
    'csrf_token',
    'created_at',
    'last_seen_at',
    'expires_at',
  ],
  login_throttle: ['key', 'failures', 'window_started_at', 'locked_until'],
  webauthn_credentials: [
    'id',
    'user_id',
    'credential_id',
    'public_key',
    'sign_count',
    'transports',
    'nickname',
    'created_at',
    'last_used_at',
  ],
  webauthn_challenges: ['session_token_hash', 'purpose', 'challenge', 'expires_at', 'created_at'],
  audit_chain_heads: ['chain_key', 'last_seq', 'last_hash', 'updated_at'],
  municipality_settings: [
    'municipality_code',
    'deadline_hours_high',
    'deadline_hours_medium',
    'deadline_hours_low',
    'triage_by',
    'four_eyes',
    'no_concern_retention_days',
    'reminder_hours',
    'updated_at',
    'version',
  ],
  person_relations: ['person_id', 'related_person_id', 'relation', 'created_at'],
  intervention_types: [
    'id',
    'municipality_code',
    'code',
    'name',
    'description',
    'level',
    'age_group',
    'legal_basis',
    'consent_required',
    'responsible_unit_id',
    'tailored',
    'active',
    'created_at',
    'updated_at',
    'version',
  ],
  inquiries: [
    'id',
    'municipality_code',
    'reference',
    'status',
    'source',
    'source_other',
    'channel',
    'reporter_anonymous',
    'reporter_name',
    'reporter_contact',
    'received_at',
    'observation',
    'subject_kind',
    'group_description',
    'immediate_danger',
    'urgent',
    'seriousness',
    'deadline_at',
    'forum_id',
    'recorded_unit_id',
    'reminder_sent_at',
    'overdue_notified_at',
    'case_id',
    'created_by',
    'idempotency_key',
    'created_at',
    'updated_at',
    'version',
  ],
  inquiry_persons: ['inquiry_id', 'person_id', 'position'],
  inquiry_signs: ['inquiry_id', 'sign_code', 'note'],
  inquiry_contributions: [
    'id',
    'inquiry_id',
    'author_user_id',
    'unit_id',
    'legal_basis',
    'body',
    'created_at',
  ],
  inquiry_decisions: [
    'id',
    'inquiry_id',
    'outcome',
    'reason',
    'referred_unit_id',
    'passed_on',
    'police_handed_at',
    'police_recipient',
    'municipality_keeps',
    'extremism_form',
    'extremism_form_other',
    'age_group',
    'authority_area',
    'primary_concern',
    'subject_kind',
    'environment',
    'status',
    'decided_by',
    'decided_at',
    'reviewed_by',
    'reviewed_at',
    'review_comment',
    'case_id',
  ],
  inquiry_events: ['id', 'inquiry_id', 'occurred_at', 'actor_user_id', 'kind', 'changes'],
  inquiry_drafts: ['id', 'user_id', 'content_enc', 'updated_at', 'version'],
  email_outbox: [
    'id',
    'user_id',
    'kind',
    'inquiry_id',
    'created_at',
    'sent_at',
    'attempts',
    'last_error',
  ],
  reference_counters: ['municipality_code', 'kind', 'year', 'last_number'],
  persons: [
    'id',
    'municipality_code',
    'given_name',
    'family_name',
    'birth_date',
    'cpr_enc',
    'address',
    'phone',
    'is_demo',
    'created_by',
    'created_at',
    'updated_at',
    'version',
    'cpr_digest',
    'merged_into',
    'archive_after',
  ],
  forums: ['id', 'municipality_code', 'name', 'created_at', 'version'],
  forum_members: ['forum_id', 'user_id', 'added_at'],
  cases: [
    'id',
    'municipality_code',
    'reference',
    'status',
    'forum_id',
    'opened_at',
    'extremism_form',
    'extremism_form_other',
    'concern_summary',
    'work_summary',
    'is_demo',
    'created_at',
    'updated_at',
    'version',
    'on_hold_reason',
    'on_hold_until',
  ],
  case_events: [
    'id',
    'case_id',
    'occurred_at',
    'actor_user_id',
    'kind',
    'changes',
    'note_text',
    'compartment',
  ],
  case_persons: ['case_id', 'person_id', 'role'],
  case_members: ['case_id', 'user_id', 'role', 'scope', 'unit_id', 'added_by', 'added_at'],
  access_grants: ['id', 'user_id', 'case_id', 'reason', 'granted_at', 'expires_at'],
  notifications: [
    'id',
    'user_id',
    'kind',
    'case_id',
    'details',
    'created_at',
    'read_at',
    'inquiry_id',
  ],
  audit_log: [
    'id',
    'chain_key',
    'seq',
    'occurred_at',
    'actor_user_id',
    'actor_role',
    'actor_unit_id',
    'municipality_code',
    'action',
    'resource_type',
    'resource_id',
    'subject_person_id',
    'purpose',
    'legal_basis',
    'request_id',
    'break_glass',
    'details',
    'prev_hash',
    'hash',
  ],
};

describe(`schema on ${testEngine}`, () => {
  it('matches the Kysely table types in schema.ts (no drift)', async () => {
    const database = await freshDatabase();
    try {
      const lines = await describeSchema(database.db);
      const actual: Record<string, string[]> = {};
      for (const line of lines.filter((l) => l.startsWith('column '))) {
        const [table, column] = (line.split(' ')[1] ?? '').split('.');
        if (table && column) (actual[table] ??= []).push(column);
      }
      const expected = Object.fromEntries(
        Object.entries(declared).map(([t, cols]) => [t, (cols as string[]).slice()]),
      );
      expect(actual).toEqual(expected);
    } finally {
      await database.close();
    }
  });

  it.runIf(testEngine === 'postgres')(
    'is identical on PGlite and PostgreSQL after all migrations',
    async () => {
      const postgres = await freshDatabase();
      const pglite = await openPGlite();
      try {
        await migrate(pglite.db);
        const [a, b] = [await describeSchema(pglite.db), await describeSchema(postgres.db)];
        expect(a.length).toBeGreaterThan(20);
        expect(a).toEqual(b);
      } finally {
        await Promise.all([postgres.close(), pglite.close()]);
      }
    },
  );
});
