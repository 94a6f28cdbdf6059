import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { danishToday } from '../../modules/cases/chronology.ts';
import { nextReference } from '../../modules/inquiries/queries.ts';
import type { CaseEventKind } from '../../modules/cases/chronology.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';

/** What the demo case-work seeding shares: the transaction, the clock, the demo users, helpers. */
const DAY = 24 * 60 * 60 * 1000;

export interface Ctx {
  trx: Transaction<DB>;
  now: Date;
  user: (username: string) => { id: string; unitId: string | null };
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

/**
 * A demo citizen and their case in Demo Kommune, opened `openedDaysAgo`, with the next reference
 * of the year, the citizen, the coordinator as a member and the "opened" event. Returns the ids.
 */
export async function insertDemoCase(
  c: Ctx,
  spec: {
    person: { given: string; family: string; birth: string };
    coordinator: string;
    openedDaysAgo: number;
    values: Omit<Insertable<DB['cases']>, 'municipality_code' | 'reference' | 'opened_at'>;
  },
): Promise<{ caseId: string; personId: string }> {
  const coordinator = c.user(spec.coordinator);
  const person = await c.trx
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: spec.person.given,
      family_name: spec.person.family,
      birth_date: spec.person.birth,
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const year = Number(danishToday(c.now).slice(0, 4));
  const reference = await nextReference(c.trx, DEMO_MUNICIPALITY_CODE, 'S', year);
  const created = await c.trx
    .insertInto('cases')
    .values({
      ...spec.values,
      municipality_code: DEMO_MUNICIPALITY_CODE,
      reference,
      opened_at: ago(c.now, spec.openedDaysAgo),
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await c.trx
    .insertInto('case_persons')
    .values({ case_id: created.id, person_id: person.id, role: 'citizen' })
    .execute();
  await c.trx
    .insertInto('case_members')
    .values({
      case_id: created.id,
      user_id: coordinator.id,
      role: 'coordinator',
      unit_id: coordinator.unitId,
    })
    .execute();
  await event(c, created.id, spec.openedDaysAgo, spec.coordinator, 'opened');
  return { caseId: created.id, personId: person.id };
}
