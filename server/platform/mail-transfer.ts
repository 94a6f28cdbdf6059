import type { Transaction } from 'kysely';
import type { DB } from './db/schema.ts';
import { composeInvitationMail, type MailContent } from './mail-templates.ts';

/**
 * The e-mail to the receiving municipality's coordinators about a case transfer proposed to it
 * (issue 13 part 11, docs/TRANSFERS.md). The outbox row is keyed by the receiving municipality
 * (the recipient's) and names the transfer only by id; the text is composed when sent, by
 * composeInvitationMail: who proposed it, from which municipality, "to take over a case" and a
 * link to the incoming list. Never the citizen, the case's reference or the reason.
 */

/** The outbox kind of a case transfer's invitation. */
export const TRANSFER_INVITATION_MAIL_KIND = 'transfer_invitation';

/**
 * Queues one message per receiving coordinator, in the transaction that proposes the transfer
 * (so the message goes with the proposal or not at all).
 */
export async function queueTransferInvitations(
  trx: Transaction<DB>,
  message: { toMunicipalityCode: string; transferId: string; userIds: readonly string[] },
): Promise<void> {
  if (message.userIds.length === 0) return;
  await trx
    .insertInto('email_outbox')
    .values(
      message.userIds.map((userId) => ({
        municipality_code: message.toMunicipalityCode,
        user_id: userId,
        kind: TRANSFER_INVITATION_MAIL_KIND,
        case_transfer_id: message.transferId,
      })),
    )
    .execute();
}

/**
 * The outbox kind of the e-mail to the receiving coordinators about an inquiry forwarded to
 * their municipality: an e-mail about an inquiry like the deadline warnings (mail.ts,
 * composeInquiryMail: the reference there, the deadline and the link, nothing else). The
 * forwarded inquiry's deadline starts on arrival, so the deadline job's warnings come hours
 * later; this one tells them at once.
 */
export const INQUIRY_FORWARDED_MAIL_KIND = 'inquiry_forwarded';

/** Queues the forwarded inquiry's e-mail to each coordinator, in the forwarding's transaction. */
export async function queueForwardedInquiryMails(
  trx: Transaction<DB>,
  message: { inquiryId: string; userIds: readonly string[] },
): Promise<void> {
  if (message.userIds.length === 0) return;
  await trx
    .insertInto('email_outbox')
    .values(
      message.userIds.map((userId) => ({
        user_id: userId,
        kind: INQUIRY_FORWARDED_MAIL_KIND,
        // The tenant key is the inquiry's (the receiving municipality's), filled by the database.
        inquiry_id: message.inquiryId,
      })),
    )
    .execute();
}

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
