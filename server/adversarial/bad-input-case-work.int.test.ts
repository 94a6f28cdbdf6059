import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { buildWorkbench, today, versionOf, type Workbench } from '../test/case-workbench.ts';
import { client, type Client } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';
import { runReviewJob } from '../modules/closure/job.ts';
import { addDays } from '../modules/closure/dates.ts';

/**
 * Generated bad input (issue 10) for the case work: interventions and their sessions, consents,
 * offers, follow-ups, closure and re-review — sent by a coordinator of the cases. Three cases:
 * one at work (closure is proposed on it last), one with a closure waiting for approval, one
 * closed and under re-review.
 */
let t: TestApp;
let run: BadInputRun;
let atWork: Workbench;
let proposed: Workbench & { closureId: string };
let reviewed: Workbench & { reviewId: string; filingId: string };

/** Proposes closure of a workbench case: every goal achieved, the intervention ended. */
function closureBody(wb: Workbench) {
  return {
    outcome: 'handled',
    reason: 'Bekymringen er håndteret.',
    goalStatuses: wb.goalKeys.map((goalKey) => ({ goalKey, status: 'achieved' })),
    interventionDispositions: [{ interventionId: wb.interventionId, disposition: 'end' }],
  };
}
async function propose(c: Client, wb: Workbench): Promise<string> {
  const res = await c.post(`/api/cases/${wb.caseId}/closure`, closureBody(wb));
  if (res.statusCode !== 201) throw new Error(`closure: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  // One coordinator proposes and approves here; four-eyes on closures has its own tests.
  await db
    .insertInto('municipality_settings')
    .values({ municipality_code: '101', closure_four_eyes: false })
    .execute();
  const session: LoggedIn = await login(t.app, coordinator);
  const c = client(t.app, session);
  const text = 'Bekymring for radikalisering.';
  atWork = await buildWorkbench(db, c, coordinator.id, { text });
  const second = await buildWorkbench(db, c, coordinator.id, { text });
  proposed = { ...second, closureId: await propose(c, second) };
  // The third is closed, and its six-month re-review has fallen due today.
  const third = await buildWorkbench(db, c, coordinator.id, { text });
  const closureId = await propose(c, third);
  const approved = await c.post(`/api/cases/${third.caseId}/closure/${closureId}/approve`, {
    caseVersion: await versionOf(db, 'cases', third.caseId),
  });
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  const review = await db
    .selectFrom('case_reviews')
    .select(['id', 'due_on'])
    .where('case_id', '=', third.caseId)
    .where('months', '=', 6)
    .executeTakeFirstOrThrow();
  await runReviewJob(db, new Date(`${review.due_on}T10:00:00Z`));
  await db
    .updateTable('case_reviews')
    .set({ due_on: today() })
    .where('id', '=', review.id)
    .execute();
  const filed = await c.post(`/api/cases/${third.caseId}/filings`, {
    document: 'case-summary',
    documentVersion: today(),
    journalNumber: '00.00.00-G01-1-26',
    filedOn: today(),
  });
  if (filed.statusCode !== 201) throw new Error(`filing: ${filed.body}`);
  reviewed = { ...third, reviewId: review.id, filingId: (filed.json() as { id: string }).id };
  run = new BadInputRun(t, session);
});
afterAll(async () => {
  printCounts(run.report(`case work (${testEngine})`));
  await t.close();
});

const version = (table: string, id: string) => versionOf(t.database.db, table, id);
const at = (more: Record<string, string> = {}) => ({ id: atWork.caseId, ...more });

/** In this order: proposing closure blocks further work on the case, so it goes last. */
const fixtures: Record<string, () => Fixture> = {
  'POST /api/cases/{id}/interventions': () => ({
    params: at(),
    body: () => ({
      interventionTypeId: atWork.typeId,
      personId: atWork.citizenId,
      providerName: 'Ekstern mentor',
      purpose: 'Støtte til skolegang',
      startsOn: today(),
      endsOn: addDays(today(), 90),
    }),
  }),
  'PATCH /api/cases/{id}/interventions/{interventionId}': () => ({
    params: at({ interventionId: atWork.interventionId }),
    body: async () => ({
      version: await version('case_interventions', atWork.interventionId),
      purpose: 'Støtte til skolegang og fritid',
      endsOn: addDays(today(), 120),
      providerName: 'Ekstern mentor',
    }),
  }),
  'POST /api/cases/{id}/interventions/{interventionId}/sessions': () => ({
    params: at({ interventionId: atWork.interventionId }),
    body: () => ({ heldOn: today(), note: 'Samtale om skolen.' }),
  }),
  'POST /api/cases/{id}/consents': () => ({
    params: at(),
    body: () => ({
      personId: atWork.citizenId,
      givenBy: 'guardian',
      purpose: 'Samarbejde med skolen',
      method: 'written',
      givenOn: today(),
    }),
  }),
  'POST /api/cases/{id}/consents/{consentId}/withdraw': () => ({
    params: at({ consentId: atWork.consentId }),
    body: () => ({ withdrawnOn: today() }),
  }),
  'POST /api/cases/{id}/consents/{consentId}/signed': () => ({
    params: at({ consentId: atWork.consentId }),
    body: async () => ({
      version: await version('case_consents', atWork.consentId),
      signedOn: today(),
    }),
  }),
  'PUT /api/cases/{id}/consents/{consentId}/scan': () => ({
    params: at({ consentId: atWork.consentId }),
    body: async () => ({
      version: await version('case_consents', atWork.consentId),
      file: Buffer.from('%PDF-1.4\nunderskrevet samtykke').toString('base64'),
    }),
  }),
  'POST /api/cases/{id}/offers': () => ({
    params: at(),
    body: () => ({
      personId: atWork.parentId,
      kind: 'mentor',
      interventionTypeId: atWork.typeId,
      offeredOn: today(),
      note: 'Tilbudt ved hjemmebesøg.',
    }),
  }),
  'POST /api/cases/{id}/offers/{offerId}/answer': () => ({
    params: at({ offerId: atWork.offerId }),
    body: async () => ({
      version: await version('case_offers', atWork.offerId),
      answer: 'declined',
      answeredOn: today(),
      note: 'Ikke nu.',
    }),
  }),
  'POST /api/cases/{id}/offers/{offerId}/make': () => ({
    params: at({ offerId: atWork.offerId }),
    body: async () => ({
      version: await version('case_offers', atWork.offerId),
      offeredOn: today(),
    }),
  }),
  'POST /api/cases/{id}/follow-ups': () => ({
    params: at(),
    body: () => ({ dueOn: addDays(today(), 14) }),
  }),
  'POST /api/cases/{id}/follow-ups/{followUpId}/record': () => ({
    params: at({ followUpId: atWork.followUpId }),
    body: async () => ({
      version: await version('case_follow_ups', atWork.followUpId),
      heldOn: today(),
      concernLevel: 'moderate',
      summary: 'Går bedre i skolen.',
      goalProgress: [{ goalKey: atWork.goalKeys[0], status: 'in_progress', note: null }],
      competences: { network: 2, focus: 3 },
    }),
  }),
  'POST /api/cases/{id}/follow-ups/{followUpId}/cancel': () => ({
    params: at({ followUpId: atWork.followUpId }),
    body: async () => ({ version: await version('case_follow_ups', atWork.followUpId) }),
  }),
  'POST /api/cases/{id}/disclosures': () => ({
    params: at(),
    body: () => ({
      id: crypto.randomUUID(),
      disclosedOn: today(),
      recipientOrganisation: 'Psykiatrien, PSP',
      recipientKind: 'psychiatry',
      categories: ['plan'],
      legalBasis: 'Retsplejeloven § 115 (PSP)',
      purpose: 'Kriminalitetsforebyggende samarbejde',
      decidedBy: 'Tovholderen',
      channel: 'phone',
      personIds: [atWork.citizenId],
    }),
  }),
  'POST /api/cases/{id}/filings': () => ({
    params: at(),
    body: () => ({
      document: 'case-summary',
      documentVersion: today(),
      journalNumber: '00.00.00-G01-1-26',
      filedOn: today(),
    }),
  }),
  'POST /api/cases/{id}/notices': () => ({
    params: at(),
    body: () => ({
      id: crypto.randomUUID(),
      outcome: 'informed',
      personId: atWork.citizenId,
      method: 'letter',
      givenOn: today(),
    }),
  }),
  'POST /api/cases/{id}/closure/{closureId}/approve': () => ({
    params: { id: proposed.caseId, closureId: proposed.closureId },
    body: async () => ({ caseVersion: await version('cases', proposed.caseId) }),
  }),
  'POST /api/cases/{id}/closure/{closureId}/reject': () => ({
    params: { id: proposed.caseId, closureId: proposed.closureId },
    body: () => ({ comment: 'Mål 2 mangler.' }),
  }),
  'PATCH /api/cases/{id}/filings/{filingId}': () => ({
    params: { id: reviewed.caseId, filingId: reviewed.filingId },
    body: async () => ({
      version: await version('case_filings', reviewed.filingId),
      journalNumber: '00.00.00-G01-2-26',
      filedOn: today(),
      reason: 'Tastefejl i løbenummeret',
    }),
  }),
  'POST /api/cases/{id}/filings/{filingId}/withdrawal': () => ({
    params: { id: reviewed.caseId, filingId: reviewed.filingId },
    body: async () => ({
      version: await version('case_filings', reviewed.filingId),
      reason: 'Registreret på den forkerte sag',
    }),
  }),
  'POST /api/cases/{id}/reviews/{reviewId}': () => ({
    params: { id: reviewed.caseId, reviewId: reviewed.reviewId },
    body: async () => ({
      version: await version('case_reviews', reviewed.reviewId),
      decision: 'confirm',
      heldOn: today(),
      noLongerAtRisk: true,
    }),
  }),
  'POST /api/cases/{id}/closure': () => ({ params: at(), body: () => closureBody(atWork) }),
};

describe(`generated bad input: case work (${testEngine})`, () => {
  badInputTests({ group: 'case-work', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
