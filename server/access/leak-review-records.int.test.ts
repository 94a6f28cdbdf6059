import { describe, expect, it } from 'vitest';
import { testEngine } from '../test/database.ts';
import {
  client,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  registerPerson,
  type Client,
} from '../test/records.ts';
import { createUser, login } from '../test/users.ts';
import {
  CPR,
  CPR_DIGITS,
  t,
  forum101,
  forum147,
  caller,
  id,
  fieldsOf,
  useLeakReviewFixtures,
} from './leak-review.fixtures.ts';

useLeakReviewFixtures();

describe(`leak review: records across municipalities and forums (${testEngine})`, () => {
  it('a forum member never sees an inquiry of another municipality through a forum id', async () => {
    const db = t.database.db;
    // Only the database can point an inquiry at a forum of another municipality (the API
    // refuses such a forumId); even then need-to-know keeps it within the municipality.
    const foreign = await createInquiryRow(db, {
      createdBy: id('coordinator147'),
      municipalityCode: '147',
      forumId: forum101.id,
      persons: [(await createPerson(db, { municipalityCode: '147' })).id],
    });
    for (const name of ['forum', 'coordinator']) {
      const res = await caller(name).get(`/api/inquiries/${foreign.id}`);
      expect(res.statusCode, name).toBe(404);
      const inbox = await caller(name).get('/api/inquiries?status=all');
      expect(inbox.body, name).not.toContain(foreign.reference);
    }
    expect((await caller('coordinator147').get(`/api/inquiries/${foreign.id}`)).statusCode).toBe(
      200,
    );
  });

  it('the API refuses to hand an inquiry to a forum of another municipality', async () => {
    const inquiry = await createInquiryRow(t.database.db, { createdBy: id('coordinator') });
    const res = await caller('coordinator').patch(`/api/inquiries/${inquiry.id}`, {
      version: 1,
      forumId: forum147.id,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.forumId']);
  });

  it("forum candidates: another municipality's forum is 404, and no user of another municipality is offered", async () => {
    for (const name of ['coordinator', 'admin']) {
      const res = await caller(name).get(`/api/forums/${forum147.id}/candidates`);
      expect(res.statusCode, name).toBe(404);
      expect(res.body, name).not.toContain(id('forum147'));
      expect((await caller(name).get(`/api/forums/${forum147.id}`)).statusCode, name).toBe(404);
    }
    const res = await caller('admin').get(`/api/forums/${forum101.id}/candidates`);
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as { items: { id: string }[] }).items.map((c) => c.id);
    expect(ids).toContain(id('coordinator'));
    for (const other of ['coordinator147', 'forum147', 'admin147']) {
      expect(ids).not.toContain(id(other));
    }
  });

  it('possible duplicates answer id, name, birth date and what matched: nothing else', async () => {
    const db = t.database.db;
    const registered = await registerPerson(db, {
      createdBy: id('coordinator'),
      givenName: 'Ingeborg',
      familyName: 'Skovhus',
      cpr: CPR,
      address: 'Hemmeligvej 7, 2300 København S',
      phone: '+45 12 34 56 78',
    });
    await registerPerson(db, {
      createdBy: id('coordinator147'),
      municipalityCode: '147',
      cpr: CPR,
    });
    // Only persons the caller may see are answered: here, through an inquiry being assessed.
    await createInquiryRow(db, { createdBy: id('coordinator'), persons: [registered.id] });
    const blind = await caller('hotline').post('/api/persons/possible-duplicates', { cpr: CPR });
    expect(blind.json()).toEqual({ items: [] });
    const res = await caller('coordinator').post('/api/persons/possible-duplicates', { cpr: CPR });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Record<string, unknown>[] }).items;
    expect(items).toEqual([
      { id: registered.id, name: 'Ingeborg Skovhus', birthDate: '2010-03-14', matchedOn: 'cpr' },
    ]);
    for (const secret of ['Hemmeligvej', '12 34 56 78', CPR_DIGITS, '4821', 'XXXX']) {
      expect(res.body).not.toContain(secret);
    }
  });
});

describe(`leak review: notifications follow the access to their record (${testEngine})`, () => {
  it('a notification about a case or an inquiry the user can no longer see is not shown', async () => {
    const db = t.database.db;
    const member = await createUser(db, { roles: ['caseworker'] });
    const forumMember = await createUser(db, { roles: ['forum_member'] });
    const demoted = await createUser(db, { roles: ['coordinator'] });
    const forum = await createForum(db, { members: [forumMember.id] });
    const theCase = await createCase(db, {
      members: [{ userId: member.id, role: 'member' }],
    });
    const inquiry = await createInquiryRow(db, {
      createdBy: id('coordinator'),
      forumId: forum.id,
    });
    await db
      .insertInto('notifications')
      .values([
        { user_id: member.id, kind: 'case_update', case_id: theCase.id },
        { user_id: forumMember.id, kind: 'inquiry_deadline_soon', inquiry_id: inquiry.id },
        { user_id: demoted.id, kind: 'inquiry_deadline_soon', inquiry_id: inquiry.id },
      ])
      .execute();
    const clients = {
      member: client(t.app, await login(t.app, member)),
      forumMember: client(t.app, await login(t.app, forumMember)),
      demoted: client(t.app, await login(t.app, demoted)),
    };
    // With access, each sees their notification.
    const list = async (c: Client) => {
      const res = await c.get('/api/notifications');
      expect(res.statusCode).toBe(200);
      return res;
    };
    expect((await list(clients.member)).body).toContain(theCase.reference);
    expect((await list(clients.forumMember)).body).toContain(inquiry.reference);
    expect((await list(clients.demoted)).body).toContain(inquiry.reference);

    // Then access ends: removed from the case, the inquiry decided, the coordinator role taken.
    await db.deleteFrom('case_members').where('user_id', '=', member.id).execute();
    await db
      .updateTable('inquiries')
      .set({ status: 'decided' })
      .where('id', '=', inquiry.id)
      .execute();
    await db
      .updateTable('users')
      .set({ roles: ['caseworker'] })
      .where('id', '=', demoted.id)
      .execute();
    expect((await clients.member.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
    expect((await clients.forumMember.get(`/api/inquiries/${inquiry.id}`)).statusCode).toBe(404);
    expect((await clients.demoted.get(`/api/inquiries/${inquiry.id}`)).statusCode).toBe(404);

    for (const [name, c] of Object.entries(clients)) {
      const res = await list(c);
      expect(res.body, name).not.toContain(theCase.reference);
      expect(res.body, name).not.toContain(theCase.id);
      expect(res.body, name).not.toContain(inquiry.reference);
      expect(res.body, name).not.toContain(inquiry.id);
      expect(res.json(), name).toEqual({ items: [], unread: 0 });
    }
  });

  it('the break-the-glass notification still reaches the other coordinators', async () => {
    const db = t.database.db;
    const theCase = await createCase(db);
    await db
      .insertInto('notifications')
      .values({
        user_id: id('coordinator'),
        kind: 'break_glass',
        case_id: theCase.id,
        details: JSON.stringify({ actorUserId: id('coordinator147') }),
      })
      .execute();
    const res = await caller('coordinator').get('/api/notifications');
    expect(res.body).toContain(theCase.reference);
  });
});
