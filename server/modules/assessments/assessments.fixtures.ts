import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import { createCase, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * The case's 360° assessment: start (idempotent) / edit / finalise by the case's coordinators
 * and forum members with the compartment, versions copied from the previous final one, final
 * assessments never edited, optimistic locking, the concern level set on the case, chronology
 * events and audit entries; plain members read without the risk lens; mentors 403; others 404.
 */
export let t: TestApp;
export let theCase: { id: string; reference: string };
export let closedCase: { id: string; reference: string };
export let person: { id: string; name: string };
export let coordinator: TestUser;
export let forum: TestUser;
const as: Record<string, Client> = {};
export const RISK_TEXT = 'Risiko-tekst-om-voldsparathed';
export const JUDGEMENT = 'Samlet-faglig-vurdering-hemmelig';
export const RISK_FACTOR = 'Risikofaktor-kontakt-til-miljøet';

type Name = 'coordinator' | 'forum' | 'member' | 'mentor' | 'outsider' | 'breaker';

/** The app, users and cases these tests share: set up once per test file. */
export function useAssessmentsFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const team = await createTeamCase(db, ['coordinator', 'forum', 'member', 'mentor', 'outsider']);
    ({ person, theCase } = team);
    ({ coordinator, forum } = team.users);
    const breaker = await createUser(db, { roles: ['coordinator'] });
    closedCase = await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', closedCase.id)
      .execute();
    // A break-the-glass reader: a coordinator who is not a member, with a live grant.
    await db
      .insertInto('access_grants')
      .values({
        user_id: breaker.id,
        case_id: theCase.id,
        reason: 'Akut henvendelse fra politiet uden for kontortid.',
        granted_at: new Date(),
        expires_at: new Date(Date.now() + 60 * 60 * 1000),
      })
      .execute();
    await logInAll(t, { ...team.users, breaker }, as);
  });
  afterAll(() => t.close());
}

export const caller = (name: Name): Client => callerIn(as, name);

export interface Assessment {
  id: string;
  number: number;
  status: string;
  basedOnId: string | null;
  version: number;
  dimensions: Record<string, { risk?: string | null; wellbeing: string | null }>;
  riskFactors?: string[];
  protectiveFactors: string[];
  overallJudgement?: string | null;
  concernLevel: string | null;
  resources: string | null;
  followUpIntervalDays: number | null;
  createdBy: { id: string; name: string };
  finalisedBy: { id: string; name: string } | null;
  finalisedAt: string | null;
}
export interface List {
  id: string;
  items: Assessment[];
}

export const url = (path = '', caseId = theCase.id) => `/api/cases/${caseId}/assessments${path}`;
export { fieldsOf } from '../../test/records.ts';

export async function rowOf(id: string) {
  return t.database.db
    .selectFrom('case_assessments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
export async function caseRow(id = theCase.id) {
  return t.database.db
    .selectFrom('cases')
    .select(['concern_level', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
export async function eventsOf(kind: string) {
  return t.database.db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', theCase.id)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}
export async function assessmentCount(caseId = theCase.id) {
  const rows = await t.database.db
    .selectFrom('case_assessments')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.length;
}

export const content = {
  dimensions: {
    violence: { risk: RISK_TEXT, wellbeing: 'Går til boksning to gange om ugen.' },
    family: { risk: null, wellbeing: 'Tæt på sin lillesøster.' },
  },
  riskFactors: [RISK_FACTOR],
  protectiveFactors: ['Fast fritidsjob', 'Glad for sin mentor'],
  resources: 'God til matematik.',
  citizenPerspective: 'Føler sig misforstået af skolen.',
  sources: 'Samtale med borgeren og forældrene; skolens underretning.',
  overallJudgement: JUDGEMENT,
  concernLevel: 'moderate',
  recommendedInterventions: 'Mentor og forældrecoach.',
  interventionTargets: 'Skolegang og netværk.',
  followUpIntervalDays: 30,
};
