import { translate, type Locale } from './i18n/index.ts';

/**
 * The fixed texts of e-mails that leave the municipality for someone outside the system: the
 * acknowledgement of a report about a child to the reporting professional, and the invitation a
 * later feature sends to a partner or to another municipality. Each is built only from what the
 * recipient may know without an account — the municipality, a reference, a date, whom to contact,
 * a link — never a person of a case, an observation or a classification. The sentences live in
 * server/platform/i18n/locales (the `mail` section); the subject is Danish, the text Danish then
 * English, as every e-mail of the system (mail.ts).
 */

export interface MailContent {
  subject: string;
  text: string;
}

/** The outbox kind of the acknowledgement of a report about a child (issue 12 part 8). */
export const ACKNOWLEDGEMENT_MAIL_KIND = 'child_report_acknowledgement';

/** Days are shown in the municipality's time. */
const TIME_ZONE = 'Europe/Copenhagen';

/** "14. marts 2026" / "14 March 2026", the Copenhagen calendar day of an instant. */
export function mailDate(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'long',
    timeZone: TIME_ZONE,
  }).format(instant);
}

/** "Name, address" of the contact person, or the municipality's name when none is known. */
function contactLine(
  contact: { name: string | null; email: string | null } | null,
  fallback: string,
): string {
  const parts = [contact?.name, contact?.email].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : fallback;
}

/**
 * The acknowledgement to the professional who reported a child (Barnets lov): that the
 * municipality received the report on a day, the reference to quote, and whom to contact. The
 * professional knows the child and the concern; the e-mail names neither.
 */
export function composeAcknowledgementMail(input: {
  municipality: string;
  reference: string;
  receivedAt: Date;
  contact: { name: string | null; email: string | null } | null;
}): MailContent {
  const paragraph = (locale: Locale) => {
    const params = {
      municipality: input.municipality,
      reference: input.reference,
      received: mailDate(input.receivedAt, locale),
      contact: contactLine(input.contact, input.municipality),
    };
    return [
      translate(locale, 'mail.acknowledgement.body', params),
      translate(locale, 'mail.acknowledgement.next', params),
      translate(locale, 'mail.acknowledgement.contact', params),
      translate(locale, 'mail.acknowledgement.footer', params),
    ].join('\n');
  };
  return {
    subject: translate('da', 'mail.acknowledgement.subject', { reference: input.reference }),
    text: `${paragraph('da')}\n\n${paragraph('en')}\n`,
  };
}

/**
 * The kinds of work someone outside the municipality's staff can be invited to: a partner
 * organisation joining the work with a case, another municipality taking over a case.
 */
export const INVITATION_WORK_KINDS = ['partner_collaboration', 'case_transfer'] as const;
export type InvitationWork = (typeof INVITATION_WORK_KINDS)[number];

/** https, or http to this machine (development): the link carries a token. */
function isSafeLink(link: string): boolean {
  if (!URL.canParse(link)) return false;
  const url = new URL(link);
  if (url.username || url.password) return false;
  return (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
  );
}

/**
 * An invitation: who invites (a member of staff and their municipality), to what kind of work,
 * the link to accept it and until when it works (`null`: until it is answered, as a case
 * transfer). The link carries a token, never a case's reference or a person; what the work is
 * about is shown only after signing in.
 */
export function composeInvitationMail(input: {
  inviter: string;
  municipality: string;
  work: InvitationWork;
  link: string;
  expiresAt: Date | null;
}): MailContent {
  if (!isSafeLink(input.link)) throw new Error('An invitation link must be an https address');
  const paragraph = (locale: Locale) => {
    const params = {
      inviter: input.inviter,
      municipality: input.municipality,
      work: translate(locale, `mail.invitation.work.${input.work}`),
      link: input.link,
      expires: input.expiresAt ? mailDate(input.expiresAt, locale) : '',
    };
    return [
      translate(locale, 'mail.invitation.body', params),
      translate(
        locale,
        input.expiresAt ? 'mail.invitation.open' : 'mail.invitation.openUntilAnswered',
        params,
      ),
      translate(locale, 'mail.invitation.footer', params),
    ].join('\n');
  };
  return {
    subject: translate('da', 'mail.invitation.subject', {
      municipality: input.municipality,
      work: translate('da', `mail.invitation.work.${input.work}`),
    }),
    text: `${paragraph('da')}\n\n${paragraph('en')}\n`,
  };
}

/**
 * The e-mail to the receiving municipality's coordinators about a case transfer proposed to it
 * (docs/TRANSFERS.md; queued by mail-transfer.ts): who proposed it, from which municipality,
 * "to take over a case" and a link to the incoming list, which needs a login. Never the citizen,
 * the case's reference or the reason.
 */
export const TRANSFER_INVITATION_MAIL_KIND = 'transfer_invitation';

/** The outbox kind of a partner's invitation into a case (issue 13 part 11). */
export const PARTNER_INVITATION_MAIL_KIND = 'partner_invitation';

/**
 * The outbox kind of the e-mail to the receiving coordinators about an inquiry forwarded to
 * their municipality: an e-mail about an inquiry like the deadline warnings (mail.ts,
 * composeInquiryMail: the reference there, the deadline and the link, nothing else). The
 * forwarded inquiry's deadline starts on arrival, so the deadline job's warnings come hours
 * later; this one tells them at once.
 */
export const INQUIRY_FORWARDED_MAIL_KIND = 'inquiry_forwarded';

/** What the outbox reads of the transfer a message is about (mail.ts, sendOutbox). */
export interface TransferMailFacts {
  transfer_status: string | null;
  transfer_proposer: string | null;
  transfer_from: string | null;
}

/**
 * The text of a transfer's invitation, or undefined when it is obsolete: the transfer was
 * answered (or is gone) before the message left.
 */
export function transferInvitationContent(
  row: TransferMailFacts,
  publicUrl: string,
): MailContent | undefined {
  if (row.transfer_status !== 'proposed' || !row.transfer_proposer || !row.transfer_from) {
    return undefined;
  }
  return composeInvitationMail({
    inviter: row.transfer_proposer,
    municipality: row.transfer_from,
    work: 'case_transfer',
    link: `${publicUrl}/overfoersler`,
    expiresAt: null,
  });
}
