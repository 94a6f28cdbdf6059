import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import {
  type Client,
  type ErrorBody,
  createCase,
  createInquiryRow,
  createPerson,
  fieldsOf,
} from '../../test/records.ts';
import { closeCaseOn, decideInquiryOn } from '../../test/retention-fixtures.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { packageDirectory } from './archive.ts';
import { runRetentionJob } from './job.ts';
import { verifyChecksums, type PackageFiles } from './package.ts';

/**
 * Retention as archive-then-delete over HTTP and through the daily job with a controllable clock
 * (issue 13 part 6, docs/RETENTION.md): periods with a confirmed minimum, the dry-run, the job
 * refusing without the archive's export and deleting after it, the tombstone, the audit entry,
 * the legal hold, the archival version's checksums and the audit chain after pruning.
 */
let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
const YEAR = 365 * 86_400_000;
const now = new Date();
const archiveDir = join(tmpdir(), 'tovholder-archive');
const world = {} as {
  oldCase: { id: string; reference: string };
  citizenId: string;
  sharedPersonId: string;
  keptCase: { id: string; reference: string };
  oldInquiry: { id: string; reference: string };
  newInquiry: { id: string; reference: string };
};
const exportIds: string[] = [];

interface DueItem {
  recordKind: string;
  recordId: string;
  reference: string;
  retentionKind: string;
  status: string;
  exportId: string | null;
}
interface Period {
  kind: string;
  months: number;
  minimumMonths: number;
  confirmed: boolean;
  version: number;
}

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(
    users,
    await createUsers(t.database.db, { admin: 'municipal_admin', coordinator: 'coordinator' }),
  );
  await logInAll(t, users, as);
  const db = t.database.db;
  const citizen = await createPerson(db);
  const shared = await createPerson(db);
  world.citizenId = citizen.id;
  world.sharedPersonId = shared.id;
  // Closed seven years ago: past a 60-month period. The shared person is also in a live case.
  world.oldCase = await createCase(db, {
    persons: [{ id: citizen.id }, { id: shared.id, role: 'parent' }],
  });
  await closeCaseOn(
    db,
    world.oldCase.id,
    users.coordinator!.id,
    new Date(now.getTime() - 7 * YEAR),
  );
  world.keptCase = await createCase(db, { persons: [{ id: shared.id }] });
  world.oldInquiry = await createInquiryRow(db, {
    createdBy: users.coordinator!.id,
    receivedAt: new Date(now.getTime() - 3 * YEAR),
  });
  await decideInquiryOn(
    db,
    world.oldInquiry.id,
    users.coordinator!.id,
    'no_concern',
    new Date(now.getTime() - 3 * YEAR),
  );
  world.newInquiry = await createInquiryRow(db, { createdBy: users.coordinator!.id });
  await decideInquiryOn(db, world.newInquiry.id, users.coordinator!.id, 'police', now);
});
afterAll(async () => {
  await t.close();
  for (const id of exportIds) {
    await rm(packageDirectory(archiveDir, '101', id), { recursive: true, force: true });
  }
});

const admin = () => callerIn(as, 'admin');
async function periods(): Promise<Period[]> {
  const res = await admin().get('/api/admin/retention/periods');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Period[] }).items;
}
async function dryRun(): Promise<DueItem[]> {
  const res = await admin().get('/api/admin/retention/dry-run');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: DueItem[] }).items;
}
const statusOf = (items: DueItem[], id: string) => items.find((i) => i.recordId === id)?.status;
const exists = async (table: 'cases' | 'inquiries' | 'persons', id: string) =>
  (await t.database.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !==
  undefined;

async function readPackage(dir: string): Promise<PackageFiles> {
  const files: PackageFiles = new Map();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path));
    }
  };
  await walk(dir);
  return files;
}

describe(`retention (${testEngine})`, () => {
  it('starts on the product defaults, unconfirmed; the dry-run says nothing is deleted by them', async () => {
    const items = await periods();
    expect(items.map((p) => p.kind)).toEqual([
      'inquiry_no_concern',
      'inquiry_referred',
      'case_closed',
      'case_reviewed',
      'partner_access',
      'consent',
      'audit_trail',
    ]);
    expect(items.every((p) => !p.confirmed && p.version === 0)).toBe(true);
    const due = await dryRun();
    expect(statusOf(due, world.oldCase.id)).toBe('period_unconfirmed');
    expect(statusOf(due, world.oldInquiry.id)).toBe('period_unconfirmed');
    expect(statusOf(due, world.newInquiry.id)).toBeUndefined();
    expect(statusOf(due, world.keptCase.id)).toBeUndefined();
  });

  it('refuses a period shorter than the minimum in Danish, and stores nothing', async () => {
    const res = await admin().put(
      '/api/admin/retention/periods/case_closed',
      { months: 24, minimumMonths: 60, confirmed: true, version: 0 },
      { 'accept-language': 'da' },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.months:period_below_minimum']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message ?? '';
    expect(message).toContain('bekræftede minimum på 60 måneder');
    expect((await periods()).find((p) => p.kind === 'case_closed')?.version).toBe(0);
  });

  it('saves confirmed periods (audited) and keeps the confirmed minimum on the next change', async () => {
    for (const kind of ['case_closed', 'inquiry_no_concern', 'inquiry_referred']) {
      const months = kind === 'case_closed' ? 60 : 12;
      const res = await admin().put(`/api/admin/retention/periods/${kind}`, {
        months,
        minimumMonths: months,
        confirmed: true,
        version: 0,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const lower = await admin().put('/api/admin/retention/periods/case_closed', {
      months: 24,
      minimumMonths: 0,
      confirmed: true,
      version: 1,
    });
    expect(lower.statusCode).toBe(400);
    expect(fieldsOf(lower)).toEqual(['body.months:period_below_minimum']);
    const saved = (await periods()).find((p) => p.kind === 'case_closed');
    expect(saved).toMatchObject({ months: 60, minimumMonths: 60, confirmed: true, version: 1 });
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('resource_id')
      .where('resource_type', '=', 'retention_period')
      .execute();
    expect(audited.map((a) => a.resource_id).sort()).toEqual([
      'case_closed',
      'inquiry_no_concern',
      'inquiry_referred',
    ]);
  });

  it('the dry-run lists the records whose period has ended, waiting for the export', async () => {
    const due = await dryRun();
    expect(due.map((d) => d.recordId).sort()).toEqual(
      [world.oldCase.id, world.oldInquiry.id].sort(),
    );
    expect(due.find((d) => d.recordId === world.oldCase.id)).toMatchObject({
      retentionKind: 'case_closed',
      status: 'needs_export',
      reference: world.oldCase.reference,
    });
  });

  it('the daily job refuses to delete without the archive’s export', async () => {
    expect(await runRetentionJob(t.database.db, testKeys.audit, now)).toEqual({
      deleted: 0,
      auditPruned: 0,
      failed: 0,
    });
    expect(await exists('cases', world.oldCase.id)).toBe(true);
  });

  it('a legal hold stops deletion; deleting under it is refused in Danish, nothing deleted', async () => {
    const place = await admin().post('/api/admin/retention/holds', {
      id: randomUUID(),
      recordKind: 'inquiry',
      recordId: world.oldInquiry.id,
      reason: 'Klage over afgørelsen er under behandling i Ankestyrelsen.',
    });
    expect(place.statusCode, place.body).toBe(200);
    const refused = await admin().post(
      '/api/admin/retention/delete',
      { recordKind: 'inquiry', recordId: world.oldInquiry.id },
      { 'accept-language': 'da' },
    );
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.recordId:under_legal_hold']);
    expect((refused.json() as ErrorBody).error.fields?.[0]?.message).toContain('retligt hold');
    expect(await exists('inquiries', world.oldInquiry.id)).toBe(true);
    expect(statusOf(await dryRun(), world.oldInquiry.id)).toBe('legal_hold');
    // Another municipality's record, or none: the same 404.
    const other = await admin().post('/api/admin/retention/holds', {
      id: randomUUID(),
      recordKind: 'case',
      recordId: randomUUID(),
      reason: 'Findes ikke.',
    });
    expect(other.statusCode).toBe(404);
  });

  it('takes the archival version: tables, indices, PDF/A documents and checksums that verify', async () => {
    const id = randomUUID();
    exportIds.push(id);
    const res = await admin().post('/api/admin/retention/exports', { id });
    expect(res.statusCode, res.body).toBe(200);
    const taken = res.json() as { recordCount: number; indexSha256: string; packageName: string };
    expect(taken.recordCount).toBe(2);
    const again = await admin().post('/api/admin/retention/exports', { id });
    expect(again.json()).toEqual(taken);

    const files = await readPackage(packageDirectory(archiveDir, '101', id));
    expect(verifyChecksums(files)).toEqual([]);
    const fileIndex = files.get('Indices/fileIndex.xml') as Buffer;
    expect(createHash('sha256').update(fileIndex).digest('hex')).toBe(taken.indexSha256);
    expect(files.get('Indices/tableIndex.xml')?.toString()).toContain('<name>cases</name>');
    // Everything the deletion removes is delivered, e.g. the closure decision (review finding 3),
    // described in Danish from the locale files.
    expect(files.get('Indices/tableIndex.xml')?.toString()).toContain('<name>case_closures</name>');
    expect(files.get('Indices/tableIndex.xml')?.toString()).toContain(
      'Afslutninger af sagerne: afgørelse og begrundelse',
    );
    expect(files.get('Tables/table1/table1.csv')?.toString()).toContain(world.oldCase.reference);
    const pdfs = [...files.keys()].filter((p) => p.endsWith('.pdf'));
    expect(pdfs).toHaveLength(2);
    const pdf = (files.get(pdfs[0] as string) as Buffer).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/pdfaid:part>2</);
    expect(pdf).toContain('/FontFile2');
    // A changed file no longer verifies.
    const tampered = new Map(files).set('Tables/table1/table1.csv', Buffer.from('x'));
    expect(verifyChecksums(tampered)).toEqual(['Tables/table1/table1.csv']);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select(['resource_id', 'resource_type'])
      .where('action', '=', 'export')
      .execute();
    expect(audited.map((a) => a.resource_id).sort()).toEqual(
      [world.oldCase.id, world.oldInquiry.id].sort(),
    );
  });

  it('the job deletes after the export, leaves an anonymous tombstone and an audit entry, skips the hold', async () => {
    expect(statusOf(await dryRun(), world.oldCase.id)).toBe('will_delete');
    const result = await runRetentionJob(t.database.db, testKeys.audit, now);
    expect(result.deleted).toBe(1);
    expect(await exists('cases', world.oldCase.id)).toBe(false);
    expect(await exists('persons', world.citizenId)).toBe(false);
    // Still named by a live case: the person stays.
    expect(await exists('persons', world.sharedPersonId)).toBe(true);
    expect(await exists('cases', world.keptCase.id)).toBe(true);
    expect(await exists('inquiries', world.oldInquiry.id)).toBe(true);
    const tombstones = await t.database.db.selectFrom('retention_tombstones').selectAll().execute();
    expect(tombstones).toHaveLength(1);
    expect(tombstones[0]).toMatchObject({
      municipality_code: '101',
      record_kind: 'case',
      retention_kind: 'case_closed',
      extremism_form: 'right_wing',
      age_group: 'under_18',
      outcome: 'handled',
    });
    expect(JSON.stringify(tombstones[0])).not.toContain(world.oldCase.id);
    expect(JSON.stringify(tombstones[0])).not.toContain(world.oldCase.reference);
    const deletion = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'delete')
      .where('resource_id', '=', world.oldCase.id)
      .execute();
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({ resource_type: 'case', purpose: 'retention' });
  });

  it('after the hold is lifted the administrator may delete the due inquiry', async () => {
    const holds = (await (await admin().get('/api/admin/retention/holds')).json()) as {
      items: { id: string; version: number }[];
    };
    const hold = holds.items[0]!;
    const lift = await admin().post(`/api/admin/retention/holds/${hold.id}/lift`, {
      reason: 'Ankestyrelsen har afgjort klagen.',
      version: hold.version,
    });
    expect(lift.statusCode, lift.body).toBe(200);
    const res = await admin().post('/api/admin/retention/delete', {
      recordKind: 'inquiry',
      recordId: world.oldInquiry.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await exists('inquiries', world.oldInquiry.id)).toBe(false);
    expect(await dryRun()).toEqual([]);
  });

  it('a coordinator may read the periods but not change them or see the dry-run', async () => {
    expect((await callerIn(as, 'coordinator').get('/api/admin/retention/periods')).statusCode).toBe(
      200,
    );
    expect((await callerIn(as, 'coordinator').get('/api/admin/retention/dry-run')).statusCode).toBe(
      403,
    );
  });

  it('the audit chain still verifies after pruning, and an entry no anchor covers cannot be deleted', async () => {
    const db = t.database.db;
    const refused = await sql`delete from audit_log where chain_key = '101' and seq = 2`
      .execute(db)
      .then(
        () => 'deleted',
        () => 'refused',
      );
    expect(refused).toBe('refused');
    const res = await admin().put('/api/admin/retention/periods/audit_trail', {
      months: 12,
      minimumMonths: 12,
      confirmed: true,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('chain_key', '=', '101')
      .executeTakeFirstOrThrow();
    // Three years on: every entry is older than the twelve months but the newest.
    const later = new Date(now.getTime() + 3 * YEAR);
    const result = await runRetentionJob(db, testKeys.audit, later);
    expect(result.auditPruned).toBe(Number(before.n) - 1);
    const anchors = await db.selectFrom('audit_anchors').selectAll().execute();
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toMatchObject({ chain_key: '101', from_seq: 1 });
    const verified = await verifyAuditChains(db, testKeys.audit);
    expect(verified.ok, JSON.stringify(verified.firstBroken)).toBe(true);
    // An anchor not signed with the key does not verify.
    const forged = await verifyAuditChains(db, Buffer.alloc(32, 1), { chainKeys: ['101'] });
    expect(forged.ok).toBe(false);
  });
});
