import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { inCaseTransaction, recordCaseChange } from '../cases/case-work.ts';
import { getSettings } from '../inquiries/settings.ts';
import { readableDocument } from './documents.ts';
import { filingOfVersion, insertFiling } from './queries.ts';
import { isJournalNumber } from './rules.ts';
import type { RecordFilingBody } from './schema.ts';
import { presentFiling } from './listing.ts';
import type { Filing } from './schema.ts';

/**
 * "Registrer journalisering": the case records where and when a version of one of its documents
 * was filed — the journal number the record system gave it, the day it was filed, the document
 * and its version, who recorded it, and the record system and KLE number of the municipality's
 * settings at the time. In one transaction with the case locked: the filing, its chronology event
 * ("Sagsresumé journaliseret i ESDH som 27.24.00-A53-1-26") and the audit entries. The same
 * document version recorded again answers the filing already there and changes nothing
 * (`created: false`). Bad input (a journal number in no record system's form, a day in the future
 * or before the document existed, a version the case never had) is a 400 on its field, nothing
 * stored. Filing is allowed on a closed case: that is when the summary is filed.
 */
export async function recordFiling(
  ctx: RequestContext,
  access: CaseAccess,
  body: RecordFilingBody,
  now = new Date(),
): Promise<{ filing: Filing; created: boolean }> {
  const document = readableDocument(access, body.document);
  return inCaseTransaction(ctx, access, 'filing', 'write', async (trx) => {
    const problems: FieldProblem[] = [];
    if (!isJournalNumber(body.journalNumber)) {
      problems.push({ field: 'body.journalNumber', code: 'journal_number_format' });
    }
    const version = await document.version(trx, access, body.documentVersion, now);
    if (!version)
      problems.push({ field: 'body.documentVersion', code: 'document_version_unknown' });
    if (body.filedOn > danishToday(now)) {
      problems.push({ field: 'body.filedOn', code: 'in_future' });
    } else if (version && body.filedOn < version.date) {
      problems.push({ field: 'body.filedOn', code: 'filed_before_document' });
    }
    if (problems.length > 0 || !version)
      throw new AppError('validation_failed', { fields: problems });

    const settings = await getSettings(trx, access.municipalityCode);
    const inserted = await insertFiling(trx, {
      caseId: access.caseId,
      document: body.document,
      documentVersion: version.version,
      documentDate: version.date,
      journalNumber: body.journalNumber,
      recordSystem: settings.recordSystemName,
      kleCode: settings.filingKleCode,
      filedOn: body.filedOn,
      filedBy: ctx.user.id,
    });
    if (inserted) {
      await recordCaseChange(trx, ctx, access, {
        kind: 'document_filed',
        changes: {
          document: { from: null, to: body.document },
          documentVersion: { from: null, to: version.version },
          journalNumber: { from: null, to: body.journalNumber },
          recordSystem: { from: null, to: settings.recordSystemName },
          filedOn: { from: null, to: body.filedOn },
        },
        action: 'create',
        resourceType: 'case_filing',
        resourceId: inserted.id,
        details: { document: body.document, version: version.version },
      });
    }
    const row = await filingOfVersion(trx, access, body.document, version.version);
    if (!row) throw new AppError('not_found');
    return { filing: presentFiling(row), created: inserted !== undefined };
  });
}
