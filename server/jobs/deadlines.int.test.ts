import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../platform/db/schema.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { freshDatabasePerTest } from '../test/database.ts';
import { client, createInquiryRow, createPoliceContact } from '../test/records.ts';
import { createUser, login } from '../test/users.ts';
import { runDeadlineJob } from './deadlines.ts';

/**
 * The deadline job: a reminder before an open inquiry's decision deadline and a warning when it
 * has passed, each once, to the coordinators of the municipality and the members of the forum.
 */
const NOW = new Date('2026-03-10T09:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

/** An inquiry in municipality 101 unless told otherwise, received an hour before NOW. */
const createInquiry = (db: Kysely<DB>, options: InquiryOptions & { deadlineAt: Date }) =>
  createInquiryRow(db, { ...options, receivedAt: hours(-1) });
type InquiryOptions = Parameters<typeof createInquiryRow>[1];

async function notificationsOf(db: Kysely<DB>, inquiryId?: string) {
  return db
    .selectFrom('notifications')
    .select(['user_id', 'kind', 'inquiry_id', 'details'])
    .$if(inquiryId !== undefined, (qb) => qb.where('inquiry_id', '=', inquiryId ?? ''))
    .orderBy('created_at')
    .execute();
}

async function outboxOf(db: Kysely<DB>) {
  return db.selectFrom('email_outbox').select(['user_id', 'kind', 'inquiry_id']).execute();
}

async function setEmail(db: Kysely<DB>, userId: string, email: string) {
  await db.updateTable('users').set({ email }).where('id', '=', userId).execute();
}

describe('the deadline job', () => {
  const freshDatabase = freshDatabasePerTest();

  async function setup() {
    const { db } = await freshDatabase();
    const coordinator = await createUser(db, { roles: ['coordinator'] });
    const hotline = await createUser(db, { roles: ['hotline'] });
    return { db, coordinator, hotline };
  }

  it('reminds once when the deadline is within 4 hours, and not earlier', async () => {
    const { db, coordinator, hotline } = await setup();
    const soon = await createInquiry(db, { deadlineAt: hours(3), createdBy: hotline.id });
    await createInquiry(db, { deadlineAt: hours(5), createdBy: hotline.id });

    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 0 });
    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 0, overdue: 0 });
    expect(await runDeadlineJob(db, hours(0.5))).toEqual({ reminders: 0, overdue: 0 });

    expect(await notificationsOf(db)).toEqual([
      {
        user_id: coordinator.id,
        kind: 'inquiry_deadline_soon',
        inquiry_id: soon.id,
        details: {},
      },
    ]);
    const inquiry = await db
      .selectFrom('inquiries')
      .select(['reminder_sent_at', 'overdue_notified_at'])
      .where('id', '=', soon.id)
      .executeTakeFirstOrThrow();
    expect(inquiry).toEqual({ reminder_sent_at: NOW, overdue_notified_at: null });
  });

  it('warns once when the deadline has passed, also after a reminder', async () => {
    const { db, coordinator, hotline } = await setup();
    const late = await createInquiry(db, { deadlineAt: hours(-1), createdBy: hotline.id });
    const soon = await createInquiry(db, { deadlineAt: hours(2), createdBy: hotline.id });

    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 1 });
    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 0, overdue: 0 });
    // Two hours later the reminded inquiry is overdue as well.
    expect(await runDeadlineJob(db, hours(2))).toEqual({ reminders: 0, overdue: 1 });
    expect(await runDeadlineJob(db, hours(3))).toEqual({ reminders: 0, overdue: 0 });

    expect((await notificationsOf(db, late.id)).map((n) => [n.user_id, n.kind])).toEqual([
      [coordinator.id, 'inquiry_overdue'],
    ]);
    expect((await notificationsOf(db, soon.id)).map((n) => n.kind).sort()).toEqual([
      'inquiry_deadline_soon',
      'inquiry_overdue',
    ]);
  });

  it('warns nobody about a decided inquiry', async () => {
    const { db, hotline } = await setup();
    await createInquiry(db, { deadlineAt: hours(-1), createdBy: hotline.id, status: 'decided' });
    await createInquiry(db, { deadlineAt: hours(1), createdBy: hotline.id, status: 'decided' });
    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 0, overdue: 0 });
    expect(await notificationsOf(db)).toEqual([]);
  });

  it('warns the active coordinators of the municipality and the active forum members, no one else', async () => {
    const { db, coordinator, hotline } = await setup();
    const secondCoordinator = await createUser(db, { roles: ['coordinator', 'forum_member'] });
    const disabledCoordinator = await createUser(db, { roles: ['coordinator'] });
    const coordinator147 = await createUser(db, {
      roles: ['coordinator'],
      municipalityCode: '147',
    });
    const caseworker = await createUser(db, { roles: ['caseworker'] });
    const forumMember = await createUser(db, { roles: ['forum_member'] });
    const policeInForum = await createPoliceContact(db);
    const disabledForumMember = await createUser(db, { roles: ['forum_member'] });
    const otherForumMember = await createUser(db, { roles: ['forum_member'] });
    await db
      .updateTable('users')
      .set({ disabled_at: sql`now()` })
      .where('id', 'in', [disabledCoordinator.id, disabledForumMember.id])
      .execute();
    const [forum, otherForum] = await db
      .insertInto('forums')
      .values([
        { municipality_code: '101', name: 'Bekymringsforum Nord' },
        { municipality_code: '101', name: 'Bekymringsforum Syd' },
      ])
      .returning('id')
      .execute();
    await db
      .insertInto('forum_members')
      .values([
        { forum_id: forum?.id ?? '', user_id: secondCoordinator.id },
        { forum_id: forum?.id ?? '', user_id: forumMember.id },
        { forum_id: forum?.id ?? '', user_id: policeInForum.id },
        { forum_id: forum?.id ?? '', user_id: disabledForumMember.id },
        { forum_id: otherForum?.id ?? '', user_id: otherForumMember.id },
      ])
      .execute();
    for (const user of [
      coordinator,
      forumMember,
      disabledCoordinator,
      coordinator147,
      caseworker,
    ]) {
      await setEmail(db, user.id, `${user.username}@kommune.example`);
    }
    const inquiry = await createInquiry(db, {
      deadlineAt: hours(1),
      createdBy: hotline.id,
      forumId: forum?.id ?? null,
    });

    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 0 });

    const recipients = (await notificationsOf(db)).map((n) => n.user_id).sort();
    expect(recipients).toEqual(
      [coordinator.id, secondCoordinator.id, forumMember.id, policeInForum.id].sort(),
    );
    // E-mail only to those of them with an address.
    expect(await outboxOf(db)).toEqual(
      expect.arrayContaining([
        { user_id: coordinator.id, kind: 'inquiry_deadline_soon', inquiry_id: inquiry.id },
        { user_id: forumMember.id, kind: 'inquiry_deadline_soon', inquiry_id: inquiry.id },
      ]),
    );
    expect(await outboxOf(db)).toHaveLength(2);
  });

  it("follows the municipality's reminder hours (default 4)", async () => {
    const { db, hotline } = await setup();
    await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
    await db
      .insertInto('municipality_settings')
      .values({ municipality_code: '101', reminder_hours: 24 })
      .execute();
    const in101 = await createInquiry(db, { deadlineAt: hours(20), createdBy: hotline.id });
    const in147 = await createInquiry(db, {
      deadlineAt: hours(20),
      createdBy: hotline.id,
      municipalityCode: '147',
    });
    await createInquiry(db, { deadlineAt: hours(45), createdBy: hotline.id });

    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 0 });
    expect((await notificationsOf(db)).map((n) => n.inquiry_id)).toEqual([in101.id]);
    // Four hours before its deadline the inquiry of 147 is reminded too.
    expect(await runDeadlineJob(db, hours(16))).toEqual({ reminders: 1, overdue: 0 });
    expect((await notificationsOf(db, in147.id)).map((n) => n.kind)).toEqual([
      'inquiry_deadline_soon',
    ]);
  });

  it('warns about each inquiry once when two processes run the job at the same time', async () => {
    const { db, coordinator, hotline } = await setup();
    const forumMember = await createUser(db, { roles: ['forum_member'] });
    await setEmail(db, forumMember.id, 'forum@kommune.example');
    const forum = await db
      .insertInto('forums')
      .values({ municipality_code: '101', name: 'Forum' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('forum_members')
      .values({ forum_id: forum.id, user_id: forumMember.id })
      .execute();
    // More than one batch (200) of each kind.
    const count = 230;
    await db
      .insertInto('inquiries')
      .values(
        Array.from({ length: count }, (_, i) => ({
          municipality_code: '101',
          reference: `H-2026-${String(5000 + i).padStart(4, '0')}`,
          source: 'teacher',
          channel: 'phone',
          received_at: hours(-10),
          observation: 'Observation.',
          subject_kind: 'person',
          deadline_at: hours(i % 2 === 0 ? -1 - i / 100 : 1 + i / 100),
          created_by: hotline.id,
          forum_id: forum.id,
        })),
      )
      .execute();

    const [a, b] = await Promise.all([runDeadlineJob(db, NOW), runDeadlineJob(db, NOW)]);
    expect((a?.reminders ?? 0) + (b?.reminders ?? 0)).toBe(count / 2);
    expect((a?.overdue ?? 0) + (b?.overdue ?? 0)).toBe(count / 2);
    expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 0, overdue: 0 });

    const notes = await notificationsOf(db);
    expect(notes).toHaveLength(count * 2);
    expect(new Set(notes.map((n) => `${n.inquiry_id}/${n.user_id}`)).size).toBe(count * 2);
    expect(notes.filter((n) => n.user_id === coordinator.id)).toHaveLength(count);
    const outbox = await outboxOf(db);
    expect(outbox).toHaveLength(count);
    expect(new Set(outbox.map((o) => o.inquiry_id)).size).toBe(count);
  });
});

describe('inquiry notifications in the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists a deadline notification with the inquiry, its reference and deadline', async () => {
    const db = t.database.db;
    const coordinator = await createUser(db, { roles: ['coordinator'] });
    const hotline = await createUser(db, { roles: ['hotline'] });
    const deadline = new Date(Date.now() + 3_600_000);
    const inquiry = await createInquiry(db, { deadlineAt: deadline, createdBy: hotline.id });
    expect(await runDeadlineJob(db)).toEqual({ reminders: 1, overdue: 0 });

    const res = await client(t.app, await login(t.app, coordinator)).get('/api/notifications');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      unread: 1,
      items: [
        expect.objectContaining({
          kind: 'inquiry_deadline_soon',
          readAt: null,
          caseReference: null,
          inquiryId: inquiry.id,
          inquiryReference: inquiry.reference,
          inquiryDeadlineAt: deadline.toISOString(),
        }),
      ],
    });
  });
});
