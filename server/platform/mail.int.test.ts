import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineJob } from '../jobs/deadlines.ts';
import { freshDatabasePerTest } from '../test/database.ts';
import { freePort } from '../test/process.ts';
import { createPerson } from '../test/records.ts';
import {
  decodeMail,
  startSmtpServer,
  type ReceivedMail,
  type TestSmtpServer,
} from '../test/smtp.ts';
import { createUser, type TestUser } from '../test/users.ts';
import type { DB } from './db/schema.ts';
import { MAX_ATTEMPTS, createMailer, sendOutbox, type Mailer } from './mail.ts';

/**
 * E-mail through a real SMTP server (smtp-server, in this process): what a recipient gets about
 * an inquiry's deadline, and what happens when the SMTP server cannot be reached.
 */
const NOW = new Date('2026-03-10T09:00:00Z');
const DEADLINE = new Date('2026-03-10T11:30:00Z'); // 12:30 in Copenhagen (winter time)
const PUBLIC_URL = 'https://tovholder.kommune.example';
const OBSERVATION =
  'Yasmin Holmgaard har vist propaganda til klassen og talt om radikalisering og ekstremisme.';

let smtp: TestSmtpServer;
let smtpPort = 0;
let received: ReceivedMail[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  smtpPort = smtp.port;
  received = smtp.received;
});
afterAll(() => smtp.close());

const decode = decodeMail;

/** An open inquiry about a named person, reported by a named reporter, due at DEADLINE. */
async function createInquiry(db: Kysely<DB>, createdBy: string) {
  const person = await createPerson(db, { givenName: 'Yasmin', familyName: 'Holmgaard' });
  const inquiry = await db
    .insertInto('inquiries')
    .values({
      municipality_code: '101',
      reference: 'H-2026-0042',
      source: 'teacher',
      channel: 'phone',
      reporter_name: 'Karen Kildegaard',
      reporter_contact: 'karen@skole.example',
      received_at: new Date(NOW.getTime() - 3_600_000),
      observation: OBSERVATION,
      subject_kind: 'person',
      deadline_at: DEADLINE,
      created_by: createdBy,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inquiry_persons')
    .values({ inquiry_id: inquiry.id, person_id: person.id })
    .execute();
  return inquiry;
}

async function outbox(db: Kysely<DB>) {
  return db
    .selectFrom('email_outbox')
    .select(['user_id', 'sent_at', 'attempts', 'last_error'])
    .execute();
}

/** Counts the messages handed to the mailer. */
function counting(mailer: Mailer): Mailer & { calls: number } {
  const wrapped = {
    calls: 0,
    async send(message: Parameters<Mailer['send']>[0]) {
      wrapped.calls += 1;
      await mailer.send(message);
    },
    close: () => mailer.close(),
  };
  return wrapped;
}

describe('e-mail about an inquiry deadline', () => {
  const freshDatabase = freshDatabasePerTest();

  async function setup() {
    const { db } = await freshDatabase();
    const coordinator: TestUser = await createUser(db, { roles: ['coordinator'] });
    const email = `${coordinator.username}@kommune.example`;
    await db.updateTable('users').set({ email }).where('id', '=', coordinator.id).execute();
    const hotline = await createUser(db, { roles: ['hotline'] });
    const inquiry = await createInquiry(db, hotline.id);
    return { db, coordinator, email, inquiry };
  }

  it('sends the reminder by SMTP with the reference, the deadline and the link, nothing personal', async () => {
    const { db, email, inquiry } = await setup();
    const mailer = createMailer({
      url: `smtp://127.0.0.1:${smtpPort}`,
      from: 'Tovholder <tovholder@kommune.example>',
    });
    try {
      expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 0 });
      const before = received.length;
      expect(await sendOutbox(db, mailer, { publicUrl: PUBLIC_URL })).toEqual({
        sent: 1,
        failed: 0,
        skipped: 0,
      });
      // Sent once: the next run finds nothing to send.
      expect(await sendOutbox(db, mailer, { publicUrl: PUBLIC_URL })).toEqual({
        sent: 0,
        failed: 0,
        skipped: 0,
      });
      expect(received.length - before).toBe(1);
      const message = received.at(-1);
      expect(message?.rcptTo).toEqual([email]);

      const { headers, text } = decode(message?.raw ?? '');
      expect(headers.to).toBe(email);
      expect(headers.from).toBe('Tovholder <tovholder@kommune.example>');
      expect(headers.subject).toBe('Fristen for henvendelse H-2026-0042 udløber snart');
      const link = `${PUBLIC_URL}/henvendelser/${inquiry.id}`;
      expect(text).toContain(
        'Fristen for henvendelse H-2026-0042 udløber 10. marts 2026 kl. 12.30 (dansk tid).',
      );
      expect(text).toContain(`Åbn henvendelsen i Tovholder: ${link}`);
      expect(text).toContain(
        'The deadline of inquiry H-2026-0042 is 10 March 2026 at 12:30 (Danish time).',
      );
      for (const content of [message?.raw ?? '', headers.subject ?? '', text]) {
        expect(content).not.toMatch(/Yasmin|Holmgaard|Karen|Kildegaard|skole\.example/);
        expect(content).not.toContain('propaganda');
        expect(content).not.toMatch(/radikalis|ekstremis|extremis|radicalis/i);
      }

      const [row] = await outbox(db);
      expect(row?.sent_at).toBeInstanceOf(Date);
      expect(row?.attempts).toBe(0);
    } finally {
      mailer.close();
    }
  });

  it('keeps the message when the SMTP server cannot be reached, and gives up after 5 attempts', async () => {
    const { db } = await setup();
    const closedPort = await freePort();
    const mailer = counting(
      createMailer({ url: `smtp://127.0.0.1:${closedPort}`, from: 'Tovholder <t@example>' }),
    );
    try {
      expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 0 });
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        expect(await sendOutbox(db, mailer, { publicUrl: PUBLIC_URL })).toEqual({
          sent: 0,
          failed: 1,
          skipped: 0,
        });
        const [row] = await outbox(db);
        expect(row).toMatchObject({ sent_at: null, attempts: attempt });
        // A code, never the message or an address.
        expect(row?.last_error).toMatch(/^[A-Z][A-Z0-9_ ]*$/);
      }
      expect(mailer.calls).toBe(MAX_ATTEMPTS);
      expect(await sendOutbox(db, mailer, { publicUrl: PUBLIC_URL })).toEqual({
        sent: 0,
        failed: 0,
        skipped: 0,
      });
      expect(mailer.calls).toBe(MAX_ATTEMPTS);
      expect(await outbox(db)).toMatchObject([{ sent_at: null, attempts: MAX_ATTEMPTS }]);
    } finally {
      mailer.close();
    }
  });

  it('sends nothing about an inquiry decided meanwhile, nor to a recipient disabled meanwhile', async () => {
    const { db, coordinator, inquiry } = await setup();
    const mailer = counting(
      createMailer({ url: `smtp://127.0.0.1:${smtpPort}`, from: 'Tovholder <t@example>' }),
    );
    try {
      expect(await runDeadlineJob(db, NOW)).toEqual({ reminders: 1, overdue: 0 });
      await db
        .updateTable('users')
        .set({ disabled_at: new Date() })
        .where('id', '=', coordinator.id)
        .execute();
      expect(await sendOutbox(db, mailer, { publicUrl: PUBLIC_URL })).toEqual({
        sent: 0,
        failed: 0,
        skipped: 1,
      });
      expect(await outbox(db)).toMatchObject([
        { sent_at: null, attempts: MAX_ATTEMPTS, last_error: 'no_recipient' },
      ]);

      const other = await createUser(db, { roles: ['coordinator'] });
      await db
        .updateTable('users')
        .set({ email: 'other@kommune.example' })
        .where('id', '=', other.id)
        .execute();
      expect(await runDeadlineJob(db, new Date(DEADLINE.getTime() + 60_000))).toEqual({
        reminders: 0,
        overdue: 1,
      });
      await db
        .updateTable('inquiries')
        .set({ status: 'decided' })
        .where('id', '=', inquiry.id)
        .execute();
      expect(await sendOutbox(db, mailer, { publicUrl: PUBLIC_URL })).toEqual({
        sent: 0,
        failed: 0,
        skipped: 1,
      });
      expect(mailer.calls).toBe(0);
    } finally {
      mailer.close();
    }
  });
});
