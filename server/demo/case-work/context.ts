import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { nextReference } from '../../modules/inquiries/queries.ts';
import { danishToday } from '../../modules/cases/chronology.ts';
import type { CaseEventKind } from '../../modules/cases/chronology.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';

/** What the demo case-work seeding shares: the transaction, the clock, the demo users, helpers. */
const DAY = 24 * 60 * 60 * 1000;

export interface Ctx {
  trx: Transaction<DB>;
  now: Date;
  user: (username: string) => { id: string; unitId: string | null };
}

/**
 * The seeding context over the demo users (id and unit by username), or null when one of
 * `needed` does not exist (a demo installation without them is left alone).
 */
export async function demoContext(
  trx: Transaction<DB>,
  now: Date,
  needed: readonly string[],
): Promise<Ctx | null> {
  const users = await trx
    .selectFrom('users')
    .leftJoin('user_units', 'user_units.user_id', 'users.id')
    .select(['users.id', 'users.username', 'user_units.unit_id'])
    .where('users.is_demo', '=', true)
    .execute();
  const byName = new Map(users.map((u) => [u.username, { id: u.id, unitId: u.unit_id }]));
  if (!needed.every((name) => byName.has(name))) return null;
  return {
    trx,
    now,
    user: (username) => {
      const found = byName.get(username);
      if (!found) throw new Error(`demo user ${username} missing`);
      return found;
    },
  };
}

/** Whether a seeding step ran before (its marker in app_settings). */
export async function hasMarker(trx: Transaction<DB>, key: string): Promise<boolean> {
  const row = await trx
    .selectFrom('app_settings')
    .select('key')
    .where('key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks a seeding step as done, so it never runs twice. */
export async function setMarker(trx: Transaction<DB>, key: string, now: Date): Promise<void> {
  await trx
    .insertInto('app_settings')
    .values({ key, value: JSON.stringify(now.toISOString()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

type CaseValues = Omit<Insertable<DB['cases']>, 'municipality_code' | 'reference' | 'is_demo'>;

/**
 * A fictional citizen and a new case about them (the next free S reference of the year), with
 * its members and the "opened" event on the opening date.
 */
export async function insertDemoCitizenCase(
  c: Ctx,
  citizen: { given: string; family: string; birth: string; cprDigest?: string | null },
  values: CaseValues & { opened_at: Date },
  members: readonly (readonly [username: string, role: 'coordinator' | 'forum'])[],
): Promise<{ caseId: string; personId: string }> {
  const person = await c.trx
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: citizen.given,
      family_name: citizen.family,
      birth_date: citizen.birth,
      cpr_digest: citizen.cprDigest ?? null,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const year = Number(danishToday(c.now).slice(0, 4));
  const reference = await nextReference(c.trx, DEMO_MUNICIPALITY_CODE, 'S', year);
  const created = await c.trx
    .insertInto('cases')
    .values({ ...values, municipality_code: DEMO_MUNICIPALITY_CODE, reference, is_demo: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await c.trx
    .insertInto('case_persons')
    .values({ case_id: created.id, person_id: person.id, role: 'citizen' })
    .execute();
  await c.trx
    .insertInto('case_members')
    .values(
      members.map(([username, role]) => ({
        case_id: created.id,
        user_id: c.user(username).id,
        role,
        unit_id: c.user(username).unitId,
      })),
    )
    .execute();
  const openedDaysAgo = (c.now.getTime() - values.opened_at.getTime()) / DAY;
  await event(c, created.id, openedDaysAgo, members[0]?.[0] ?? null, 'opened');
  return { caseId: created.id, personId: person.id };
}

/** A moment `days` ago (negative: in the future). */
export const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
/** The Danish date `days` ago. */
export const dayAgo = (now: Date, days: number) => danishToday(ago(now, days));

export async function event(
  c: Ctx,
  caseId: string,
  daysAgo: number,
  actor: string | null,
  kind: CaseEventKind,
  changes: Record<
    string,
    { from: string | number | boolean | null; to: string | number | boolean | null }
  > = {},
  note?: { text: string; compartment?: boolean },
) {
  await c.trx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      occurred_at: ago(c.now, daysAgo),
      actor_user_id: actor ? c.user(actor).id : null,
      kind,
      changes: JSON.stringify(changes),
      note_text: note?.text ?? null,
      compartment: note?.compartment ?? false,
    })
    .execute();
}

/**
 * Dates the "case opened" event the inquiry's decision wrote (the same function as in use) on the
 * day the demo says the case opened.
 */
export async function openedAgo(c: Ctx, caseId: string, daysAgo: number) {
  await c.trx
    .updateTable('case_events')
    .set({ occurred_at: ago(c.now, daysAgo) })
    .where('case_id', '=', caseId)
    .where('kind', '=', 'opened')
    .execute();
}

const DIMENSIONS = [
  'convictions_rhetoric',
  'personality',
  'violence',
  'mental_vulnerability',
  'criminal_history',
  'family',
  'socialisation_relationships',
  'network_leisure',
  'education_employment',
] as const;

export function dimensions(texts: Partial<Record<(typeof DIMENSIONS)[number], [string, string]>>) {
  return JSON.stringify(
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, { risk: texts[d]?.[0] ?? null, wellbeing: texts[d]?.[1] ?? null }]),
    ),
  );
}

export async function typeId(c: Ctx, code: string): Promise<string> {
  const row = await c.trx
    .selectFrom('intervention_types')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('code', '=', code)
    .executeTakeFirst();
  if (row) return row.id;
  // A demo municipality whose catalogue was changed: add the offer back for the demo.
  const created = await c.trx
    .insertInto('intervention_types')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      code,
      name: code === 'parent_coach' ? 'Forældrecoachforløb' : 'Mentorforløb',
      level: 'anticipating',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function unitId(c: Ctx, kind: string): Promise<string | null> {
  const row = await c.trx
    .selectFrom('units')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('kind', '=', kind)
    .orderBy('name')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function caseByReference(c: Ctx, reference: string) {
  return c.trx
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('reference', '=', reference)
    .where('is_demo', '=', true)
    .executeTakeFirst();
}

export async function personsOf(c: Ctx, caseId: string) {
  const rows = await c.trx
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', 'p.id', 'cp.person_id')
    .select(['p.id', 'p.given_name', 'cp.role'])
    .where('cp.case_id', '=', caseId)
    .execute();
  return new Map(rows.map((r) => [r.role, r]));
}

/** S-2026-0001's case and people, handed from one part of its seeding to the next. */
export interface AhmadCase {
  caseId: string;
  ahmad: { id: string };
  karim: { id: string };
  yusuf: { id: string };
}
export const AHMAD_COORDINATOR = 'demo.tovholder';
export const AHMAD_CASEWORKER = 'demo.sagsbehandler';
