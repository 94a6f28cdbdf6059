import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, createMailer, sendOutbox } from '../../platform/mail.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import { freePort } from '../../test/process.ts';
import { type Client, type ErrorBody, fieldsOf } from '../../test/records.ts';
import { decodeMail, startSmtpServer, type TestSmtpServer } from '../../test/smtp.ts';
import { createUsers, type TestUser } from '../../test/users.ts';

/**
 * The acknowledgement of a report about a child, e-mailed (issue 12 part 8) through a real SMTP
 * server in this process (issue 13 part 11): "Send kvittering" with the professional's address
 * queues the message in the same transaction, the background job sends it by SMTP, and the
 * inquiry shows it queued, then sent (or failed). The e-mail says the report was received, when,
 * the reference and whom to contact — never the child's name, CPR number or the concern. A
 * malformed address is refused with a Danish message on the field and nothing is stored.
 */

let t: TestApp;
let smtp: TestSmtpServer;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
const HOUR = 3_600_000;
const PUBLIC_URL = 'https://tovholder.kommune.example';
const CPR = '140310-4123';
const OBSERVATION = 'Eleven har delt voldsforherligende materiale om ekstremisme med klassen.';

beforeAll(async () => {
  [t, smtp] = await Promise.all([startTestApp(), startSmtpServer()]);
  Object.assign(users, await createUsers(t.database.db, { coordinator: 'coordinator' }));
  await logInAll(t, users, as);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const coordinator = () => callerIn(as, 'coordinator');

/** A report from a school about a 16-year-old, marked as a report under Barnets lov. */
async function markedReport(contact: string | null = 'Tlf. 33 12 34 56') {
  const res = await coordinator().post(
    '/api/inquiries',
    {
      source: 'teacher',
      channel: 'email',
      reporter: { anonymous: false, name: 'Skoleleder Demo', contact },
      receivedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      observation: OBSERVATION,
      subjectKind: 'person',
      persons: [{ new: { givenName: 'Ali', familyName: 'Skolesen', cpr: CPR } }],
      signs: [],
    },
    { 'idempotency-key': `k-${randomUUID()}` },
  );
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  const marked = await coordinator().post(`/api/inquiries/${id}/child-report`, {
    childReport: true,
    version: await versionOf(id),
  });
  expect(marked.statusCode, marked.body).toBe(200);
  return id;
}

interface Acknowledgement {
  sentAt: string | null;
  sentTo: string | null;
  suggestedEmail: string | null;
  email: { to: string | null; status: string; at: string } | null;
}

async function acknowledgementOf(id: string): Promise<Acknowledgement> {
  const res = await coordinator().get(`/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { childReport: { acknowledgement: Acknowledgement } }).childReport
    .acknowledgement;
}

async function versionOf(id: string): Promise<number> {
  const res = await coordinator().get(`/api/inquiries/${id}`);
  return (res.json() as { version: number }).version;
}

async function outboxOf(id: string) {
  return t.database.db
    .selectFrom('email_outbox')
    .select(['to_address', 'user_id', 'kind', 'sent_at', 'attempts', 'municipality_code'])
    .where('inquiry_id', '=', id)
    .execute();
}

describe(`the acknowledgement of a report about a child, by e-mail (${testEngine})`, () => {
  it('queues it with the send, sends it by SMTP, and shows it queued then sent; nothing about the child', async () => {
    const id = await markedReport();
    expect((await acknowledgementOf(id)).suggestedEmail).toBeNull();
    const res = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, {
      version: await versionOf(id),
      email: ' leder@skole.example ',
    });
    expect(res.statusCode, res.body).toBe(200);
    const queued = await acknowledgementOf(id);
    expect(queued).toMatchObject({
      sentTo: 'Skoleleder Demo, leder@skole.example',
      suggestedEmail: 'leder@skole.example',
      email: { to: 'leder@skole.example', status: 'queued' },
    });
    expect(await outboxOf(id)).toMatchObject([
      { to_address: 'leder@skole.example', user_id: null, sent_at: null, attempts: 0 },
    ]);

    const mailer = createMailer({ url: smtp.url, from: 'Tovholder <noreply@kommune.example>' });
    const before = smtp.received.length;
    try {
      const result = await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL });
      expect(result).toEqual({ sent: 1, failed: 0, skipped: 0 });
    } finally {
      mailer.close();
    }
    expect(smtp.received.length - before).toBe(1);
    const message = smtp.received.at(-1);
    expect(message?.rcptTo).toEqual(['leder@skole.example']);
    expect(message?.mailFrom).toBe('noreply@kommune.example');
    const { headers, text } = decodeMail(message?.raw ?? '');
    const reference = (
      (await coordinator().get(`/api/inquiries/${id}`)).json() as { reference: string }
    ).reference;
    expect(headers.subject).toBe(`Kvittering for modtaget underretning – ${reference}`);
    const municipality = await t.database.db
      .selectFrom('inquiries')
      .innerJoin('municipalities', 'municipalities.code', 'inquiries.municipality_code')
      .select('municipalities.name')
      .where('inquiries.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(text).toContain(
      `${municipality.name} bekræfter, at vi har modtaget din underretning den `,
    );
    expect(text).toContain(`Vores reference er ${reference}.`);
    expect(text).toContain('Underretningen bliver nu vurderet.');
    expect(text).toMatch(/Kontakt: .+/);
    expect(text).toContain(`Our reference is ${reference}.`);
    for (const content of [message?.raw ?? '', headers.subject ?? '', text]) {
      expect(content).not.toMatch(/\bAli\b|Skolesen/);
      expect(content).not.toContain(CPR);
      expect(content).not.toContain(CPR.replace('-', ''));
      expect(content).not.toMatch(/voldsforherlig|ekstremis|radikalis|extremis|radicalis/i);
      // Not even the inquiry's own link: the professional has no account.
      expect(content).not.toContain(id);
    }

    expect(await acknowledgementOf(id)).toMatchObject({ email: { status: 'sent' } });
    // The address is in the database, never in a log line.
    expect(JSON.stringify(t.logs)).not.toContain('leder@skole.example');
  });

  it('refuses a malformed address with a Danish message on the field, storing nothing', async () => {
    const id = await markedReport();
    const version = await versionOf(id);
    const res = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, {
      version,
      email: 'leder@skole',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.email:invalid_email']);
    expect((res.json() as ErrorBody).error.fields?.[0]?.message).toBe(
      'Skriv en gyldig e-mailadresse, fx navn@skole.dk.',
    );
    expect(await versionOf(id)).toBe(version);
    expect(await acknowledgementOf(id)).toMatchObject({ sentAt: null, email: null });
    expect(await outboxOf(id)).toEqual([]);
    const { rows } = await sql<{ reporter_email: string | null }>`
      select reporter_email from inquiries where id = ${id}`.execute(t.database.db);
    expect(rows[0]?.reporter_email).toBeNull();
  });

  it('suggests the intake contact when it is an address; once sent, a second send queues nothing', async () => {
    const id = await markedReport('skole@demo.invalid');
    expect((await acknowledgementOf(id)).suggestedEmail).toBe('skole@demo.invalid');
    const version = await versionOf(id);
    const body = { version, email: 'skole@demo.invalid' };
    expect(
      (await coordinator().post(`/api/inquiries/${id}/acknowledgement`, body)).statusCode,
    ).toBe(200);
    const again = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, {
      ...body,
      email: 'andet@demo.invalid',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(await outboxOf(id)).toMatchObject([{ to_address: 'skole@demo.invalid' }]);
  });

  it('shows the e-mail as failed when the SMTP server cannot be reached, after the last attempt', async () => {
    const id = await markedReport();
    const res = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, {
      version: await versionOf(id),
      email: 'leder@skole.example',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Earlier tests' messages are sent: only this one is pending.
    const mailer = createMailer({ url: `smtp://127.0.0.1:${await freePort()}`, from: 'T <t@e>' });
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL });
        const expected = attempt < MAX_ATTEMPTS ? 'queued' : 'failed';
        expect((await acknowledgementOf(id)).email?.status).toBe(expected);
      }
    } finally {
      mailer.close();
    }
    const [row] = await outboxOf(id);
    expect(row).toMatchObject({ sent_at: null, attempts: MAX_ATTEMPTS });
  });
});
