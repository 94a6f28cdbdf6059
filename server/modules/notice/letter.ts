import { translate, type Locale } from '../../platform/i18n/index.ts';
import { createDocument, type DocumentContact } from '../../platform/pdf-layout.ts';
import {
  CATEGORIES,
  LEGAL_BASES,
  PURPOSES,
  RECIPIENTS,
  RIGHTS,
} from '../processing-record/facts.ts';

/**
 * The letter that tells the citizen (or a custody holder) that the municipality processes their
 * data (GDPR art. 13/14), in the shared document layout: who processes the data (the
 * municipality, with the case's coordinator as contact person), the purposes, the legal bases,
 * the categories, where the data come from, the recipients, how long they are kept, and the
 * rights, including the complaint to Datatilsynet. The fixed texts are the same facts as the
 * record of processing (processing-record/facts.ts) in the locales; the recipient's name and
 * address appear only in the letter itself, never in its metadata or file name.
 */
export async function noticeLetterPdf(input: {
  locale: Locale;
  reference: string;
  recipient: { name: string; address: string | null; custodyHolder: boolean };
  /** The citizen the case is about, named when the letter goes to a custody holder. */
  citizenName: string | null;
  retentionDays: number;
  now: Date;
  letterhead: { municipality: string; contact: DocumentContact | null; logo?: Buffer | null };
}): Promise<Buffer> {
  const { locale, reference, recipient, now, letterhead } = input;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `noticeLetter.${key}`, params);
  const fact = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `processingRecord.${key}`, params);
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { reference }),
    heading: t('title'),
    reference,
    municipality: letterhead.municipality,
    contact: letterhead.contact,
    logo: letterhead.logo,
    date: now,
  });
  pdf.paragraph(recipient.name);
  pdf.paragraph(recipient.address ?? t('noAddress'));
  pdf.space();
  pdf.paragraph(
    recipient.custodyHolder && input.citizenName
      ? t('introCustody', { municipality: letterhead.municipality, child: input.citizenName })
      : t('intro', { municipality: letterhead.municipality }),
  );
  pdf.heading(t('controllerHeading'));
  pdf.paragraph(fact('controller', { municipality: letterhead.municipality }));
  pdf.paragraph(t('contact'));
  pdf.heading(t('purposesHeading'));
  pdf.list(
    // The record's purposes in the letter's own words: a letter may lie on the kitchen table, and
    // it is printed by members without the compartment, so it names no concern (the compartment
    // words test reads it); the coordinator tells the citizen the rest in person.
    PURPOSES.map((p) => t(`purposes.${p}`)),
    '–',
  );
  pdf.heading(t('legalBasesHeading'));
  pdf.list(
    LEGAL_BASES.map((b) => fact(`legalBases.${b}`)),
    '–',
  );
  pdf.heading(t('categoriesHeading'));
  pdf.list(
    CATEGORIES.map((c) => (c === 'concern' ? t('categoryConcern') : fact(`categories.${c}`))),
    '–',
  );
  pdf.heading(t('sourceHeading'));
  pdf.paragraph(t('source'));
  pdf.heading(t('recipientsHeading'));
  pdf.paragraph(t('recipientsIntro'));
  pdf.list(
    RECIPIENTS.map((r) => fact(`recipients.${r}`)),
    '–',
  );
  pdf.heading(t('retentionHeading'));
  pdf.paragraph(t('retention', { days: input.retentionDays }));
  pdf.heading(t('rightsHeading'));
  pdf.list(
    RIGHTS.map((r) => fact(`rights.${r}`)),
    '–',
  );
  pdf.paragraph(t('rightsHow'));
  pdf.space();
  pdf.note(t('sources'));
  return pdf.done();
}
