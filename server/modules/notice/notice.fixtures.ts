import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeam, logInAll, membersOf } from '../../test/case-team.ts';
import { createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';

/**
 * The notice tests' world: the usual case team (coordinator, forum, member, mentor, outsider), an
 * administrator and a data-protection user of the municipality; cases about a child with a
 * custody-holding mother and a father without custody, opened some days ago.
 */
export let t: TestApp;
export const as: Record<string, Client> = {};
export let team: Record<'coordinator' | 'forum' | 'member' | 'mentor' | 'outsider', TestUser>;
export const caller = (name: string): Client => callerIn(as, name);

export function useNoticeFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    team = await createTeam(db, ['coordinator', 'forum', 'member', 'mentor', 'outsider']);
    const admin = await createUser(db, { roles: ['municipal_admin'] });
    const dpo = await createUser(db, { roles: ['data_protection'] });
    await logInAll(t, { ...team, admin, dpo }, as);
  });
  afterAll(() => t.close());
}

/** A case about a child, opened `daysAgo` days ago, with a mother (custody) and a father (none). */
export async function childCase(daysAgo = 10) {
  const db = t.database.db;
  const child = await createPerson(db, { givenName: 'Noah', familyName: 'Brevsen' });
  const mother = await createPerson(db, { givenName: 'Mette', familyName: 'Brevsen' });
  const father = await createPerson(db, { givenName: 'Frank', familyName: 'Brevsen' });
  await db
    .updateTable('persons')
    .set({ address: 'Skolevej 3, 9999 Testby' })
    .where('id', '=', mother.id)
    .execute();
  const c = await createCase(db, {
    persons: [{ id: child.id }, { id: mother.id }, { id: father.id }],
    members: membersOf(team),
  });
  await db
    .updateTable('case_persons')
    .set({ custody_holder: true })
    .where('case_id', '=', c.id)
    .where('person_id', '=', mother.id)
    .execute();
  await db
    .updateTable('cases')
    .set({ opened_at: sql<Date>`now() - make_interval(days => ${daysAgo})` })
    .where('id', '=', c.id)
    .execute();
  return { ...c, child, mother, father };
}

export const today = () => danishToday(new Date());
export const daysAgo = (n: number) => addDays(today(), -n);

export const informed = (personId: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  outcome: 'informed',
  personId,
  method: 'letter',
  givenOn: daysAgo(2),
  ...extra,
});

export const exempted = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  outcome: 'exempted',
  exemption: 'police_request',
  reason: 'Politiet har bedt om, at borgeren ikke orienteres endnu.',
  givenOn: daysAgo(1),
  ...extra,
});

/** What recording a notice writes, to check that a refused one wrote nothing. */
export async function noticeTrace(caseId: string) {
  const db = t.database.db;
  const notices = await db
    .selectFrom('case_notices')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['citizen_informed', 'notice_exempted'])
    .execute();
  return { notices: notices.length, events: events.length };
}
