import { sql, type Expression, type Insertable, type Kysely, type Transaction } from 'kysely';
import { createTransport } from 'nodemailer';
import type { DeadlineNoticeKind } from '../../shared/values.ts';
import type { DB } from './db/schema.ts';
import { contentOf } from './mail-content.ts';
import type { IcalAttachment } from './mail-meeting.ts';
import { PARTNER_INVITATION_MAIL_KIND } from './mail-templates.ts';

/**
 * E-mail through SMTP (nodemailer) and the outbox that feeds it. Rows in `email_outbox` are
 * written in the transaction of what they report (the deadline job); `sendOutbox` sends them.
 *
 * Privacy: an e-mail leaves the municipality's systems, so it names an inquiry only by its
 * reference and deadline, with a link to it. No person, no observation, no classification; the
 * text comes from fixed sentences in server/platform/i18n/locales (the `mail` section).
 *
 * A message goes to a user of the system (`user_id`, their address read when it is sent) or,
 * for the acknowledgement of a report about a child, to an address outside it (`to_address`,
 * mail-templates.ts). Addresses are stored in the database and never logged.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A calendar invitation (text/calendar part and .ics attachment): meetings, mail-meeting.ts. */
  icalEvent?: IcalAttachment;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Closes the SMTP connections. */
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465. */
  url: string;
  /** The From header, e.g. 'Tovholder <noreply@kommune.dk>'. */
  from: string;
}

/** An SMTP mailer keeping one connection open between messages. */
export function createMailer(options: MailerOptions): Mailer {
  const transport = createTransport(
    {
      url: options.url,
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // Messages are plain text built here; never read files or URLs into a message.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: options.from },
  );
  return {
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.icalEvent && {
          icalEvent: {
            method: message.icalEvent.method,
            filename: message.icalEvent.filename,
            content: message.icalEvent.content,
          },
        }),
      });
    },
    close() {
      transport.close();
    },
  };
}

/** Deadlines are shown in the municipality's time. */

/** After this many failed attempts a message is not retried. */
export const MAX_ATTEMPTS = 5;

export interface OutboxOptions {
  /** The app's address without a trailing slash, for links (TOVHOLDER_PUBLIC_URL). */
  publicUrl: string;
  /** At most this many messages per call (default 50). */
  batchSize?: number;
}

export interface OutboxResult {
  sent: number;
  /** Failed to send this time; retried on a later run until MAX_ATTEMPTS. */
  failed: number;
  /** Not sent and never will be: the recipient has no address or is disabled, the inquiry is decided. */
  skipped: number;
}

/** The columns a selection of messages to queue yields, one row per message. */
export interface OutboxRow {
  user_id: string;
  kind: DeadlineNoticeKind;
  inquiry_id: string | null;
}

/**
 * The one writer of new `email_outbox` rows: queues one message per row of `recipients`, a
 * selection the calling module builds over its own tables (set-based, one statement), in the
 * caller's transaction, so the message is queued with what it reports or not at all. The
 * tenant key is filled from the inquiry named.
 */
export async function queueMail(
  trx: Transaction<DB> | Kysely<DB>,
  recipients: Expression<OutboxRow>,
): Promise<number> {
  const result = await trx
    .insertInto('email_outbox')
    .columns(['user_id', 'kind', 'inquiry_id'])
    .expression(recipients)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Queues one message about an inquiry to an address outside the system, in the caller's
 * transaction. The tenant key is checked against the inquiry by the database (0015).
 */
export async function queueMailToAddress(
  trx: Transaction<DB>,
  message: { municipalityCode: string; inquiryId: string; kind: string; to: string },
): Promise<void> {
  await trx
    .insertInto('email_outbox')
    .values({
      municipality_code: message.municipalityCode,
      inquiry_id: message.inquiryId,
      kind: message.kind,
      to_address: message.to,
    })
    .execute();
}

/**
 * Queues messages given row by row (the transfer e-mails, mail-transfer.ts), in the caller's
 * transaction; the text is composed when sent, from what the row points to.
 */
export async function queueMailRows(
  trx: Transaction<DB>,
  rows: readonly Insertable<DB['email_outbox']>[],
): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('email_outbox')
      .values([...rows])
      .execute();
}

/**
 * Queues the invitation of a partner user into a case, in the caller's transaction. A new
 * account's activation token rides in the row until the message is sent, skipped or given up
 * (then it is cleared, so it never stays readable in the table or a backup);
 * the text is composed when sent, from the invitation (composeInvitationMail: no personal data).
 */
export async function queuePartnerInvitation(
  trx: Transaction<DB>,
  message: {
    municipalityCode: string;
    userId: string;
    partnerAccessId: string;
    token: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('email_outbox')
    .values({
      municipality_code: message.municipalityCode,
      user_id: message.userId,
      kind: PARTNER_INVITATION_MAIL_KIND,
      partner_access_id: message.partnerAccessId,
      link_token: message.token,
    })
    .execute();
}

export type OutboxStatus = 'queued' | 'sent' | 'failed';

/**
 * The latest message of a kind about an inquiry: queued (waiting, or failed and to be retried),
 * sent, or failed (given up after MAX_ATTEMPTS); undefined when none was queued.
 */
export async function latestMailAbout(
  db: Transaction<DB> | Kysely<DB>,
  key: { municipalityCode: string; inquiryId: string },
  kind: string,
): Promise<{ status: OutboxStatus; to: string | null; at: Date } | undefined> {
  const row = await db
    .selectFrom('email_outbox')
    .select(['to_address', 'created_at', 'sent_at', 'attempts'])
    .where('municipality_code', '=', key.municipalityCode)
    .where('inquiry_id', '=', key.inquiryId)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const status: OutboxStatus = row.sent_at
    ? 'sent'
    : row.attempts >= MAX_ATTEMPTS
      ? 'failed'
      : 'queued';
  return { status, to: row.to_address, at: row.sent_at ?? row.created_at };
}

/**
 * Sends pending outbox rows (`sent_at is null and attempts < 5`), oldest first. Each row is
 * claimed with `for update skip locked` in its own transaction that lasts one SMTP exchange, so
 * two processes never send the same message, and the database (PGlite has one connection) is
 * never held for a whole batch. A failure increments `attempts` and stores a short error code in
 * `last_error` (never the message, never an address).
 */
export async function sendOutbox(
  db: Kysely<DB>,
  mailer: Mailer,
  options: OutboxOptions,
): Promise<OutboxResult> {
  const batchSize = options.batchSize ?? 50;
  const result: OutboxResult = { sent: 0, failed: 0, skipped: 0 };
  // Rows this call already tried: a failed row stays pending, and must not be picked again now.
  const tried: string[] = [];
  while (tried.length < batchSize) {
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('email_outbox as o')
        .leftJoin('users as u', 'u.id', 'o.user_id')
        // The tenant key: the inquiry named, in the message's own municipality.
        .leftJoin('inquiries as i', (join) =>
          join
            .onRef('i.id', '=', 'o.inquiry_id')
            .onRef('i.municipality_code', '=', 'o.municipality_code'),
        )
        .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
        // The contact person of an acknowledgement: who sent it.
        .leftJoin('users as a', 'a.id', 'i.acknowledged_by')
        // A partner's invitation: who invited, and until when (0037).
        .leftJoin('case_partner_access as pa', (join) =>
          join
            .onRef('pa.id', '=', 'o.partner_access_id')
            .onRef('pa.municipality_code', '=', 'o.municipality_code'),
        )
        .leftJoin('users as inviter', 'inviter.id', 'pa.invited_by')
        // A case transfer proposed to the recipient's municipality (0042, mail-transfer.ts).
        .leftJoin('case_transfers as ct', (join) =>
          join
            .onRef('ct.id', '=', 'o.case_transfer_id')
            .onRef('ct.to_municipality_code', '=', 'o.municipality_code'),
        )
        .leftJoin('users as proposer', 'proposer.id', 'ct.proposed_by')
        .leftJoin('municipalities as ctm', 'ctm.code', 'ct.municipality_code')
        // A meeting's invitation, update or cancellation (0046, mail-meeting.ts).
        .leftJoin('meetings as mt', (join) =>
          join
            .onRef('mt.id', '=', 'o.meeting_id')
            .onRef('mt.municipality_code', '=', 'o.municipality_code'),
        )
        .leftJoin('forums as mf', 'mf.id', 'mt.forum_id')
        .leftJoin('meeting_external_guests as mg', (join) =>
          join
            .onRef('mg.id', '=', 'o.meeting_external_guest_id')
            .onRef('mg.meeting_id', '=', 'o.meeting_id'),
        )
        .select([
          'o.id',
          'o.kind',
          'o.inquiry_id',
          'o.to_address',
          'u.email',
          'u.disabled_at',
          'i.reference',
          'i.deadline_at',
          'i.status',
          'i.received_at',
          'm.name as municipality',
          'a.display_name as contact_name',
          'a.email as contact_email',
          'o.link_token',
          'pa.ends_on as invitation_ends_on',
          'pa.ended_on as invitation_ended_on',
          'inviter.display_name as inviter_name',
          'ct.status as transfer_status',
          'proposer.display_name as transfer_proposer',
          'ctm.name as transfer_from',
          'o.meeting_id',
          'o.meeting_sequence',
          'mt.starts_at as meeting_starts_at',
          'mt.ends_at as meeting_ends_at',
          'mt.place as meeting_place',
          'mt.video_link as meeting_video_link',
          'mt.status as meeting_status',
          'mf.name as meeting_forum',
          'mg.email as guest_email',
        ])
        .where('o.sent_at', 'is', null)
        .where('o.attempts', '<', MAX_ATTEMPTS)
        .$if(tried.length > 0, (qb) => qb.where('o.id', 'not in', tried))
        .orderBy('o.created_at')
        .orderBy('o.id')
        .limit(1)
        .forUpdate(['o'])
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      tried.push(row.id);

      // A new partner's account is disabled until activated from the invitation (its token).
      const reachable = !row.disabled_at || row.link_token !== null;
      const to =
        row.to_address ?? row.guest_email ?? (row.email && reachable ? row.email : undefined);
      const content = contentOf(row, options.publicUrl);
      if (!to || !content) {
        await trx
          .updateTable('email_outbox')
          // Never sent: the activation token is cleared too, so it never stays readable.
          .set({
            attempts: MAX_ATTEMPTS,
            last_error: to ? 'obsolete' : 'no_recipient',
            link_token: null,
          })
          .where('id', '=', row.id)
          .execute();
        return 'skipped' as const;
      }
      try {
        await mailer.send({ to, ...content });
      } catch (error) {
        await trx
          .updateTable('email_outbox')
          .set((eb) => ({
            attempts: eb('attempts', '+', 1),
            last_error: smtpErrorCode(error),
            // Given up after the last attempt: the activation token goes with it.
            link_token: sql<string | null>`case when ${eb.ref('attempts')} + 1 >= ${MAX_ATTEMPTS}
              then null else ${eb.ref('link_token')} end`,
          }))
          .where('id', '=', row.id)
          .execute();
        return 'failed' as const;
      }
      await trx
        .updateTable('email_outbox')
        .set({ sent_at: new Date(), last_error: null, link_token: null })
        .where('id', '=', row.id)
        .execute();
      return 'sent' as const;
    });
    if (!outcome) break;
    result[outcome] += 1;
  }
  return result;
}

/**
 * A short description of a send failure for `last_error`: nodemailer's error code, the SMTP
 * reply code and command (e.g. 'EENVELOPE 550 RCPT TO'). The error's message is left out: it
 * can quote the recipient's address or the server's reply.
 */
export function smtpErrorCode(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
  };
  const parts = [
    typeof e.code === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(e.code) ? e.code : 'ERROR',
  ];
  if (typeof e.responseCode === 'number') parts.push(String(e.responseCode));
  if (typeof e.command === 'string' && /^[A-Z][A-Z ]{0,19}$/.test(e.command)) {
    parts.push(e.command);
  }
  return parts.join(' ');
}
