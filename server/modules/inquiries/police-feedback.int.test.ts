import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createInquiryRow,
  createPerson,
  createPoliceContact,
  type Client,
  type ErrorBody,
} from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';

/**
 * The police's feedback on an inquiry handed to them (issue 14 part 8): a police contact of the
 * district sees only the inquiries handed to the police there (reference, date, municipality),
 * sends what the municipality may know; it lands in the inquiry's chronology and as a task for
 * the municipality's coordinators until one marks it read. Every id is checked: an inquiry not
 * handed to the police, or of another district, is a 404 with a Danish message, nothing stored.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
let handed: { id: string; reference: string };
let notHanded: { id: string; reference: string };
let otherDistrict: { id: string; reference: string };

interface Handed {
  inquiryId: string;
  reference: string;
  handedAt: string;
  municipality: { code: string; name: string };
  feedback: { id: string; kind: string; note: string | null }[];
}
interface Feedback {
  id: string;
  kind: string;
  note: string | null;
  sentBy: string;
  readAt: string | null;
  readBy: string | null;
  version: number;
}
interface Task {
  id: string;
  kind: string;
  inquiryId: string | null;
  inquiryReference: string | null;
}

async function decideForPolice(inquiryId: string, decidedBy: string, handedAt: Date | null) {
  await t.database.db
    .insertInto('inquiry_decisions')
    .values({
      inquiry_id: inquiryId,
      outcome: handedAt ? 'police' : 'no_concern',
      reason: 'Vurderet i Infohus Kommune.',
      police_handed_at: handedAt,
      police_recipient: handedAt ? 'Københavns Politi, Infohus' : null,
      age_group: 'adult',
      subject_kind: 'person',
      status: 'final',
      decided_by: decidedBy,
    })
    .execute();
  await t.database.db
    .updateTable('inquiries')
    .set({ status: 'decided' })
    .where('id', '=', inquiryId)
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  Object.assign(
    users,
    await createUsers(db, {
      coordinator: 'coordinator',
      secondCoordinator: 'coordinator',
      caseworker: 'caseworker',
      ballerupCoordinator: ['coordinator', '151'],
    }),
  );
  users.police = await createPoliceContact(db, 11);
  users.otherPolice = await createPoliceContact(db, 10);
  await logInAll(t, users, as);
  const by = users.coordinator?.id ?? '';
  const person = await createPerson(db, { givenName: 'Jonas', familyName: 'Brix-Holm' });
  handed = await createInquiryRow(db, { createdBy: by, persons: [person.id] });
  await decideForPolice(handed.id, by, new Date(Date.now() - 3 * 86_400_000));
  notHanded = await createInquiryRow(db, { createdBy: by });
  await decideForPolice(notHanded.id, by, null);
  otherDistrict = await createInquiryRow(db, {
    createdBy: users.ballerupCoordinator?.id ?? '',
    municipalityCode: '151',
  });
  await decideForPolice(otherDistrict.id, users.ballerupCoordinator?.id ?? '', new Date());
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);
const feedbackRows = () =>
  t.database.db.selectFrom('police_feedback').selectAll().orderBy('sent_at').execute();
const tasksOf = async (name: string) => {
  const res = await caller(name).get('/api/tasks?kind=police_feedback');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Task[] }).items;
};

describe(`police feedback (${testEngine})`, () => {
  it("lists for a police contact only the inquiries handed to their district's police, references only", async () => {
    const res = await caller('police').get('/api/police-feedback');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Handed[] }).items;
    expect(items.map((i) => i.inquiryId)).toEqual([handed.id]);
    expect(items[0]).toEqual({
      inquiryId: handed.id,
      reference: handed.reference,
      handedAt: expect.any(String),
      municipality: { code: '101', name: 'København' },
      feedback: [],
    });
    // Nothing of the observation or the persons.
    expect(res.body).not.toContain('Brix-Holm');
    expect(res.body).not.toContain('ekstremisme');

    const other = await caller('otherPolice').get('/api/police-feedback');
    expect((other.json() as { items: Handed[] }).items.map((i) => i.inquiryId)).toEqual([
      otherDistrict.id,
    ]);
    expect((await caller('coordinator').get('/api/police-feedback')).statusCode).toBe(403);
  });

  it.each([
    ['not handed to the police', () => notHanded.id],
    ['of another district', () => otherDistrict.id],
    ['missing', () => randomUUID()],
  ])(
    'refuses feedback on an inquiry %s: 404 with a Danish message, nothing stored',
    async (_, id) => {
      const res = await caller('police').post(`/api/police-feedback/${id()}`, {
        id: randomUUID(),
        kind: 'no_police_action',
      });
      expect(res.statusCode).toBe(404);
      const error = (res.json() as ErrorBody).error;
      expect(error.fields?.[0]).toMatchObject({
        field: 'params.inquiryId',
        code: 'not_handed_to_police',
      });
      expect(error.fields?.[0]?.message).toContain('politikreds');
      expect(await feedbackRows()).toEqual([]);
    },
  );

  it.each([
    [{ kind: 'maybe' }, 'body.kind'],
    [{ kind: 'other' }, 'body.note'],
    [{ kind: 'other', note: '   ' }, 'body.note'],
    [{ kind: 'no_police_action', note: 'x'.repeat(1001) }, 'body.note'],
  ])('refuses %j naming %s, nothing stored', async (body, field) => {
    const res = await caller('police').post(`/api/police-feedback/${handed.id}`, {
      id: randomUUID(),
      ...body,
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual([field]);
    expect(await feedbackRows()).toEqual([]);
  });

  it('sends feedback once (idempotent by id), into the chronology and the coordinators’ tasks', async () => {
    const id = randomUUID();
    const body = {
      id,
      kind: 'municipality_may_continue',
      note: 'Politiet foretager sig ikke mere. Kommunen kan fortsætte et forebyggende forløb.',
    };
    const res = await caller('police').post(`/api/police-feedback/${handed.id}`, body);
    expect(res.statusCode, res.body).toBe(201);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ resource_id: handed.id, municipality_code: '101' });
    const again = await caller('police').post(`/api/police-feedback/${handed.id}`, body);
    expect(again.statusCode).toBe(200);
    expect(await feedbackRows()).toHaveLength(1);

    const history = await caller('coordinator').get(`/api/inquiries/${handed.id}/history`);
    const events = (history.json() as { events: { kind: string; changes: unknown }[] }).events;
    expect(events.filter((e) => e.kind === 'police_feedback_received')).toEqual([
      expect.objectContaining({ changes: { feedbackId: id, kind: 'municipality_may_continue' } }),
    ]);

    for (const name of ['coordinator', 'secondCoordinator']) {
      expect(await tasksOf(name)).toEqual([
        expect.objectContaining({
          id,
          kind: 'police_feedback',
          inquiryId: handed.id,
          inquiryReference: handed.reference,
        }),
      ]);
    }
    // Not the caseworker, nor another municipality's coordinator.
    expect(await tasksOf('caseworker')).toEqual([]);
    expect(await tasksOf('ballerupCoordinator')).toEqual([]);
    // The police see what they sent.
    const list = (await caller('police').get('/api/police-feedback')).json() as { items: Handed[] };
    expect(list.items[0]?.feedback).toEqual([
      expect.objectContaining({ id, kind: 'municipality_may_continue' }),
    ]);
  });

  it('the inquiry page shows the feedback (audited read); a coordinator marks it read and the task goes', async () => {
    const res = await caller('coordinator').get(`/api/inquiries/${handed.id}/police-feedback`);
    expect(res.statusCode, res.body).toBe(200);
    const { items, mayMarkRead } = res.json() as { items: Feedback[]; mayMarkRead: boolean };
    expect(mayMarkRead).toBe(true);
    expect(items).toHaveLength(1);
    const feedback = items[0] as Feedback;
    expect(feedback).toMatchObject({ readAt: null, readBy: null, version: 1 });
    expect((await auditRowsOf(t.database.db, res)).map((r) => r.action)).toEqual(['read']);

    // Police of the district never read the inquiry's page; nor another municipality.
    expect(
      (await caller('otherPolice').get(`/api/inquiries/${handed.id}/police-feedback`)).statusCode,
    ).toBe(404);
    expect(
      (await caller('ballerupCoordinator').get(`/api/inquiries/${handed.id}/police-feedback`))
        .statusCode,
    ).toBe(404);

    const url = `/api/inquiries/${handed.id}/police-feedback/${feedback.id}/read`;
    const stale = await caller('coordinator').post(url, { version: 2 });
    expect(stale.statusCode).toBe(409);
    const read = await caller('coordinator').post(url, { version: 1 });
    expect(read.statusCode, read.body).toBe(204);
    expect(await tasksOf('coordinator')).toEqual([]);
    expect(await tasksOf('secondCoordinator')).toEqual([]);
    const twice = await caller('secondCoordinator').post(url, { version: 1 });
    expect(twice.statusCode).toBe(409);

    const after = (
      await caller('coordinator').get(`/api/inquiries/${handed.id}/police-feedback`)
    ).json() as { items: Feedback[] };
    expect(after.items[0]).toMatchObject({ readAt: expect.any(String), version: 2 });
    const history = await caller('coordinator').get(`/api/inquiries/${handed.id}/history`);
    const kinds = (history.json() as { events: { kind: string }[] }).events.map((e) => e.kind);
    expect(kinds).toContain('police_feedback_read');
  });

  it('a feedback id of another inquiry is a 404 when marked read', async () => {
    const res = await caller('coordinator').post(
      `/api/inquiries/${notHanded.id}/police-feedback/${randomUUID()}/read`,
      { version: 1 },
    );
    expect(res.statusCode).toBe(404);
  });
});
