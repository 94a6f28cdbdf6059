import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, documentDate } from '../../platform/pdf-layout.ts';
import type { ArchiveTables } from './queries-archive.ts';

/**
 * A record's document in the archival version: its facts and chronology (a case) or its
 * observation and decision (an inquiry), written in the shared layout as PDF/A-2a (pdfkit's
 * PDF/A mode, the embedded font, tagged). In Danish: the archive's language.
 */
const language: Locale = 'da';
const t = (key: string, params?: Record<string, string | number>) =>
  translate(language, `retentionDocument.${key}`, params);
const text = (value: unknown) =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? documentDate(language, value)
      : String(value);

/** The record's row, its reference and an archival document headed with its title. */
function archivalDocument(
  row: Record<string, unknown> | undefined,
  titleKey: 'caseTitle' | 'inquiryTitle',
  municipality: string,
  now: Date,
) {
  const reference = String(row?.reference ?? '');
  const title = t(titleKey, { reference });
  const doc = createDocument({
    language,
    documentTitle: title,
    heading: title,
    reference,
    municipality,
    contact: null,
    date: now,
    archival: true,
  });
  return { record: row ?? {}, title, doc };
}

export async function casePdf(
  tables: ArchiveTables,
  caseId: string,
  municipality: string,
  now: Date,
): Promise<{ title: string; pdf: Buffer }> {
  const found = tables.cases.find((r) => r.id === caseId);
  const { record: c, title, doc } = archivalDocument(found, 'caseTitle', municipality, now);
  doc
    .field(t('status'), text(c.status))
    .field(t('opened'), text(c.opened_at))
    .field(t('extremismForm'), text(c.extremism_form))
    .field(t('ageGroup'), text(c.age_group))
    .heading(t('concernSummary'))
    .paragraph(text(c.concern_summary) ?? '–')
    .heading(t('workSummary'))
    .paragraph(text(c.work_summary) ?? '–')
    .heading(t('persons'))
    .list(
      tables.case_persons
        .filter((p) => p.case_id === caseId)
        .map((p) => `${text(p.given_name)} ${text(p.family_name)} (${text(p.role)})`),
      t('none'),
    )
    .heading(t('chronology'))
    .list(
      tables.case_events
        .filter((e) => e.case_id === caseId)
        .map(
          (e) =>
            `${text(e.occurred_at)}: ${text(e.kind)}${e.note_text ? ` – ${text(e.note_text)}` : ''}`,
        ),
      t('none'),
    );
  return { title, pdf: await doc.done() };
}

export async function inquiryPdf(
  tables: ArchiveTables,
  inquiryId: string,
  municipality: string,
  now: Date,
): Promise<{ title: string; pdf: Buffer }> {
  const found = tables.inquiries.find((r) => r.id === inquiryId);
  const { record: i, title, doc } = archivalDocument(found, 'inquiryTitle', municipality, now);
  doc
    .field(t('received'), text(i.received_at))
    .field(t('source'), text(i.source))
    .field(t('channel'), text(i.channel))
    .heading(t('observation'))
    .paragraph(text(i.observation) ?? '–')
    .heading(t('persons'))
    .list(
      tables.inquiry_persons
        .filter((p) => p.inquiry_id === inquiryId)
        .map((p) => `${text(p.given_name)} ${text(p.family_name)}`),
      t('none'),
    )
    .heading(t('decisions'))
    .list(
      tables.inquiry_decisions
        .filter((d) => d.inquiry_id === inquiryId)
        .map(
          (d) =>
            `${text(d.decided_at)}: ${text(d.outcome)} (${text(d.status)}) – ${text(d.reason)}`,
        ),
      t('none'),
    );
  return { title, pdf: await doc.done() };
}
