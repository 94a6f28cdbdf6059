import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMailer, sendOutbox } from '../../platform/mail.ts';
import { createCase, createInquiryRow } from '../../test/records.ts';
import { decodeMail, startSmtpServer } from '../../test/smtp.ts';
import { createUser } from '../../test/users.ts';
import { A, B, as, citizenOf, t, useTransferWorld, users } from './transfers.fixtures.ts';

/**
 * Issue 13 part 11 for transfers: a proposed case transfer e-mails the receiving municipality's
 * coordinators who have an address, through the outbox to an in-process SMTP server — who
 * proposed it, from which municipality, "to take over a case" and a link to /overfoersler; never
 * the citizen, the case's reference, the case's id or the reason. A transfer answered before the
 * message leaves is not sent.
 */
useTransferWorld();

const PUBLIC_URL = 'https://tovholder.kommune.example';
const REASON = 'Flytter til Frederiksberg hos sin moster Hemmeligsen.';

async function withEmail(userId: string) {
  const email = `koordinator.${randomUUID().slice(0, 8)}@frederiksberg.example`;
  await t.database.db.updateTable('users').set({ email }).where('id', '=', userId).execute();
  return email;
}

async function proposedTransfer() {
  const citizen = await citizenOf(A, '0101084321');
  const theCase = await createCase(t.database.db, {
    municipalityCode: A,
    persons: [{ id: citizen.id }],
    members: [{ userId: users.coordA!.id, role: 'coordinator' }],
  });
  const res = await as.coordA!.post(`/api/cases/${theCase.id}/transfers`, {
    id: randomUUID(),
    toMunicipalityCode: B,
    reason: REASON,
    legalBasis: 'value_leap',
    parts: ['identity', 'work_summary'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { theCase, transfer: res.json<{ id: string; version: number }>() };
}

const outboxOf = (transferId: string) =>
  t.database.db
    .selectFrom('email_outbox')
    .select(['user_id', 'municipality_code', 'sent_at', 'last_error'])
    .where('case_transfer_id', '=', transferId)
    .execute();

describe('the e-mail of a proposed case transfer (issue 13 part 11)', () => {
  it('goes to the receiving coordinators with an address and names no personal data', async () => {
    const email = await withEmail(users.coordB!.id);
    // A coordinator of B without an address, and a caseworker of B with one: no message.
    await createUser(t.database.db, { roles: ['coordinator'], municipalityCode: B });
    await withEmail(users.caseworkerB!.id);
    const smtp = await startSmtpServer();
    try {
      const { theCase, transfer } = await proposedTransfer();
      const queued = await outboxOf(transfer.id);
      expect(queued).toEqual([
        { user_id: users.coordB!.id, municipality_code: B, sent_at: null, last_error: null },
      ]);

      const mailer = createMailer({ url: smtp.url, from: 'Tovholder <noreply@kommune.example>' });
      await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL });
      mailer.close();
      const messages = smtp.received.filter((m) => m.rcptTo.includes(email));
      expect(messages).toHaveLength(1);
      const { headers, text } = decodeMail(messages[0]?.raw ?? '');
      const whole = `${headers.subject ?? ''}\n${text}`;
      expect(headers.subject).toBe('Invitation fra København til at overtage en sag');
      expect(text).toContain(`${PUBLIC_URL}/overfoersler`);
      expect(text).toContain('take over a case');
      const proposer = await t.database.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', users.coordA!.id)
        .executeTakeFirstOrThrow();
      expect(text).toContain(proposer.display_name);
      for (const secret of [
        'Flytte',
        'Borgersen',
        '0101084321',
        'Hemmeligsen',
        REASON,
        theCase.reference,
        theCase.id,
        transfer.id,
      ]) {
        expect(whole).not.toContain(secret);
      }
      expect((await outboxOf(transfer.id))[0]?.sent_at).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it('is not sent when the transfer was answered before it left', async () => {
    await withEmail(users.coordB!.id);
    const smtp = await startSmtpServer();
    try {
      const { transfer } = await proposedTransfer();
      const declined = await as.coordB!.post(`/api/transfers/${transfer.id}/decline`, {
        version: transfer.version,
        reason: 'Borgeren flytter ikke alligevel.',
      });
      expect(declined.statusCode, declined.body).toBe(200);
      const mailer = createMailer({ url: smtp.url, from: 'Tovholder <noreply@kommune.example>' });
      await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL });
      mailer.close();
      expect(await outboxOf(transfer.id)).toEqual([
        { user_id: users.coordB!.id, municipality_code: B, sent_at: null, last_error: 'obsolete' },
      ]);
    } finally {
      await smtp.close();
    }
  });
});

describe('the e-mail of an inquiry forwarded to the municipality', () => {
  it('tells the receiving coordinators at once: the reference there, the deadline, the link', async () => {
    const email = await withEmail(users.coordB!.id);
    const person = await citizenOf(A);
    const inquiry = await createInquiryRow(t.database.db, {
      createdBy: users.coordA!.id,
      municipalityCode: A,
      persons: [person.id],
    });
    const smtp = await startSmtpServer();
    try {
      const res = await as.coordA!.post(`/api/inquiries/${inquiry.id}/forward`, {
        id: randomUUID(),
        version: 1,
        toMunicipalityCode: B,
        reason: REASON,
      });
      expect(res.statusCode, res.body).toBe(201);
      const copy = await t.database.db
        .selectFrom('inquiry_forwardings as f')
        .innerJoin('inquiries as i', 'i.id', 'f.inquiry_id')
        .select(['i.id', 'i.reference'])
        .where('f.direction', '=', 'received')
        .where('f.municipality_code', '=', B)
        .orderBy('f.forwarded_at', 'desc')
        .executeTakeFirstOrThrow();
      const queued = await t.database.db
        .selectFrom('email_outbox')
        .select(['user_id', 'municipality_code', 'kind'])
        .where('inquiry_id', '=', copy.id)
        .execute();
      expect(queued).toEqual([
        { user_id: users.coordB!.id, municipality_code: B, kind: 'inquiry_forwarded' },
      ]);
      const mailer = createMailer({ url: smtp.url, from: 'Tovholder <noreply@kommune.example>' });
      await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL });
      mailer.close();
      const message = smtp.received.find((m) => m.rcptTo.includes(email));
      const { headers, text } = decodeMail(message?.raw ?? '');
      expect(headers.subject).toBe(
        `Henvendelse ${copy.reference} er videresendt til jeres kommune`,
      );
      expect(text).toContain(`${PUBLIC_URL}/henvendelser/${copy.id}`);
      const whole = `${headers.subject ?? ''}\n${text}`;
      for (const secret of ['Flytte', 'Borgersen', 'Hemmeligsen', inquiry.reference, 'Eleven']) {
        expect(whole).not.toContain(secret);
      }
    } finally {
      await smtp.close();
    }
  });
});
