import { FilingDocumentKindSchema } from '../../../shared/values.ts';
import { hasCaseAbility, requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { getSettings } from '../inquiries/settings.ts';
import { FILABLE_KINDS, filingDocument } from './documents.ts';
import { filingsPage, type FilingRow } from './queries.ts';
import type { Filing, FilingList } from './schema.ts';

/**
 * The case's journalisation (GET /api/cases/:id/filings): the documents the caller may file now
 * (today's case summary, every version of the plan), the municipality's record system and KLE number, and the filings
 * recorded so far, newest first in keyset pages. Audited as a read of the case.
 */
export async function listFilings(
  ctx: RequestContext,
  access: CaseAccess,
  query: { after?: string; limit: number },
  now = new Date(),
): Promise<FilingList> {
  requireCaseAbility(access, 'filing', 'read');
  const after = decodeCursor(query.after, 'uuid');
  return ctx.db.transaction().execute(async (trx) => {
    const documents: FilingList['documents'] = [];
    for (const kind of FILABLE_KINDS) {
      const document = filingDocument(kind);
      if (!hasCaseAbility(access, document.part, 'read')) continue;
      // One query per kind of document (two today), not per row.
      for (const version of await document.filable(trx, access, now)) {
        documents.push({ kind, ...version });
      }
    }
    const settings = await getSettings(trx, access.municipalityCode);
    const rows = await filingsPage(trx, access, after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    await auditCaseRead(trx, ctx, access, { what: 'filings', details: { filings: page.length } });
    return {
      documents,
      recordSystem: settings.recordSystemName,
      kleCode: settings.filingKleCode,
      items: page.map(presentFiling),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor(last.recorded_at, last.id) : null,
    };
  });
}

export function presentFiling(row: FilingRow): Filing {
  return {
    id: row.id,
    document: FilingDocumentKindSchema.parse(row.document_kind),
    documentVersion: row.document_version,
    documentDate: row.document_date,
    journalNumber: row.journal_number,
    recordSystem: row.record_system,
    kleCode: row.kle_code,
    filedOn: row.filed_on,
    filedBy: { id: row.filed_by, name: row.display_name },
    recordedAt: row.recorded_at.toISOString(),
    version: row.version,
    correctedAt: row.corrected_at ? row.corrected_at.toISOString() : null,
    withdrawn:
      row.withdrawn_at && row.withdrawn_by && row.withdrawal_reason !== null
        ? {
            at: row.withdrawn_at.toISOString(),
            by: { id: row.withdrawn_by, name: row.withdrawn_by_name ?? '' },
            reason: row.withdrawal_reason,
          }
        : null,
  };
}
