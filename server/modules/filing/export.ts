import { CaseStatusSchema, type FilingDocumentKind } from '../../../shared/values.ts';
import type { CaseAccess } from '../../access/records.ts';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decryptField } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import { danishToday } from '../cases/chronology.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseLetterhead } from '../cases/documents.ts';
import { personName } from '../cases/queries.ts';
import { getSettings } from '../inquiries/settings.ts';
import { formatCpr } from '../persons/cpr.ts';
import { cprContext } from '../persons/queries.ts';
import { documentTitle, readableDocument, sha256Hex } from './documents.ts';
import { caseForFiling, filingParties } from './queries.ts';
import { FILING_FORMAT, type FilingExport } from './schema.ts';

/**
 * The filing export of one document (GET /api/cases/:id/filing-export?document=…): the PDF as the
 * reader may see it, inside the metadata a record system needs to file it — a neutral case title
 * (never the concern: "Forebyggende indsats – sag S-2026-0002"), the municipality's KLE number
 * and facet, the document's title, version and date, the case's dates, the parties with their
 * roles (CPR numbers only when the municipality's settings say so), the responsible unit and
 * coordinator, and the reference. Only a reader of the document who may read the filing part gets
 * it (its PDF route's rule, and never the police: `caseAbilities`);
 * it is audited as a read of every person of the case in the transaction that reads them.
 */
export async function filingExport(
  ctx: RequestContext,
  access: CaseAccess,
  query: { document: FilingDocumentKind; planId?: string },
  now = new Date(),
): Promise<FilingExport> {
  const kind = query.document;
  const document = readableDocument(access, kind);
  // The municipality's own record: not for a reader bound by a purpose limit (the police, § 115).
  requireCaseAbility(access, 'filing', 'read');
  if (query.planId && kind !== 'plan') {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.planId', code: 'plan_version_not_for_document' }],
    });
  }
  const read = await ctx.db.transaction().execute(async (trx) => {
    const theCase = await caseForFiling(trx, access);
    if (!theCase) throw new AppError('not_found');
    const made = await document.make(trx, ctx, access, now, query.planId);
    if (!made) throw new AppError('not_found');
    const settings = await getSettings(trx, access.municipalityCode);
    const parties = await filingParties(trx, access, settings.filingIncludeCpr);
    const letterhead = await caseLetterhead(trx, access);
    await auditCaseRead(trx, ctx, access, {
      what: 'filing_export',
      details: { document: kind, version: made.version, cpr: settings.filingIncludeCpr },
    });
    return { theCase, made, settings, parties, letterhead };
  });
  const { theCase, made, settings, parties, letterhead } = read;
  const bytes = await made.render();
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(ctx.language, `filing.${key}`, params);

  return {
    format: FILING_FORMAT,
    createdAt: now.toISOString(),
    recordSystem: settings.recordSystemName,
    case: {
      id: theCase.id,
      reference: theCase.reference,
      title: t('caseTitle', { reference: theCase.reference }),
      kleCode: settings.filingKleCode,
      kleFacet: settings.filingKleFacet,
      status: CaseStatusSchema.parse(theCase.status),
      openedOn: danishToday(theCase.opened_at),
      closedOn: theCase.closed_at ? danishToday(theCase.closed_at) : null,
      responsibleUnit: letterhead.contact?.unit ?? null,
      coordinator: letterhead.contact
        ? { name: letterhead.contact.name, email: letterhead.contact.email }
        : null,
    },
    document: {
      kind,
      title: documentTitle(ctx.language, kind, made.version),
      version: made.version,
      date: made.date,
      fileName: made.fileName,
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha256Hex(bytes),
      contentBase64: bytes.toString('base64'),
    },
    parties: parties.map((p) => ({
      name: personName(p),
      role: p.role,
      roleLabel: translate(ctx.language, `caseSummary.values.personRole.${p.role}`),
      birthDate: p.birth_date,
      cpr:
        'cpr_enc' in p && typeof p.cpr_enc === 'string'
          ? formatCpr(decryptField(ctx.keys.secret, p.cpr_enc, cprContext(p.id)))
          : null,
    })),
  };
}
