import type { Transaction } from 'kysely';
import type { DB } from './db/schema.ts';
import { queueMailRows } from './mail.ts';
import { INQUIRY_FORWARDED_MAIL_KIND, TRANSFER_INVITATION_MAIL_KIND } from './mail-templates.ts';

/**
 * The e-mails across municipalities (issue 13 part 11, docs/TRANSFERS.md), queued in the
 * transaction of what they report: to the receiving municipality's coordinators about a case
 * transfer proposed to it (the row keyed by the receiving municipality, naming the transfer only
 * by id), and about an inquiry forwarded to it. Their texts are composed when sent
 * (mail-templates.ts): no personal data.
 */

/**
 * Queues one message per receiving coordinator, in the transaction that proposes the transfer
 * (so the message goes with the proposal or not at all).
 */
export async function queueTransferInvitations(
  trx: Transaction<DB>,
  message: { toMunicipalityCode: string; transferId: string; userIds: readonly string[] },
): Promise<void> {
  await queueMailRows(
    trx,
    message.userIds.map((userId) => ({
      municipality_code: message.toMunicipalityCode,
      user_id: userId,
      kind: TRANSFER_INVITATION_MAIL_KIND,
      case_transfer_id: message.transferId,
    })),
  );
}

/** Queues the forwarded inquiry's e-mail to each coordinator, in the forwarding's transaction. */
export async function queueForwardedInquiryMails(
  trx: Transaction<DB>,
  message: { inquiryId: string; userIds: readonly string[] },
): Promise<void> {
  await queueMailRows(
    trx,
    message.userIds.map((userId) => ({
      user_id: userId,
      kind: INQUIRY_FORWARDED_MAIL_KIND,
      // The tenant key is the inquiry's (the receiving municipality's), filled by the database.
      inquiry_id: message.inquiryId,
    })),
  );
}
