import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMailer, sendOutbox } from '../../platform/mail.ts';
import { client } from '../../test/records.ts';
import { decodeMail, startSmtpServer } from '../../test/smtp.ts';
import { TEST_PASSWORD } from '../../test/users.ts';
import {
  caller,
  invitation,
  inDays,
  orgs,
  partnerCase,
  t,
  today,
  trace,
  usePartnerFixtures,
} from './partners.fixtures.ts';

/**
 * Bad input to an invitation (issue 13): a clear Danish message on the field and nothing stored;
 * and the invitation e-mail of a new partner (part 11), through the outbox to an in-process SMTP
 * server, with no personal data, whose link sets the new partner's password.
 */
usePartnerFixtures();

const PUBLIC_URL = 'https://tovholder.kommune.example';

describe('an invitation with bad input is refused on its field, nothing stored', () => {
  const cases: [
    string,
    (c: Awaited<ReturnType<typeof partnerCase>>) => Record<string, unknown>,
    string,
    string,
  ][] = [
    ['no legal basis', () => ({ legalBasis: '' }), 'body.legalBasis', 'partner_basis_required'],
    ['no purpose', () => ({ purpose: '  ' }), 'body.purpose', 'partner_purpose_required'],
    [
      'an end date in the past',
      () => ({ endsOn: inDays(-1) }),
      'body.endsOn',
      'partner_end_not_future',
    ],
    ['an end date today', () => ({ endsOn: today() }), 'body.endsOn', 'partner_end_not_future'],
    [
      'a basis that does not fit the kind (PSP for a school)',
      () => ({
        organisationId: orgs.school,
        partnerUserId: null,
        newPartner: { name: 'Lærer Test', email: 'laerer@skole.example' },
      }),
      'body.legalBasis',
      'basis_kind_not_covered',
    ],
    [
      'a basis never for standing access',
      () => ({ legalBasis: 'value_leap' }),
      'body.legalBasis',
      'basis_use_not_permitted',
    ],
    [
      'an unknown basis',
      () => ({ legalBasis: 'no_such_basis' }),
      'body.legalBasis',
      'basis_unknown',
    ],
    [
      'a consent basis without a consent',
      () => ({ legalBasis: 'consent' }),
      'body.consentId',
      'partner_consent_required',
    ],
    [
      'a consent of another case',
      () => ({ legalBasis: 'consent', consentId: randomUUID() }),
      'body.consentId',
      'partner_consent_not_valid',
    ],
    [
      'the compartment',
      () => ({ parts: ['overview', 'compartment'] }),
      'body.parts.1',
      'partner_part_compartment',
    ],
    [
      'a part not in the list',
      () => ({ parts: ['assessment'] }),
      'body.parts.0',
      'partner_part_unknown',
    ],
    ['no part', () => ({ parts: [] }), 'body.parts', 'partner_parts_required'],
    [
      'a goal key that is not the case’s',
      () => ({ goalKeys: [randomUUID()] }),
      'body.goalKeys.0',
      'partner_goal_not_in_case',
    ],
    [
      'an intervention that is not the case’s',
      () => ({ parts: ['ownInterventions'], goalKeys: [], interventionIds: [randomUUID()] }),
      'body.interventionIds.0',
      'partner_intervention_not_in_case',
    ],
    [
      'an organisation of another municipality',
      () => ({ organisationId: orgs.foreign }),
      'body.organisationId',
      'partner_organisation_unknown',
    ],
    [
      'a person and a new person both',
      () => ({ newPartner: { name: 'X', email: 'x@y.example' } }),
      'body.partnerUserId',
      'partner_choose_person',
    ],
  ];

  it.each(cases)('%s', async (_name, change, field, code) => {
    const c = await partnerCase();
    const res = await caller('coordinator').post(`/api/cases/${c.id}/partner-access`, {
      ...invitation(c),
      ...change(c),
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res.json().error.fields as { field: string; code: string; message: string }[];
    const problem = fields.find((f) => f.field === field);
    expect(problem, JSON.stringify(fields)).toMatchObject({ code });
    // A Danish sentence, not the code.
    expect(problem?.message).not.toContain('_');
    expect(problem?.message.length).toBeGreaterThan(10);
    expect(await trace(c.id)).toEqual({ invitations: 0, disclosures: 0, events: 0 });
  });
});

describe('the invitation e-mail of a new partner (part 11)', () => {
  it('names neither the citizen nor the case; its link sets the password, once', async () => {
    const smtp = await startSmtpServer();
    try {
      const c = await partnerCase();
      const email = `ny.partner.${randomUUID().slice(0, 8)}@psykiatri.example`;
      const res = await caller('coordinator').post(`/api/cases/${c.id}/partner-access`, {
        ...invitation(c),
        partnerUserId: null,
        newPartner: { name: 'Overlæge Nina Ny', email },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().partner).toMatchObject({ name: 'Overlæge Nina Ny', activated: false });

      const mailer = createMailer({ url: smtp.url, from: 'Tovholder <noreply@kommune.example>' });
      // Closed at once: an open client connection holds the SMTP server's close for 30 s.
      await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL }).finally(() =>
        mailer.close(),
      );
      const message = smtp.received.find((m) => m.rcptTo.includes(email));
      expect(message).toBeDefined();
      const { headers, text } = decodeMail(message?.raw ?? '');
      const whole = `${headers.subject ?? ''}\n${text}`;
      const reference = (
        await t.database.db
          .selectFrom('cases')
          .select('reference')
          .where('id', '=', c.id)
          .executeTakeFirstOrThrow()
      ).reference;
      for (const secret of ['Sara', 'Partnersen', reference, 'Nina', c.id]) {
        expect(whole).not.toContain(secret);
      }
      const link =
        /https:\/\/tovholder\.kommune\.example\/partner\/aktivering#([A-Za-z0-9_-]+)/.exec(text);
      expect(link).not.toBeNull();
      const token = link?.[1] ?? '';
      // The token waits in the outbox only until sent.
      const rows = await t.database.db
        .selectFrom('email_outbox')
        .select('link_token')
        .where('partner_access_id', '=', res.json().id)
        .execute();
      expect(rows).toEqual([{ link_token: null }]);

      const anonymous = client(t.app, null);
      const weak = await anonymous.post('/api/partner-activation', { token, password: 'kort' });
      expect(weak.statusCode).toBe(400);
      const done = await anonymous.post('/api/partner-activation', {
        token,
        password: TEST_PASSWORD,
      });
      expect(done.statusCode, done.body).toBe(200);
      const { username } = done.json() as { username: string };
      expect(
        (await anonymous.post('/api/partner-activation', { token, password: TEST_PASSWORD }))
          .statusCode,
      ).toBe(404);
      const login = await anonymous.post('/api/auth/login', { username, password: TEST_PASSWORD });
      expect(login.statusCode, login.body).toBe(200);
      expect(login.json().next).toBe('enrol_totp');
    } finally {
      await smtp.close();
    }
  });
});
