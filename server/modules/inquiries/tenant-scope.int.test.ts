import { describe, expect, it } from 'vitest';
import { findInquiryAccess } from '../../access/inquiry-access.ts';
import { testKeys } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { A, B, t, useTenantWorld, w } from '../../test/tenant-world.ts';
import { listTasks } from '../tasks/queries.ts';
import {
  backToWork,
  bumpVersionIf,
  currentVersion,
  findInquiryForChange,
  findSigns,
  inquiryPersonIds,
  loadHistory,
  replaceSigns,
  updateInquiryRow,
} from './queries.ts';
import {
  findPendingDecision,
  inquiryForCase,
  mainPersonBirthDate,
  supersedeFinalDecision,
  unneededPersonIds,
} from './queries-decision.ts';
import { findInquiryRow, inquiryPersons, loadInquiry, type InquiryKey } from './queries-detail.ts';
import { listInbox } from './queries-inbox.ts';
import { InboxQuery } from './schema.ts';

/**
 * The tenant key in inquiries and the lists (db/migrations/0015, docs/SECURITY.md): an inquiry
 * of another municipality, whose id the caller knows, is neither read nor changed — not through
 * the routes (404 as for any id), not in the inbox or "My tasks" (even for a caller who is by
 * mistake a member of the other municipality's forum and case), and not through the queries even
 * when a coding mistake paired the right inquiry id with the caller's own municipality.
 */
useTenantWorld();

async function inquiryRow(id: string) {
  return t.database.db
    .selectFrom('inquiries')
    .select(['version', 'observation', 'status', 'seriousness'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe(`the tenant key in inquiries (${testEngine})`, () => {
  it("another municipality's inquiry answers 404 through the routes, unchanged", async () => {
    const before = await inquiryRow(w.inquiryB.id);
    // B's own coordinator sees it: the ids are real.
    expect((await w.asB.get(`/api/inquiries/${w.inquiryB.id}`)).statusCode).toBe(200);

    expect((await w.asA.get(`/api/inquiries/${w.inquiryB.id}`)).statusCode).toBe(404);
    expect((await w.asA.get(`/api/inquiries/${w.inquiryB.id}/history`)).statusCode).toBe(404);
    const update = await w.asA.patch(`/api/inquiries/${w.inquiryB.id}`, {
      version: before.version,
      observation: 'Ændret på tværs af kommuner',
    });
    expect(update.statusCode).toBe(404);
    const triage = await w.asA.post(`/api/inquiries/${w.inquiryB.id}/triage`, {
      version: before.version,
      seriousness: 'low',
    });
    expect(triage.statusCode).toBe(404);
    expect(await inquiryRow(w.inquiryB.id)).toEqual(before);
  });

  it("the inbox and my tasks show the caller's own rows and none of another municipality's", async () => {
    const inboxB = JSON.stringify((await w.asB.get('/api/inquiries?status=all')).json());
    expect(inboxB).toContain(w.inquiryB.id);
    const tasksB = JSON.stringify((await w.asB.get('/api/tasks')).json());
    expect(tasksB).toContain(w.inquiryB.id);
    expect(tasksB).toContain(w.caseB.id);

    const inbox = await w.asA.get('/api/inquiries?status=all');
    expect(inbox.statusCode).toBe(200);
    const inboxA = JSON.stringify(inbox.json());
    expect(inboxA).toContain(w.inquiryA.id);
    expect(inboxA).not.toContain(w.inquiryB.id);
    const tasks = await w.asA.get('/api/tasks');
    expect(tasks.statusCode).toBe(200);
    const tasksA = JSON.stringify(tasks.json());
    expect(tasksA).toContain(w.inquiryA.id);
    expect(tasksA).not.toContain(w.inquiryB.id);
    expect(tasksA).not.toContain(w.caseB.id);
  });

  it("the list queries with the caller's context return nothing of another municipality", async () => {
    const db = t.database.db;
    const now = new Date();
    const filter = InboxQuery.parse({ status: 'all' });
    const inboxA = await listInbox(db, w.userA, filter, now);
    expect(inboxA.items.map((i) => i.id)).toEqual([w.inquiryA.id]);
    expect([...inboxA.shownPersons.values()].map((p) => p.personId)).toEqual([w.personA.id]);
    const inboxB = await listInbox(db, w.userB, filter, now);
    expect(inboxB.items.map((i) => i.id)).toEqual([w.inquiryB.id]);

    const tasksA = await listTasks({ db, user: w.userA }, { limit: 200 }, now);
    expect(tasksA.items.map((i) => i.inquiryId ?? i.caseId)).toEqual([w.inquiryA.id]);
    const tasksB = await listTasks({ db, user: w.userB }, { limit: 200 }, now);
    expect(tasksB.items.map((i) => i.inquiryId ?? i.caseId).sort()).toEqual(
      [w.inquiryB.id, w.caseB.id].sort(),
    );
    expect(await findInquiryAccess(db, w.userA, w.inquiryB.id)).toBeUndefined();
    expect(await findInquiryAccess(db, w.userB, w.inquiryB.id)).toBeDefined();
  });

  it('the queries match the key: the right inquiry id with the wrong municipality finds nothing', async () => {
    const db = t.database.db;
    const wrongKey: InquiryKey = { inquiryId: w.inquiryB.id, municipalityCode: A };
    const rightKey: InquiryKey = { inquiryId: w.inquiryB.id, municipalityCode: B };

    expect(await findInquiryRow(db, rightKey)).toBeDefined();
    expect(await findInquiryRow(db, wrongKey)).toBeUndefined();
    expect(await loadInquiry(db, testKeys.secret, wrongKey, new Date())).toBeUndefined();
    expect(await inquiryPersons(db, rightKey)).toHaveLength(2);
    expect(await inquiryPersons(db, wrongKey)).toEqual([]);
    expect(await inquiryPersonIds(db, rightKey)).toHaveLength(2);
    expect(await inquiryPersonIds(db, wrongKey)).toEqual([]);
    expect(await findSigns(db, rightKey)).toHaveLength(1);
    expect(await findSigns(db, wrongKey)).toEqual([]);
    expect(await loadHistory(db, rightKey)).toHaveLength(1);
    expect(await loadHistory(db, wrongKey)).toEqual([]);
    expect(await currentVersion(db, wrongKey)).toBeNull();
    await expect(findInquiryForChange(db, wrongKey)).rejects.toThrow();
    expect(await mainPersonBirthDate(db, rightKey)).not.toBeNull();
    expect(await mainPersonBirthDate(db, wrongKey)).toBeNull();
    expect(await findPendingDecision(db, wrongKey)).toBeUndefined();
    expect(await unneededPersonIds(db, rightKey)).toHaveLength(1);
    expect(await unneededPersonIds(db, wrongKey)).toEqual([]);
    await expect(inquiryForCase(db, wrongKey)).rejects.toThrow();

    const before = await inquiryRow(w.inquiryB.id);
    await db.transaction().execute(async (trx) => {
      expect(await bumpVersionIf(trx, wrongKey, before.version)).toBe(false);
      await updateInquiryRow(trx, wrongKey, { observation: 'Ændret på tværs af kommuner' });
      await backToWork(trx, wrongKey);
      await replaceSigns(trx, wrongKey, []);
      await supersedeFinalDecision(trx, wrongKey);
    });
    expect(await inquiryRow(w.inquiryB.id)).toEqual(before);
    expect(await findSigns(db, rightKey)).toHaveLength(1);
  });
});
