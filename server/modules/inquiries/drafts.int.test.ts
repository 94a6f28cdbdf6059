import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import type { Client, ErrorBody } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';

/**
 * Intake drafts (the author's own, encrypted at rest, optimistic locking, bounded in size and
 * number) and the municipality's inquiry settings (read by coordinators, changed by the
 * municipal administrator with optimistic locking and bounded values).
 */
interface Draft {
  id: string;
  version: number;
  content: Record<string, unknown>;
}
interface Settings {
  deadlineHours: { high: number; medium: number; low: number };
  triageBy: string;
  fourEyes: boolean;
  noConcernRetentionDays: number;
  reminderHours: number;
  version: number;
}

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  // A server limit above the drafts' own 64 KiB, so the drafts' limit is the one tested.
  t = await startTestApp({ bodyLimitBytes: 256 * 1024 });
  const db = t.database.db;
  Object.assign(
    users,
    await createUsers(db, {
      hotline: 'hotline',
      caseworker: 'caseworker',
      coordinator: 'coordinator',
      admin: 'municipal_admin',
    }),
  );
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);
const put = (as: string, id: string, version: number, content: Record<string, unknown>) =>
  caller(as).put(`/api/inquiry-drafts/${id}`, { version, content });
const listOf = async (as: string) => {
  const res = await caller(as).get('/api/inquiry-drafts');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Draft[] }).items;
};
const stored = (id: string, author = 'hotline') =>
  t.database.db
    .selectFrom('inquiry_drafts')
    .select(['user_id', 'content_enc', 'version', 'updated_at'])
    .where('id', '=', id)
    .where('user_id', '=', users[author]?.id ?? '')
    .executeTakeFirst();
/** Status and body of an answer, with what differs per request (its id) taken out. */
const answer = (res: { statusCode: number; json(): unknown }) => {
  const body = res.json() as { error?: { requestId?: string } };
  if (body.error) delete body.error.requestId;
  return { status: res.statusCode, body };
};

describe(`inquiry drafts (${testEngine})`, () => {
  it('creates at version 0, replaces at the current version and refuses a stale one', async () => {
    const id = randomUUID();
    const created = await put('hotline', id, 0, { observation: 'Første udkast' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      id,
      version: 1,
      content: { observation: 'Første udkast' },
    });
    const replaced = await put('hotline', id, 1, { observation: 'Andet udkast', step: 2 });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      version: 2,
      content: { observation: 'Andet udkast', step: 2 },
    });
    for (const version of [1, 0, 3]) {
      const stale = await put('hotline', id, version, { observation: 'Gammelt' });
      expect(stale.statusCode).toBe(409);
      expect((stale.json() as ErrorBody).error).toMatchObject({
        code: 'conflict',
        meta: { currentVersion: 2 },
      });
    }
    const fresh = await put('hotline', randomUUID(), 1, { observation: 'Ny' });
    expect(fresh.statusCode).toBe(409);
    expect((fresh.json() as ErrorBody).error.meta).toEqual({ currentVersion: 0 });
    expect((await listOf('hotline')).find((d) => d.id === id)?.content).toEqual({
      observation: 'Andet udkast',
      step: 2,
    });
  });

  it("keeps drafts to their author: others' ids are unused ids to them, lists show only one's own", async () => {
    const id = randomUUID();
    await put('hotline', id, 0, { persons: [{ givenName: 'Zebulon', familyName: 'Hemmelig' }] });
    const row = await stored(id);
    expect(row?.user_id).toBe(users.hotline?.id);
    expect(row?.content_enc).not.toContain('Zebulon');
    expect(row?.content_enc).not.toContain('Hemmelig');
    expect(Buffer.from(row?.content_enc ?? '', 'base64').toString('latin1')).not.toContain(
      'Zebulon',
    );

    const theirs = await put('caseworker', id, 1, { stolen: true });
    expect(theirs.statusCode).toBe(409);
    expect((await caller('caseworker').delete(`/api/inquiry-drafts/${id}`)).statusCode).toBe(404);
    expect((await stored(id))?.version).toBe(1);
    expect(await stored(id, 'caseworker')).toBeUndefined();
    expect((await listOf('caseworker')).map((d) => d.id)).not.toContain(id);
    expect((await listOf('hotline')).map((d) => d.id)).toContain(id);

    expect((await caller('hotline').delete(`/api/inquiry-drafts/${id}`)).statusCode).toBe(204);
    expect(await stored(id)).toBeUndefined();
    expect((await caller('hotline').delete(`/api/inquiry-drafts/${id}`)).statusCode).toBe(404);
  });

  it("answers another user's draft id exactly as an unused id, and leaves their draft as it was (ASVS 8.2.2)", async () => {
    const id = randomUUID();
    await put('hotline', id, 0, { observation: 'Hotlinens udkast' });
    const before = await stored(id);
    const unused = randomUUID();
    // A stale or made-up version: 409 with version 0 for both.
    for (const version of [1, 5]) {
      const other = answer(await put('caseworker', id, version, { stolen: true }));
      expect(other).toEqual(answer(await put('caseworker', unused, version, { stolen: true })));
      expect(other.status).toBe(409);
    }
    // Deleting: 404 for both.
    const deleted = answer(await caller('caseworker').delete(`/api/inquiry-drafts/${id}`));
    expect(deleted).toEqual(
      answer(await caller('caseworker').delete(`/api/inquiry-drafts/${unused}`)),
    );
    expect(deleted.status).toBe(404);
    // Version 0 creates the caller's own draft under that id, as it does for an unused id.
    const own = await put('caseworker', id, 0, { observation: 'Mit eget' });
    const fresh = await put('caseworker', unused, 0, { observation: 'Mit eget' });
    expect(own.statusCode).toBe(200);
    expect(fresh.statusCode).toBe(200);
    const strip = (res: typeof own) => {
      const { id: _id, updatedAt: _at, ...rest } = res.json() as Draft & { updatedAt: string };
      return rest;
    };
    expect(strip(own)).toEqual(strip(fresh));
    expect(strip(own)).toEqual({ version: 1, content: { observation: 'Mit eget' } });
    // The hotline's draft is untouched and still the hotline's alone.
    expect(await stored(id)).toEqual(before);
    expect((await listOf('hotline')).find((d) => d.id === id)?.content).toEqual({
      observation: 'Hotlinens udkast',
    });
    const mine = await put('caseworker', id, 1, { observation: 'Ændret' });
    expect(mine.statusCode).toBe(200);
    expect(await stored(id)).toEqual(before);
    for (const d of [id, unused]) {
      await caller('caseworker').delete(`/api/inquiry-drafts/${d}`);
    }
  });

  it('refuses a draft over 64 KiB with 413 and stores nothing', async () => {
    const id = randomUUID();
    const res = await put('hotline', id, 0, { observation: 'x'.repeat(64 * 1024) });
    expect(res.statusCode).toBe(413);
    expect((res.json() as ErrorBody).error.code).toBe('payload_too_large');
    expect(await stored(id)).toBeUndefined();
  });

  it('allows 20 drafts per user, then 409 too_many_drafts', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const id = randomUUID();
      const res = await put('caseworker', id, 0, { n: i });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(id);
    }
    const extra = randomUUID();
    const refused = await put('caseworker', extra, 0, { n: 20 });
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as ErrorBody).error.code).toBe('too_many_drafts');
    expect(await stored(extra, 'caseworker')).toBeUndefined();
    expect(await listOf('caseworker')).toHaveLength(20);
    // An existing draft can still be saved, and another user is not affected.
    expect((await put('caseworker', ids[0] ?? '', 1, { n: 0, more: true })).statusCode).toBe(200);
    expect((await put('coordinator', randomUUID(), 0, { n: 0 })).statusCode).toBe(200);
  });
});

describe(`municipality settings (${testEngine})`, () => {
  it('are read by coordinators and changed by the municipal administrator only', async () => {
    const read = await caller('coordinator').get('/api/municipality-settings');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({
      deadlineHours: { high: 24, medium: 48, low: 72 },
      triageBy: 'coordinator',
      fourEyes: false,
      noConcernRetentionDays: 180,
      reminderHours: 4,
      planApproval: 'coordinator',
      caseStartDays: 14,
      closureFourEyes: true,
      filingKleCode: null,
      filingKleFacet: null,
      recordSystemName: null,
      filingIncludeCpr: false,
      organisationModel: 1,
      assessmentInForum: false,
      policeParticipation: 'serious',
      reReviewAtMeetings: false,
      meetingCadence: 'monthly',
      onHoldAgendaWeeks: 8,
      lastChangedAt: null,
      lastChangedBy: null,
      version: 0,
    });
    expect((await caller('hotline').get('/api/municipality-settings')).statusCode).toBe(403);
    const byCoordinator = await caller('coordinator').patch('/api/municipality-settings', {
      version: 0,
      fourEyes: true,
    });
    expect(byCoordinator.statusCode).toBe(403);

    const created = await caller('admin').patch('/api/municipality-settings', {
      version: 0,
      deadlineHours: { high: 12, medium: 36, low: 96 },
      fourEyes: true,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      deadlineHours: { high: 12, medium: 36, low: 96 },
      fourEyes: true,
      triageBy: 'coordinator',
      version: 1,
    });
    const stale = await caller('admin').patch('/api/municipality-settings', {
      version: 0,
      triageBy: 'forum',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.meta).toEqual({ currentVersion: 1 });

    const changed = await caller('admin').patch('/api/municipality-settings', {
      version: 1,
      triageBy: 'forum',
      caseStartDays: 21,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const now = (await caller('coordinator').get('/api/municipality-settings')).json() as Settings;
    expect(now).toMatchObject({
      deadlineHours: { high: 12, medium: 36, low: 96 },
      triageBy: 'forum',
      caseStartDays: 21,
      fourEyes: true,
      version: 2,
    });
  });

  it.each([
    [{ deadlineHours: { high: 0, medium: 48, low: 72 } }, 'body.deadlineHours.high'],
    [{ deadlineHours: { high: 24, medium: 48, low: 721 } }, 'body.deadlineHours.low'],
    [{ noConcernRetentionDays: 0 }, 'body.noConcernRetentionDays'],
    [{ reminderHours: 49 }, 'body.reminderHours'],
    [{ caseStartDays: 0 }, 'body.caseStartDays'],
    [{ caseStartDays: 366 }, 'body.caseStartDays'],
    [{ triageBy: 'anyone' }, 'body.triageBy'],
  ])('refuses out-of-bounds values (%j) naming %s', async (change, field) => {
    const before = (await caller('admin').get('/api/municipality-settings')).json() as Settings;
    const res = await caller('admin').patch('/api/municipality-settings', {
      version: before.version,
      ...change,
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual([field]);
    expect((await caller('admin').get('/api/municipality-settings')).json()).toEqual(before);
  });
});
