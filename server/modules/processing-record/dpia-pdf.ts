import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, documentDate } from '../../platform/pdf-layout.ts';
import type { Dpia } from './dpia-schema.ts';

/** A line to write the municipality's own answer on. */
const BLANK = '_______________________________________________';

/**
 * The impact assessment template as a PDF in the shared document layout: the processing, the
 * necessity and proportionality, each risk with the product's measures and the blanks of the
 * municipality's assessment, the conclusion and the signatures. No personal data, no contact.
 */
export async function dpiaPdf(dpia: Dpia, locale: Locale, logo: Buffer | null): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `processingRecord.dpia.${key}`, params);
  const r = (key: string) => translate(locale, `processingRecord.${key}`);
  const texts = (list: { text: string }[]) => list.map((e) => e.text);
  const record = dpia.processing;
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle'),
    heading: t('heading'),
    reference: r('reference'),
    municipality: record.municipality.name,
    contact: null,
    logo,
    date: new Date(record.generatedAt),
  });
  pdf.paragraph(t('intro'));
  pdf.heading(t('sections.processing'));
  pdf.paragraph(dpia.description);
  pdf.paragraph(record.controller);
  for (const part of [
    'purposes',
    'legalBases',
    'dataSubjects',
    'categories',
    'recipients',
  ] as const) {
    pdf.subheading(r(`sections.${part}`));
    pdf.list(texts(record[part]), r('notConfigured'));
  }
  pdf.subheading(r('sections.retention'));
  pdf.list(texts(record.retention), r('notConfigured'));
  pdf.heading(t('sections.necessity'));
  pdf.list(texts(dpia.necessity), r('notConfigured'));
  pdf.heading(t('sections.risks'));
  pdf.paragraph(t('risksIntro'));
  dpia.risks.forEach((risk, index) => {
    pdf.subheading(`${index + 1}. ${risk.text}`);
    pdf.paragraph(t('measuresTaken'));
    pdf.list(
      risk.measures.map((m) => (m.enforced ? m.text : `${m.text} (${t('notEnforced')})`)),
      r('notConfigured'),
    );
    for (const blank of dpia.riskBlanks) pdf.field(blank.text, BLANK);
  });
  pdf.heading(t('sections.conclusion'));
  for (const blank of dpia.signOff) pdf.field(blank.text, BLANK);
  pdf.signatures([
    { role: t('parties.dpo'), name: null },
    { role: t('parties.controller'), name: null },
  ]);
  pdf.space();
  pdf.note(t('generated', { date: documentDate(locale, new Date(record.generatedAt)) }));
  return pdf.done();
}
