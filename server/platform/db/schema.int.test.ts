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
  ],
  case_persons: ['case_id', 'person_id', 'role'],
  case_members: ['case_id', 'user_id', 'role', 'scope', 'unit_id', 'added_by', 'added_at'],
  access_grants: ['id', 'user_id', 'case_id', 'reason', 'granted_at', 'expires_at'],
  notifications: ['id', 'user_id', 'kind', 'case_id', 'details', 'created_at', 'read_at'],
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
