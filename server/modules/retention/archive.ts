import { join } from 'node:path';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import { casePdf, inquiryPdf } from './archive-pdf.ts';
import { readExtraTables } from './queries-archive-tables.ts';
import { dueRecords } from './due.ts';
import { buildPackage, writePackage, type PackageDocument } from './package.ts';
import {
  findExport,
  findMunicipalityName,
  insertExport,
  listExports,
  readArchiveTables,
} from './queries-archive.ts';

/**
 * The archival version (docs/RETENTION.md): the administrator takes the export of every record
 * whose period has ended and that no export has delivered yet; the package is written under
 * `<archiveDir>/<municipality>/<package name>/` (package.ts) and the export recorded — when, by
 * whom, which records, the SHA-256 of its file index — and audited, one entry per record
 * delivered (an export of personal data). Idempotent by the client's id.
 */
type ExportRow = NonNullable<Awaited<ReturnType<typeof findExport>>>;
const presented = (row: ExportRow) => ({
  id: row.id,
  takenAt: row.taken_at.toISOString(),
  packageName: row.package_name,
  indexSha256: row.index_sha256,
  recordCount: row.record_count,
});

/**
 * Records per package: each needs its PDF/A document (about 0.15 s each on a busy 2-core machine),
 * and the export runs in the request, so a package is bounded; the next export takes the rest.
 */
export const EXPORT_BATCH = 200;

const SCAN_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export const packageName = (exportId: string) => `AVID.TOV.${exportId}`;

export function packageDirectory(archiveDir: string, municipalityCode: string, exportId: string) {
  return join(archiveDir, municipalityCode, packageName(exportId));
}

export async function exportsOf(ctx: RequestContext) {
  const code = own(ctx);
  return { items: (await listExports(ctx.db, code)).map(presented) };
}

function own(ctx: RequestContext): string {
  if (!ctx.user.municipalityCode) throw new AppError('not_found');
  return ctx.user.municipalityCode;
}

export async function takeExport(
  ctx: RequestContext,
  archiveDir: string,
  exportId: string,
  now: Date = new Date(),
) {
  const code = own(ctx);
  const existing = await findExport(ctx.db, code, exportId);
  if (existing) return presented(existing);
  const due = (await dueRecords(ctx.db, code, now))
    .filter((r) => r.exportId === null && r.status !== 'no_period')
    .slice(0, EXPORT_BATCH);
  if (due.length === 0) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.id', code: 'nothing_to_export' }],
    });
  }
  const caseIds = due.filter((r) => r.recordKind === 'case').map((r) => r.recordId);
  const inquiryIds = due.filter((r) => r.recordKind === 'inquiry').map((r) => r.recordId);
  return ctx.db.transaction().execute(async (trx) => {
    const core = await readArchiveTables(trx, code, caseIds, inquiryIds);
    const extra = await readExtraTables(trx, code, caseIds, inquiryIds);
    const tables = { ...core, ...extra.tables };
    const municipality = await findMunicipalityName(trx, code);
    const documents: PackageDocument[] = [];
    for (const id of caseIds) {
      documents.push({
        recordKind: 'case',
        recordId: id,
        ...(await casePdf(tables, id, municipality, now)),
      });
    }
    for (const id of inquiryIds) {
      documents.push({
        recordKind: 'inquiry',
        recordId: id,
        ...(await inquiryPdf(tables, id, municipality, now)),
      });
    }
    for (const scan of extra.scans) {
      const reference = String(core.cases.find((c) => c.id === scan.caseId)?.reference ?? '');
      documents.push({
        recordKind: 'case',
        recordId: scan.caseId,
        title: translate('da', 'retentionDocument.consentScanTitle', { reference }),
        pdf: scan.data,
        original: {
          extension: SCAN_EXTENSIONS[scan.mediaType] ?? 'bin',
          mediaType: scan.mediaType,
        },
      });
    }
    const built = buildPackage(
      { exportId, municipalityCode: code, takenAt: now },
      tables,
      documents,
    );
    const inserted = await insertExport(trx, {
      id: exportId,
      municipalityCode: code,
      takenBy: ctx.user.id,
      takenAt: now,
      packageName: packageName(exportId),
      indexSha256: built.indexSha256,
      records: due.map((r) => ({ kind: r.recordKind, id: r.recordId })),
    });
    // The id is another municipality's export: answered as a clash, nothing about it told.
    if (!inserted) throw new AppError('conflict');
    const events: AuditEvent[] = due.map((r) => ({
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'export',
      resourceType: r.recordKind,
      resourceId: r.recordId,
      purpose: 'archive_delivery',
      requestId: ctx.requestId,
      details: { exportId },
    }));
    await writeAudit(trx, ctx.keys.audit, events);
    // Written last: a failure above leaves no package; a failure here rolls the record back.
    await writePackage(packageDirectory(archiveDir, code, exportId), built.files);
    return presented((await findExport(trx, code, exportId)) as ExportRow);
  });
}
