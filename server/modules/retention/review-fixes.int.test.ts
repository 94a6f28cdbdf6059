import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import { danishToday } from '../cases/chronology.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { testKeys } from '../../test/app.ts';
import { freshDatabase, testEngine, type TestDatabase } from '../../test/database.ts';
import { createCase, createInquiryRow, createPerson } from '../../test/records.ts';
import { closeCaseOn, decideInquiryOn } from '../../test/retention-fixtures.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { dryRun } from './due.ts';
import { runRetentionJob, type RetentionFailure } from './job.ts';

/**
 * The retention findings of the security review (docs/RETENTION.md), each as the review describes
 * it: a hold on a case's inquiry, a citizen's open access request, a stale export, forwarded and
 * uncovered inquiries, and one failing record in a run. The clock is `now`; exports are recorded
 * straight into the tables (the package itself is retention.int.test.ts's subject).
 */
let database: TestDatabase;
let user: TestUser;
const YEAR = 365 * 86_400_000;
const now = new Date();
const ago = (years: number) => new Date(now.getTime() - years * YEAR);
const db = () => database.db;

beforeAll(async () => {
  database = await freshDatabase();
  user = (await createUsers(db(), { admin: 'municipal_admin' })).admin;
  await db()
    .insertInto('retention_periods')
    .values(
      (['inquiry_no_concern', 'inquiry_referred', 'case_closed', 'case_reviewed'] as const).map(
        (kind) => ({
          municipality_code: '101',
          kind,
          months: 12,
          minimum_months: 1,
          confirmed: true,
        }),
      ),
    )
    .execute();
});
afterAll(async () => {
  await database.close();
});

async function exportedOn(kind: 'case' | 'inquiry', id: string, takenAt: Date) {
  const exportId = randomUUID();
  await db()
    .insertInto('archive_exports')
    .values({
      id: exportId,
      municipality_code: '101',
      taken_by: user.id,
      taken_at: takenAt,
      package_name: `AVID.TOV.${exportId}`,
      index_sha256: '0'.repeat(64),
      record_count: 1,
    })
    .execute();
  await db()
    .insertInto('archive_export_records')
    .values({ export_id: exportId, municipality_code: '101', record_kind: kind, record_id: id })
    .execute();
}

/** A case closed seven years ago (past the 12 months), naming `personId`, exported today. */
async function dueCase(personId?: string) {
  const person = personId ?? (await createPerson(db())).id;
  const c = await createCase(db(), { persons: [{ id: person }] });
  await closeCaseOn(db(), c.id, user.id, ago(7));
  await exportedOn('case', c.id, now);
  return { ...c, personId: person };
}

const statusOf = async (id: string) =>
  (await dryRun(db(), '101', now)).items.find((i) => i.recordId === id)?.status;
const exists = async (table: 'cases' | 'inquiries' | 'persons' | 'legal_holds', id: string) =>
  (await db().selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

async function hold(kind: 'case' | 'inquiry', recordId: string) {
  const id = randomUUID();
  await db()
    .insertInto('legal_holds')
    .values({
      id,
      municipality_code: '101',
      case_id: kind === 'case' ? recordId : null,
      inquiry_id: kind === 'inquiry' ? recordId : null,
      reason: 'Klage over afgørelsen er indbragt for Ankestyrelsen.',
      placed_by: user.id,
    })
    .execute();
  return id;
}

async function accessRequest(personId: string, status: 'in_review' | 'released') {
  await db()
    .insertInto('access_requests')
    .values({
      id: randomUUID(),
      municipality_code: '101',
      person_id: personId,
      kind: 'data_subject_access',
      channel: 'letter',
      received_on: now.toISOString().slice(0, 10),
      deadline_on: new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      status,
      registered_by: user.id,
      approved_by: status === 'released' ? user.id : null,
      approved_at: status === 'released' ? now : null,
      released_by: status === 'released' ? user.id : null,
      released_at: status === 'released' ? now : null,
    })
    .execute();
}

describe(`retention after the review (${testEngine})`, () => {
  it('a hold on the inquiry a case came from stops the case’s deletion, and the dry-run says so', async () => {
    const c = await dueCase();
    const inquiry = await createInquiryRow(db(), { createdBy: user.id, receivedAt: ago(8) });
    await db()
      .updateTable('inquiries')
      .set({ case_id: c.id })
      .where('id', '=', inquiry.id)
      .execute();
    const holdId = await hold('inquiry', inquiry.id);
    expect(await statusOf(c.id)).toBe('legal_hold');
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('cases', c.id)).toBe(true);
    expect(await exists('inquiries', inquiry.id)).toBe(true);
    expect(await exists('legal_holds', holdId)).toBe(true);
    // A held record cannot vanish by cascade either: the reference restricts.
    await expect(
      db().deleteFrom('inquiries').where('id', '=', inquiry.id).execute(),
    ).rejects.toThrow();
    // Lifted, the hold is history: the case goes, the lifted hold with it.
    await db()
      .updateTable('legal_holds')
      .set({ lifted_at: now, lifted_by: user.id, lift_reason: 'Ankestyrelsen har afgjort sagen.' })
      .where('id', '=', holdId)
      .execute();
    expect(await statusOf(c.id)).toBe('will_delete');
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('cases', c.id)).toBe(false);
    expect(await exists('inquiries', inquiry.id)).toBe(false);
  });

  it('a citizen with an open access request keeps their case and stays; a released one keeps the person', async () => {
    const open = await dueCase();
    await accessRequest(open.personId, 'in_review');
    expect(await statusOf(open.id)).toBe('access_request_open');
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('cases', open.id)).toBe(true);
    expect(await exists('persons', open.personId)).toBe(true);

    const released = await dueCase();
    await accessRequest(released.personId, 'released');
    expect(await statusOf(released.id)).toBe('will_delete');
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('cases', released.id)).toBe(false);
    // The request documents the answer: neither it nor its person is deleted.
    expect(await exists('persons', released.personId)).toBe(true);
    const requests = await db()
      .selectFrom('access_requests')
      .select('id')
      .where('person_id', '=', released.personId)
      .execute();
    expect(requests).toHaveLength(1);
    await expect(
      db().deleteFrom('persons').where('id', '=', released.personId).execute(),
    ).rejects.toThrow();
  });

  it('an export taken before the day the period is counted from does not authorise deletion', async () => {
    const c = await createCase(db(), { persons: [{ id: (await createPerson(db())).id }] });
    // Exported when it was first due, then reopened and closed again seven years ago.
    await exportedOn('case', c.id, ago(9));
    await closeCaseOn(db(), c.id, user.id, ago(7));
    expect(await statusOf(c.id)).toBe('needs_export');
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('cases', c.id)).toBe(true);
    await exportedOn('case', c.id, now);
    const item = (await dryRun(db(), '101', now)).items.find((i) => i.recordId === c.id);
    expect(item?.status).toBe('will_delete');
  });

  it('a forwarded inquiry falls under the referred period from its forwarding; an uncovered one shows as no period', async () => {
    const forwarded = await createInquiryRow(db(), { createdBy: user.id, receivedAt: ago(4) });
    await db()
      .updateTable('inquiries')
      .set({ status: 'forwarded' })
      .where('id', '=', forwarded.id)
      .execute();
    await db()
      .insertInto('inquiry_forwardings')
      .values({
        id: randomUUID(),
        municipality_code: '101',
        inquiry_id: forwarded.id,
        direction: 'sent',
        counterpart_code: '147',
        forwarded_at: ago(3),
        forwarded_by: user.id,
      })
      .execute();
    const items = (await dryRun(db(), '101', now)).items;
    expect(items.find((i) => i.recordId === forwarded.id)).toMatchObject({
      retentionKind: 'inquiry_referred',
      // The day in Denmark (the product counts Danish days; UTC's date differs around midnight).
      countedFrom: danishToday(ago(3)),
      status: 'needs_export',
    });
    await exportedOn('inquiry', forwarded.id, now);
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('inquiries', forwarded.id)).toBe(false);

    // Decided "radicalisation" but no case was ever opened: no rule covers it; it is shown.
    const stranded = await createInquiryRow(db(), { createdBy: user.id, receivedAt: ago(3) });
    await decideInquiryOn(db(), stranded.id, user.id, 'police', ago(3));
    await db()
      .updateTable('inquiry_decisions')
      .set({ outcome: 'radicalisation' })
      .where('inquiry_id', '=', stranded.id)
      .execute();
    expect(
      (await dryRun(db(), '101', now)).items.find((i) => i.recordId === stranded.id),
    ).toMatchObject({
      status: 'no_period',
      retentionKind: null,
      periodEnded: null,
    });
    await runRetentionJob(db(), testKeys.audit, now);
    expect(await exists('inquiries', stranded.id)).toBe(true);
  });

  it('one failing record does not stop the run: it is counted and told by a code only', async () => {
    const blocked = await dueCase();
    const next = await dueCase();
    // A future table that forgot its cascade: deleting the blocked case fails.
    await sql`create table zz_blocking (case_id uuid references cases (id))`.execute(db());
    await sql`insert into zz_blocking values (${blocked.id})`.execute(db());
    const failures: RetentionFailure[] = [];
    const result = await runRetentionJob(db(), testKeys.audit, now, (f) => failures.push(f));
    await sql`drop table zz_blocking`.execute(db());
    expect(result.failed).toBe(1);
    expect(failures).toEqual([{ recordKind: 'case', code: '23503' }]);
    expect(await exists('cases', blocked.id)).toBe(true);
    expect(await exists('cases', next.id)).toBe(false);
  });

  it('the audit trail is pruned only up to the first entry about a record under legal hold', async () => {
    const held = await dueCase();
    await hold('case', held.id);
    await db()
      .transaction()
      .execute((trx) =>
        writeAudit(trx, testKeys.audit, {
          municipalityCode: '101',
          actorUserId: user.id,
          actorRole: 'coordinator',
          action: 'read',
          resourceType: 'case',
          resourceId: held.id,
          purpose: 'case_work',
        }),
      );
    const entry = await db()
      .selectFrom('audit_log')
      .select('seq')
      .where('chain_key', '=', '101')
      .where('resource_id', '=', held.id)
      .where('action', '=', 'read')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('retention_periods')
      .values({
        municipality_code: '101',
        kind: 'audit_trail',
        months: 1,
        minimum_months: 1,
        confirmed: true,
      })
      .execute();
    const later = new Date(now.getTime() + 3 * YEAR);
    const result = await runRetentionJob(db(), testKeys.audit, later);
    expect(result.auditPruned).toBeGreaterThan(0);
    const left = await db()
      .selectFrom('audit_log')
      .select((eb) => eb.fn.min<string>('seq').as('first'))
      .where('chain_key', '=', '101')
      .executeTakeFirstOrThrow();
    // Everything before the held record's first entry is gone; it and what follows are kept.
    expect(Number(left.first)).toBe(Number(entry.seq));
    expect((await verifyAuditChains(db(), testKeys.audit)).ok).toBe(true);
  });
});
