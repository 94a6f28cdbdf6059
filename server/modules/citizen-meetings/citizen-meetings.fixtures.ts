import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { RISK_ITEMS } from '../../../shared/citizen-meetings.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeam, logInAll, membersOf } from '../../test/case-team.ts';
import { createCase, createPerson, type Client } from '../../test/records.ts';
import type { TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';

/**
 * The tests' world for meeting the citizen: the usual case team (coordinator, forum, member,
 * mentor, outsider) and a case about a young woman, opened some days ago.
 */
export let t: TestApp;
export const as: Record<string, Client> = {};
export let team: Record<'coordinator' | 'forum' | 'member' | 'mentor' | 'outsider', TestUser>;
export const caller = (name: string): Client => callerIn(as, name);

export function useCitizenMeetingFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t.database.db, [
      'coordinator',
      'forum',
      'member',
      'mentor',
      'outsider',
    ]);
    await logInAll(t, team, as);
  });
  afterAll(() => t.close());
}

/** A case about a young woman, opened `daysAgo` days ago, with the team as its members. */
export async function womanCase(daysAgo = 30) {
  const db = t.database.db;
  const citizen = await createPerson(db, { givenName: 'Sara', familyName: 'Kontaktsen' });
  const c = await createCase(db, { persons: [{ id: citizen.id }], members: membersOf(team) });
  await db
    .updateTable('cases')
    .set({ opened_at: sql<Date>`now() - make_interval(days => ${daysAgo})` })
    .where('id', '=', c.id)
    .execute();
  return { ...c, citizen };
}

export const today = () => danishToday(new Date());
export const daysAgo = (n: number) => addDays(today(), -n);

export const attempt = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  attemptedOn: daysAgo(10),
  channel: 'phone',
  outcome: 'refused',
  ...extra,
});

/** Every item of the risk check answered. */
export const fullRiskCheck = () =>
  RISK_ITEMS.map((item) => ({ item, answer: item === 'someone_knows' ? 'yes' : 'no', note: null }));

export const preparation = (extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  plannedOn: daysAgo(1),
  purpose: 'clarify_concern',
  agenda: 'Hvordan går det med skolen, og hvad tænker hun selv?',
  place: 'Biblioteket',
  placeReason: 'Neutralt sted, hun kommer der selv.',
  riskCheck: fullRiskCheck(),
  riskConclusion: 'Ingen kendte risici; vi er to.',
  precautions: 'Mød op to og sid nær udgangen.',
  ...extra,
});

export const held = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  heldOn: daysAgo(1),
  summary: 'Vi talte om skolen og om hendes venner.',
  agreements: 'Sara kommer til et nyt møde. Vi kontakter skolen sammen med hende.',
  rightsTold: ['voluntary', 'access_to_file'],
  lifeline: {
    who: 'Mentor Anna',
    phone: '12 34 56 78',
    email: null,
    address: null,
    when: 'Hverdage 9-15',
  },
  nextMeetingOn: addDays(today(), 14),
  ...extra,
});

/** What the module writes for a case, to check that a refused request wrote nothing. */
export async function trace(caseId: string) {
  const db = t.database.db;
  const attempts = await db
    .selectFrom('citizen_contact_attempts')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  const meetings = await db
    .selectFrom('citizen_meetings')
    .select(['id', 'version', 'held_on'])
    .where('case_id', '=', caseId)
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select('kind')
    .where('case_id', '=', caseId)
    .where('kind', 'in', [
      'contact_attempt_recorded',
      'citizen_meeting_prepared',
      'citizen_meeting_held',
      'citizen_meeting_reflected',
    ])
    .execute();
  return {
    attempts: attempts.length,
    meetings: meetings.map((m) => ({ version: m.version, held: m.held_on !== null })),
    events: events.map((e) => e.kind).sort(),
  };
}
