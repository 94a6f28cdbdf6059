import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { badQueryTests, queryReport } from '../test/bad-query.ts';
import { buildWorkbench, versionOf, type Workbench } from '../test/case-workbench.ts';
import { client, type Client } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for inquiries (intake, assessment, decision, four-eyes review,
 * reopening), drafts, persons (edit, CPR, merge, relations) and notifications — sent by a
 * coordinator of the municipality, who sees every inquiry and the persons of their case.
 */
let t: TestApp;
let run: BadInputRun;
let wb: Workbench;
let coordinator: Client;
let session: LoggedIn;
const queries = { count: 0, fivexx: 0, unnamed400: 0 };
const inquiry: Record<'open' | 'toDecide' | 'pending' | 'decided' | 'child', string> = {
  open: '',
  toDecide: '',
  pending: '',
  decided: '',
  child: '',
};
let mergeFrom = '';
let mergeInto = '';
let notificationId = '';
const draftId = randomUUID();
const draftToDelete = randomUUID();
const feedbackId = randomUUID();

const inquiryBody = () => ({
  source: 'teacher',
  channel: 'phone',
  reporter: { anonymous: false, name: 'Lærer Demo', contact: '12345678' },
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  observation: 'Eleven taler om at skade andre.',
  subjectKind: 'persons',
  groupDescription: null,
  persons: [
    { new: { givenName: 'Carl', familyName: 'Prøvesen', birthDate: '2009-06-01', cpr: null } },
    { new: { givenName: 'Dina', familyName: 'Prøvesen' }, relationToFirst: 'sibling' },
  ],
  signs: [{ code: 'violent_messages', note: 'Beskeder til klassen.' }],
  immediateDanger: false,
  draftId: null,
});
const idempotency = () => ({ 'idempotency-key': `bad-${randomUUID()}` });

async function recordInquiry(c: Client): Promise<string> {
  const res = await c.post('/api/inquiries', inquiryBody(), idempotency());
  if (res.statusCode !== 201) throw new Error(`inquiry: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
const decision = (version: number) => ({
  version,
  outcome: 'no_concern',
  reason: 'Ingen bekymring efter samtale med skolen.',
  classification: { subjectKind: 'persons' },
});

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const user = await createUser(db, { roles: ['coordinator'] });
  session = await login(t.app, user);
  coordinator = client(t.app, session);
  const second = client(
    t.app,
    await login(t.app, await createUser(db, { roles: ['coordinator'] })),
  );
  wb = await buildWorkbench(db, coordinator, user.id, { text: 'Bekymring for radikalisering.' });
  // Four eyes from here on: a decision waits for a second coordinator.
  await db
    .insertInto('municipality_settings')
    .values({ municipality_code: '101', four_eyes: true })
    .execute();
  for (const key of Object.keys(inquiry) as (keyof typeof inquiry)[]) {
    inquiry[key] = await recordInquiry(coordinator);
  }
  for (const key of ['pending', 'decided'] as const) {
    const id = inquiry[key];
    const res = await second.post(
      `/api/inquiries/${id}/decision`,
      decision(await versionOf(db, 'inquiries', id)),
    );
    if (res.statusCode !== 200) throw new Error(`decision: ${res.body}`);
  }
  const approved = await coordinator.post(`/api/inquiries/${inquiry.decided}/decision/review`, {
    version: await versionOf(db, 'inquiries', inquiry.decided),
    approve: true,
  });
  if (approved.statusCode !== 200) throw new Error(`review: ${approved.body}`);
  const marked = await coordinator.post(`/api/inquiries/${inquiry.child}/child-report`, {
    childReport: true,
    version: await versionOf(db, 'inquiries', inquiry.child),
  });
  if (marked.statusCode !== 200) throw new Error(`child report: ${marked.body}`);
  const persons = await db
    .selectFrom('inquiry_persons')
    .select('person_id')
    .where('inquiry_id', '=', inquiry.open)
    .orderBy('position')
    .execute();
  mergeFrom = persons[0]?.person_id ?? '';
  mergeInto = persons[1]?.person_id ?? '';
  const related = await coordinator.post(`/api/persons/${wb.citizenId}/relations`, {
    relatedPersonId: wb.parentId,
    relation: 'parent',
  });
  if (related.statusCode >= 300) throw new Error(`relation: ${related.body}`);
  const note = await db
    .insertInto('notifications')
    .values({ user_id: user.id, kind: 'case_update', case_id: wb.caseId })
    .returning('id')
    .executeTakeFirstOrThrow();
  notificationId = note.id;
  // The police's feedback on an inquiry, for its coordinators to mark read (issue 14 part 8).
  await db
    .insertInto('police_feedback')
    .values({
      id: feedbackId,
      inquiry_id: inquiry.decided,
      kind: 'no_police_action',
      sent_by: user.id,
    })
    .execute();
  const draft = await coordinator.put(`/api/inquiry-drafts/${draftToDelete}`, {
    version: 0,
    content: { observation: 'Kladde' },
  });
  if (draft.statusCode >= 300) throw new Error(`draft: ${draft.body}`);
  run = new BadInputRun(t, session);
});
afterAll(async () => {
  printCounts(run.report(`inquiries and persons (${testEngine})`));
  printCounts(queryReport(`records and inquiries (${testEngine})`, queries));
  await t.close();
});

const version = (table: string, id: string) => versionOf(t.database.db, table, id);
const draftVersion = async () =>
  (
    await t.database.db
      .selectFrom('inquiry_drafts')
      .select('version')
      .where('id', '=', draftId)
      .executeTakeFirst()
  )?.version ?? 0;

const fixtures: Record<string, () => Fixture> = {
  'POST /api/inquiries': () => ({ body: inquiryBody, headers: idempotency }),
  'PATCH /api/inquiries/{id}': () => ({
    params: { id: inquiry.open },
    body: async () => ({
      version: await version('inquiries', inquiry.open),
      observation: 'Eleven taler om at skade andre, også uden for skolen.',
      signs: [{ code: 'violent_messages', note: null }],
      receivedAt: new Date(Date.now() - 7_200_000).toISOString(),
    }),
  }),
  'POST /api/inquiries/{id}/triage': () => ({
    params: { id: inquiry.open },
    body: async () => ({ version: await version('inquiries', inquiry.open), seriousness: 'high' }),
  }),
  'POST /api/inquiries/{id}/contributions': () => ({
    params: { id: inquiry.open },
    body: () => ({ body: 'Skolen bekræfter.', legalBasis: 'consent', unitId: null }),
  }),
  'POST /api/inquiries/{id}/decision': () => ({
    params: { id: inquiry.toDecide },
    body: async () => decision(await version('inquiries', inquiry.toDecide)),
  }),
  'POST /api/inquiries/{id}/decision/review': () => ({
    params: { id: inquiry.pending },
    body: async () => ({
      version: await version('inquiries', inquiry.pending),
      approve: false,
      comment: 'Tal med forældrene først.',
    }),
  }),
  'POST /api/inquiries/{id}/reopen': () => ({
    params: { id: inquiry.decided },
    body: async () => ({
      version: await version('inquiries', inquiry.decided),
      reason: 'Ny henvendelse fra skolen.',
    }),
  }),
  'POST /api/inquiries/{id}/child-report': () => ({
    params: { id: inquiry.open },
    body: async () => ({ childReport: true, version: await version('inquiries', inquiry.open) }),
  }),
  'POST /api/inquiries/{id}/immediate-help': () => ({
    params: { id: inquiry.child },
    body: async () => ({
      needed: false,
      note: 'Skolen har talt med barnet.',
      version: await version('inquiries', inquiry.child),
    }),
  }),
  'POST /api/inquiries/{id}/acknowledgement': () => ({
    params: { id: inquiry.child },
    body: async () => ({
      version: await version('inquiries', inquiry.child),
      email: 'skoleleder@demo.invalid',
    }),
  }),
  'PUT /api/inquiry-drafts/{id}': () => ({
    params: { id: draftId },
    body: async () => ({ version: await draftVersion(), content: { observation: 'Kladde' } }),
  }),
  'DELETE /api/inquiry-drafts/{id}': () => ({ params: { id: draftToDelete } }),
  'PATCH /api/persons/{id}': () => ({
    params: { id: wb.citizenId },
    body: async () => ({
      version: await version('persons', wb.citizenId),
      givenName: 'Aksel',
      birthDate: '2010-03-14',
      address: 'Skolevej 1',
      phone: null,
    }),
  }),
  'POST /api/inquiries/search': () => ({ body: () => ({ text: 'Prøvesen', status: 'all' }) }),
  'POST /api/persons/search': () => ({ body: () => ({ name: 'Prøvesen' }) }),
  'POST /api/persons/possible-duplicates': () => ({
    body: () => ({ givenName: 'Aksel', familyName: 'Prøvesen', birthDate: '2010-03-14' }),
  }),
  'POST /api/persons/{id}/cpr': () => ({ params: { id: wb.citizenId } }),
  'POST /api/persons/{id}/merge': () => ({
    params: { id: mergeFrom },
    body: async () => ({ intoPersonId: mergeInto, version: await version('persons', mergeFrom) }),
  }),
  'POST /api/persons/{id}/relations': () => ({
    params: { id: wb.citizenId },
    body: () => ({ relatedPersonId: wb.parentId, relation: 'parent' }),
  }),
  'DELETE /api/persons/{id}/relations/{relatedPersonId}': () => ({
    params: { id: wb.citizenId, relatedPersonId: wb.parentId },
  }),
  'POST /api/notifications/{id}/read': () => ({ params: { id: notificationId } }),
  'POST /api/inquiries/{id}/police-feedback/{feedbackId}/read': () => ({
    params: { id: inquiry.decided, feedbackId },
    body: async () => ({ version: await version('police_feedback', feedbackId) }),
  }),
};

describe(`generated bad input: inquiries and persons (${testEngine})`, () => {
  badInputTests({ group: 'inquiries', fixtures, perRoute: 16, context: () => ({ t, run }) });
  // The lists and tabs a coordinator reads (cases, chronology, access report, inbox, tasks).
  badQueryTests({
    policies: (policy) => /^(records|inquiries)\.|^session$/.test(policy),
    context: () => ({
      t,
      caller: session,
      idFor: (path) => (path.startsWith('/api/persons/') ? wb.citizenId : wb.caseId),
    }),
    sent: queries,
  });
});
