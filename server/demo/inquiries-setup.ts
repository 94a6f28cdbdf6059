import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../platform/db/schema.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Role } from '../access/roles.ts';
import type { CurrentUser } from '../access/sessions.ts';
import { findInquiryAccess } from '../access/inquiry-access.ts';
import { addContribution, triage } from '../modules/inquiries/assessment.ts';
import { decide } from '../modules/inquiries/decision.ts';
import { updateInquiry } from '../modules/inquiries/edit.ts';
import { createInquiry } from '../modules/inquiries/intake.ts';
import {
  acknowledgeReport,
  assessImmediateHelp,
  markChildReport,
} from '../modules/inquiries/child-report.ts';
import { CreateInquiryBody } from '../modules/inquiries/schema.ts';
import { DecisionBody, type Decision } from '../modules/inquiries/schema-decision.ts';
import type { MunicipalitySettings } from '../modules/inquiries/settings.ts';
import { DEMO_FORUM, insertDemoForum, lockDemoForum } from './records.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * The demo inquiries' cast and what they do: the demo users, the demo forum, the reference
 * counters moved past the fixed demo references, and the steps of an inquiry's path taken
 * through the same service functions as the API (so the chronology and the audit trail are real).
 */
const REQUEST_ID = 'demo-seed';

export type DemoInquiryBody = z.input<typeof CreateInquiryBody>;
export type DemoDecision = Omit<z.input<typeof DecisionBody>, 'version'>;

export async function demoUsers(db: Kysely<DB>): Promise<Map<string, CurrentUser>> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('user_units', 'user_units.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.municipality_code',
      'users.police_district_id',
      'users.totp_enabled_at',
      'user_units.unit_id',
    ])
    .where('users.is_demo', '=', true)
    .where('users.disabled_at', 'is', null)
    .execute();
  const users = new Map<string, CurrentUser>();
  for (const r of rows) {
    const known = users.get(r.username);
    if (known) {
      if (r.unit_id) known.unitIds.push(r.unit_id);
      continue;
    }
    users.set(r.username, {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      roles: r.roles as Role[],
      municipalityCode: r.municipality_code,
      policeDistrictId: r.police_district_id,
      unitIds: r.unit_id ? [r.unit_id] : [],
      totpEnabled: r.totp_enabled_at !== null,
    });
  }
  return users;
}

/** The demo forum by name; created (with its members) when another change removed it. */
export async function demoForum(db: Kysely<DB>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await lockDemoForum(trx);
    const found = await trx
      .selectFrom('forums')
      .select('id')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', DEMO_FORUM.name)
      .executeTakeFirst();
    return found ? found.id : insertDemoForum(trx);
  });
}

/**
 * The demo cases carry fixed references (S-2026-0001 …) written without the counter; the counter
 * is moved past them, so the case a decision opens gets the next free reference.
 */
export async function syncCounters(db: Kysely<DB>, year: number): Promise<void> {
  for (const [kind, table] of [
    ['S', 'cases'],
    ['H', 'inquiries'],
  ] as const) {
    const prefix = `${kind}-${year}-`;
    const row = await db
      .selectFrom(table)
      .select(sql<number>`coalesce(max(substr(reference, ${prefix.length + 1})::int), 0)`.as('n'))
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('reference', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0) continue;
    await db
      .insertInto('reference_counters')
      .values({ municipality_code: DEMO_MUNICIPALITY_CODE, kind, year, last_number: Number(row.n) })
      .onConflict((oc) =>
        oc.columns(['municipality_code', 'kind', 'year']).doUpdateSet({
          last_number: sql<number>`greatest(reference_counters.last_number, excluded.last_number)`,
        }),
      )
      .execute();
  }
}

/** The steps of an inquiry's path, each as a demo user, through the services. */
export function demoInquirySteps(
  db: Kysely<DB>,
  keys: { secret: Buffer; audit: Buffer },
  settings: MunicipalitySettings,
) {
  const ctx = (user: CurrentUser): RequestContext => ({
    db,
    keys,
    user,
    requestId: REQUEST_ID,
    ip: '127.0.0.1',
    language: 'da',
  });
  const access = async (user: CurrentUser, id: string) => {
    const found = await findInquiryAccess(db, user, id);
    if (!found) throw new Error(`demo seed: ${user.username} cannot open inquiry ${id}`);
    return found;
  };
  return {
    /** Records an inquiry; null when a concurrent start already recorded it (it does the rest). */
    record: async (user: CurrentUser, key: string, body: DemoInquiryBody) => {
      const { receipt, created } = await createInquiry(
        ctx(user),
        CreateInquiryBody.parse(body),
        `demo-inquiry-${key}`,
        new Date(),
      );
      return created ? receipt.id : null;
    },
    triage: async (user: CurrentUser, id: string, seriousness: 'high' | 'medium' | 'low') => {
      const a = await access(user, id);
      await triage(ctx(user), a, settings, { version: a.version, seriousness });
    },
    assignForum: async (user: CurrentUser, id: string, forumId: string) => {
      const a = await access(user, id);
      await updateInquiry(ctx(user), a, { version: a.version, forumId }, new Date());
    },
    contribute: async (user: CurrentUser, id: string, body: string) =>
      addContribution(ctx(user), await access(user, id), {
        body,
        legalBasis: 'rpl_115',
        unitId: null,
      }),
    decide: async (
      user: CurrentUser,
      id: string,
      input: DemoDecision,
      fourEyes = settings.fourEyes,
    ) => {
      const a = await access(user, id);
      const body: Decision = DecisionBody.parse({ ...input, version: a.version });
      await decide(ctx(user), a, { ...settings, fourEyes }, body, new Date());
    },
    /**
     * Marks a report about a child, records the assessment of immediate help, acknowledges it
     * (by e-mail to `email`, queued in the outbox, when given).
     */
    childReport: async (
      user: CurrentUser,
      id: string,
      note: string,
      email: string | null = null,
    ) => {
      const now = new Date();
      await markChildReport(
        ctx(user),
        await access(user, id),
        { childReport: true, version: (await access(user, id)).version },
        now,
      );
      const marked = await access(user, id);
      await assessImmediateHelp(
        ctx(user),
        marked,
        { needed: false, note, version: marked.version },
        now,
      );
      const assessed = await access(user, id);
      await acknowledgeReport(ctx(user), assessed, { version: assessed.version, email }, now);
    },
  };
}
