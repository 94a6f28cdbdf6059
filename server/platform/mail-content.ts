import { DeadlineNoticeKindSchema } from '../../shared/values.ts';
import { translate, type Locale } from './i18n/index.ts';
import {
  ACKNOWLEDGEMENT_MAIL_KIND,
  composeAcknowledgementMail,
  composeInvitationMail,
  INQUIRY_FORWARDED_MAIL_KIND,
  PARTNER_INVITATION_MAIL_KIND,
  TRANSFER_INVITATION_MAIL_KIND,
  transferInvitationContent,
  type TransferMailFacts,
} from './mail-templates.ts';
import {
  composeMeetingMail,
  MEETING_MAIL_KINDS,
  type IcalAttachment,
  type MeetingMailFacts,
} from './mail-meeting.ts';

/**
 * The words of each outbox row, composed when it is sent (mail.ts `sendOutbox`): one kind per
 * branch, each from fixed sentences in the `mail` section of the server locales, and undefined
 * when the row has become obsolete. Only what a kind may name goes in (see mail.ts's header).
 */

const TIME_ZONE = 'Europe/Copenhagen';

/** The text of an outbox row, or undefined when it is obsolete (an inquiry decided meanwhile). */
export function contentOf(
  row: TransferMailFacts &
    MeetingMailFacts & {
      kind: string;
      inquiry_id: string | null;
      reference: string | null;
      deadline_at: Date | null;
      status: string | null;
      received_at: Date | null;
      municipality: string | null;
      contact_name: string | null;
      contact_email: string | null;
      link_token: string | null;
      invitation_ends_on: string | null;
      invitation_ended_on: string | null;
      inviter_name: string | null;
    },
  publicUrl: string,
): { subject: string; text: string; icalEvent?: IcalAttachment } | undefined {
  if (MEETING_MAIL_KINDS.includes(row.kind)) return composeMeetingMail(row, publicUrl);
  if (row.kind === TRANSFER_INVITATION_MAIL_KIND) return transferInvitationContent(row, publicUrl);
  if (row.kind === PARTNER_INVITATION_MAIL_KIND) {
    // An invitation ended before the message left is not sent.
    if (!row.invitation_ends_on || row.invitation_ended_on || !row.inviter_name) return undefined;
    if (!row.municipality) return undefined;
    const link = row.link_token
      ? `${publicUrl}/partner/aktivering#${row.link_token}`
      : `${publicUrl}/partner`;
    return composeInvitationMail({
      inviter: row.inviter_name,
      municipality: row.municipality,
      work: 'partner_collaboration',
      link,
      expiresAt: new Date(`${row.invitation_ends_on}T12:00:00Z`),
    });
  }
  if (row.kind === ACKNOWLEDGEMENT_MAIL_KIND) {
    return row.reference && row.received_at && row.municipality
      ? composeAcknowledgementMail({
          municipality: row.municipality,
          reference: row.reference,
          receivedAt: row.received_at,
          contact: { name: row.contact_name, email: row.contact_email },
        })
      : undefined;
  }
  return row.inquiry_id &&
    row.reference &&
    row.deadline_at &&
    row.status !== 'decided' &&
    row.status !== 'forwarded'
    ? composeInquiryMail(row.kind, {
        inquiryId: row.inquiry_id,
        reference: row.reference,
        deadlineAt: row.deadline_at,
        publicUrl,
      })
    : undefined;
}

/** The kinds of e-mail about an inquiry (the keys under `mail` in the server locales). */
const INQUIRY_MAIL_KINDS = new Set<string>([
  ...DeadlineNoticeKindSchema.options,
  INQUIRY_FORWARDED_MAIL_KIND,
]);

/**
 * The subject (Danish) and text (Danish, then English) of an e-mail about an inquiry, or
 * undefined for an unknown kind. Only the reference, the deadline and the link go in.
 */
export function composeInquiryMail(
  kind: string,
  inquiry: { inquiryId: string; reference: string; deadlineAt: Date; publicUrl: string },
): { subject: string; text: string } | undefined {
  if (!INQUIRY_MAIL_KINDS.has(kind)) return undefined;
  const link = `${inquiry.publicUrl}/henvendelser/${encodeURIComponent(inquiry.inquiryId)}`;
  const paragraph = (locale: Locale) => {
    const params = {
      reference: inquiry.reference,
      deadline: formatDeadline(inquiry.deadlineAt, locale),
      link,
    };
    return [
      translate(locale, `mail.${kind}.body`, params),
      translate(locale, 'mail.open', params),
      translate(locale, 'mail.footer'),
    ].join('\n');
  };
  return {
    subject: translate('da', `mail.${kind}.subject`, { reference: inquiry.reference }),
    text: `${paragraph('da')}\n\n${paragraph('en')}\n`,
  };
}

/** "14. marts 2026 kl. 10.00" / "14 March 2026 at 10:00", always in Danish time. */
function formatDeadline(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(instant);
}
