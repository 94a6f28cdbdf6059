import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { findMunicipality } from '../organisation/queries.ts';
import { acknowledgementPdf } from './acknowledgement-pdf.ts';
import { inquiryEvent } from './change.ts';
import { childReportOf } from './child-report-view.ts';
import { mayRecordChildReport, recipientOf } from './child-report.ts';
import { getProvisions } from './provisions.ts';
import { inquiryPersonIds } from './queries.ts';
import { findChildReportRow } from './queries-child-report.ts';

/**
 * The acknowledgement letter of a report about a child, as a PDF: read and audited (one entry
 * per person of the inquiry: the letter is a read of it) in one transaction. 404 for an inquiry
 * not marked as a report, or whose reporter is anonymous.
 */
export async function acknowledgementDocument(
  ctx: RequestContext,
  access: InquiryAccess,
  now: Date,
): Promise<{ pdf: Buffer; reference: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findChildReportRow(trx, access);
    if (!row?.child_report || !recipientOf(row)) throw new AppError('not_found');
    const provisions = await getProvisions(trx, access.municipalityCode);
    const report = childReportOf(row, provisions, mayRecordChildReport(access), now);
    const municipality = await findMunicipality(trx, access.municipalityCode);
    const persons = await inquiryPersonIds(trx, access);
    await writeAudit(
      trx,
      ctx.keys.audit,
      (persons.length > 0 ? persons : [null]).map((subject) =>
        inquiryEvent(ctx, access.municipalityCode, {
          action: 'read',
          resourceId: access.inquiryId,
          subjectPersonId: subject,
          details: { what: 'acknowledgement_pdf' },
        }),
      ),
    );
    const pdf = await acknowledgementPdf({
      locale: ctx.language,
      row: { ...row, reporter_name: recipientOf(row) },
      report,
      municipality: municipality?.name ?? access.municipalityCode,
      contact: {
        name: row.acknowledged_by_name ?? ctx.user.displayName,
        unit: null,
        email: row.acknowledged_by_email,
      },
      now,
    });
    return { pdf, reference: row.reference };
  });
}
