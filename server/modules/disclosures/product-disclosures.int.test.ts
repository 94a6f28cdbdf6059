import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  createPoliceContact,
  type Client,
} from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import type { CitizenTrail } from './schema-trail.ts';

/**
 * Disclosures the product makes itself are registered by it (issue 13 part 2): a municipal
 * user's contribution to an inquiry handled by a forum the police sit in (the Infohus procedure)
 * is one entry — recipient the police, the contribution's legal basis, the inquiry's persons,
 * channel `product` — in the same transaction, and appears in the data-protection role's view of
 * the citizen. Without police in the forum, or when the police contribute, there is none.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
let infohus = '';
let plainForum = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  Object.assign(
    users,
    await createUsers(db, {
      coordinator: 'coordinator',
      forum: 'forum_member',
      caseworker: 'caseworker',
      dpo: 'data_protection',
    }),
  );
  users.police = await createPoliceContact(db);
  await logInAll(t, users, as);
  infohus = (
    await createForum(db, {
      name: 'Test Infohus',
      members: [users.forum?.id ?? '', users.police.id, users.coordinator?.id ?? ''],
    })
  ).id;
  plainForum = (await createForum(db, { members: [users.forum?.id ?? ''] })).id;
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);

async function inquiryIn(forumId: string) {
  const person = await createPerson(t.database.db, { givenName: 'Infohusborger' });
  const inquiry = await createInquiryRow(t.database.db, {
    createdBy: users.coordinator?.id ?? '',
    persons: [person.id],
    forumId,
    status: 'triaged',
  });
  return { person, inquiry };
}

const entriesAbout = (personId: string) =>
  t.database.db
    .selectFrom('disclosures as d')
    .innerJoin('disclosure_persons as dp', 'dp.disclosure_id', 'd.id')
    .selectAll('d')
    .where('dp.person_id', '=', personId)
    .execute();

describe(`disclosures the product registers itself (${testEngine})`, () => {
  it("registers a municipal contribution shared with the police in the forum, in the contribution's transaction", async () => {
    const { person, inquiry } = await inquiryIn(infohus);
    const res = await caller('forum').post(`/api/inquiries/${inquiry.id}/contributions`, {
      body: 'Kendt i klubben for uro.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const entries = await entriesAbout(person.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      case_id: null,
      municipality_code: '101',
      recipient_organisation: 'Politiet i Test Infohus',
      recipient_kind: 'police',
      legal_basis: 'Retsplejeloven § 115',
      channel: 'product',
      recorded_by_hand: false,
      product_source: 'inquiry_contribution',
      recorded_by: users.forum?.id,
    });
    expect(entries[0]?.purpose).toContain('ikke efterforskning');
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.filter((a) => a.resource_type === 'disclosure')).toEqual([
      expect.objectContaining({
        action: 'disclose',
        subject_person_id: person.id,
        legal_basis: 'Retsplejeloven § 115',
      }),
    ]);

    const trail = (
      await caller('dpo').post('/api/disclosures/citizen-trail', {
        personId: person.id,
        kind: 'disclosure',
      })
    ).json() as CitizenTrail;
    expect(trail.items).toEqual([
      expect.objectContaining({
        kind: 'disclosure',
        legalBasis: 'Retsplejeloven § 115',
        disclosure: expect.objectContaining({
          channel: 'product',
          productSource: 'inquiry_contribution',
          recipientKind: 'police',
        }),
      }),
    ]);
  });

  it('registers nothing when no police sit in the forum, or when the police contribute', async () => {
    const plain = await inquiryIn(plainForum);
    const res = await caller('forum').post(`/api/inquiries/${plain.inquiry.id}/contributions`, {
      body: 'Intet til politiet.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await entriesAbout(plain.person.id)).toHaveLength(0);

    const own = await inquiryIn(infohus);
    const police = await caller('police').post(`/api/inquiries/${own.inquiry.id}/contributions`, {
      body: 'Politiets egen oplysning.',
    });
    expect(police.statusCode, police.body).toBe(200);
    expect(await entriesAbout(own.person.id)).toHaveLength(0);
  });

  it('registers a police user added to a case as a disclosure to the police under § 115, and nothing for other members', async () => {
    const db = t.database.db;
    const citizen = await createPerson(db, { givenName: 'Sagsborger' });
    const c = await createCase(db, {
      persons: [{ id: citizen.id }],
      members: [{ userId: users.coordinator?.id ?? '', role: 'coordinator' }],
    });
    const worker = await caller('coordinator').post(`/api/cases/${c.id}/members`, {
      userId: users.caseworker?.id,
      role: 'member',
    });
    expect(worker.statusCode, worker.body).toBeLessThan(300);
    expect(await entriesAbout(citizen.id)).toHaveLength(0);

    const res = await caller('coordinator').post(`/api/cases/${c.id}/members`, {
      userId: users.police?.id,
      role: 'forum',
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const entries = await entriesAbout(citizen.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      case_id: c.id,
      recipient_organisation: 'Politiet',
      recipient_kind: 'police',
      legal_basis: 'Retsplejeloven § 115',
      channel: 'product',
      product_source: 'case_member_police',
      recorded_by: users.coordinator?.id,
    });
    expect(entries[0]?.recipient_person).toBeTruthy();
    expect(entries[0]?.categories).toEqual(['case_history', 'plan', 'interventions', 'concern']);
    expect(entries[0]?.purpose).toContain('ikke efterforskning');
    // The case's own list shows it to its members.
    const list = (await caller('coordinator').get(`/api/cases/${c.id}/disclosures`)).json() as {
      items: { productSource: string | null }[];
    };
    expect(list.items.map((i) => i.productSource)).toEqual(['case_member_police']);
  });
});
