import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, documentDate } from '../../platform/pdf-layout.ts';
import type { ProcessingRecord } from './schema.ts';

/**
 * The record of processing as a PDF in the shared document layout: one heading per section of
 * GDPR art. 30(1), the entries as lists. No personal data, no contact person.
 */
export async function processingRecordPdf(
  record: ProcessingRecord,
  locale: Locale,
  logo: Buffer | null,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `processingRecord.${key}`, params);
  const texts = (list: { text: string }[]) => list.map((e) => e.text);
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle'),
    heading: t('heading'),
    reference: t('reference'),
    municipality: record.municipality.name,
    contact: null,
    logo,
    date: new Date(record.generatedAt),
  });
  pdf.paragraph(t('intro'));
  pdf.heading(t('sections.controller'));
  pdf.paragraph(record.controller);
  pdf.heading(t('sections.dataProtectionOfficer'));
  pdf.paragraph(record.dataProtectionOfficer.text);
  pdf.heading(t('sections.purposes'));
  pdf.list(texts(record.purposes), t('notConfigured'));
  pdf.heading(t('sections.legalBases'));
  pdf.list(texts(record.legalBases), t('notConfigured'));
  pdf.heading(t('sections.dataSubjects'));
  pdf.list(texts(record.dataSubjects), t('notConfigured'));
  pdf.heading(t('sections.categories'));
  pdf.list(texts(record.categories), t('notConfigured'));
  pdf.heading(t('sections.recipients'));
  pdf.list(texts(record.recipients), t('notConfigured'));
  pdf.heading(t('sections.thirdCountries'));
  pdf.paragraph(record.thirdCountries);
  pdf.heading(t('sections.retention'));
  pdf.list(texts(record.retention), t('notConfigured'));
  pdf.heading(t('sections.security'));
  pdf.list(texts(record.security), t('notConfigured'));
  pdf.space();
  pdf.note(t('generated', { date: documentDate(locale, new Date(record.generatedAt)) }));
  return pdf.done();
}
