import { translate, type Locale } from '../../platform/i18n/index.ts';
import type { PurposeLimit } from '../../../shared/sharing.ts';
import { createDocument, documentDate, type DocumentContact } from '../../platform/pdf-layout.ts';
import type { CitizenMeeting } from './schema.ts';

/**
 * "Det aftalte vi": the one-page summary of a meeting for the citizen, in plain Danish, in the
 * shared document layout (letterhead, the coordinator as contact person, "Side N af M"). It holds
 * what the citizen was part of and may keep: the day, what we talked about, what we agreed, the
 * rights they were told about, the lifeline and the next meeting — never the team's own
 * judgements (the stage of change, the risk check, the reflection), so any member may print it.
 * The citizen's name appears only in the letter, never in its metadata or file name.
 */
export async function meetingSummaryPdf(input: {
  locale: Locale;
  reference: string;
  citizenName: string | null;
  meeting: CitizenMeeting & { heldOn: string };
  now: Date;
  letterhead: {
    municipality: string;
    contact: DocumentContact | null;
    logo?: Buffer | null;
    purposeLimit?: PurposeLimit | null;
  };
}): Promise<Buffer> {
  const { locale, meeting, letterhead } = input;
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `citizenMeetingSummary.${key}`, params);
  const pdf = createDocument({
    language: locale,
    documentTitle: t('documentTitle', { reference: input.reference }),
    heading: t('title'),
    reference: input.reference,
    municipality: letterhead.municipality,
    contact: letterhead.contact,
    logo: letterhead.logo,
    purposeLimit: letterhead.purposeLimit ?? null,
    date: input.now,
  });
  if (input.citizenName) pdf.paragraph(t('to', { name: input.citizenName }));
  pdf.paragraph(t('intro', { date: documentDate(locale, meeting.heldOn) }));
  pdf.heading(t('talkedAbout'));
  pdf.paragraph(meeting.summary ?? t('nothingWritten'));
  pdf.heading(t('agreed'));
  pdf.paragraph(meeting.agreements ?? t('nothingWritten'));
  pdf.heading(t('rights'));
  pdf.list(
    meeting.rightsTold.map((r) => t(`right.${r}`)),
    t('noRights'),
  );
  pdf.heading(t('lifeline'));
  if (meeting.lifeline) {
    const l = meeting.lifeline;
    pdf.paragraph(t('lifelineIntro'));
    pdf.field(t('lifelineWho'), l.who);
    if (l.phone) pdf.field(t('lifelinePhone'), l.phone);
    if (l.email) pdf.field(t('lifelineEmail'), l.email);
    if (l.address) pdf.field(t('lifelineAddress'), l.address);
    if (l.when) pdf.field(t('lifelineWhen'), l.when);
  } else {
    pdf.paragraph(t('noLifeline'));
  }
  pdf.heading(t('next'));
  pdf.paragraph(
    meeting.nextMeetingOn
      ? t('nextOn', { date: documentDate(locale, meeting.nextMeetingOn) })
      : t('noNext'),
  );
  pdf.space();
  pdf.note(t('closing'));
  return pdf.done();
}
