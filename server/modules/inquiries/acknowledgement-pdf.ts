import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, documentDate, type DocumentContact } from '../../platform/pdf-layout.ts';
import type { ChildReportRow } from './queries-child-report.ts';
import type { ChildReport } from './schema-child-report.ts';

/**
 * The acknowledgement (kvittering) to the professional who reported a child: that the report
 * was received on a date and will be assessed, under which provision, and whom to contact. It
 * names neither the child nor the concern: the reporter knows both, and the letter may travel
 * by e-mail. Laid out by the common document layout (server/platform/pdf-layout.ts).
 */
export async function acknowledgementPdf(input: {
  locale: Locale;
  row: ChildReportRow;
  report: ChildReport;
  municipality: string;
  contact: DocumentContact | null;
  now: Date;
}): Promise<Buffer> {
  const { locale, row, report, municipality, contact, now } = input;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `acknowledgementPdf.${key}`, params);
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { reference: row.reference }),
    heading: t('title'),
    reference: row.reference,
    municipality,
    contact,
    date: now,
  });
  pdf.field(t('to'), report.acknowledgement.sentTo ?? row.reporter_name);
  pdf.field(t('received'), documentDate(locale, row.received_at));
  pdf.field(t('reference'), row.reference);
  pdf.space();
  pdf.paragraph(t('body', { municipality, received: documentDate(locale, row.received_at) }));
  pdf.paragraph(t('next'));
  const provision = report.acknowledgement.provision;
  if (provision) pdf.note(t('provision', { law: provision.law, section: provision.section }));
  return pdf.done();
}
