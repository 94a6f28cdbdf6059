import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, sendOutbox, type Mailer } from '../../platform/mail.ts';
import { client, createPerson } from '../../test/records.ts';
import { TEST_PASSWORD, createUser, login } from '../../test/users.ts';
import { DEFAULT_BASES } from '../sharing/defaults.ts';
import {
  as,
  caller,
  invitation,
  newPartnerUser,
  orgs,
  partnerCase,
  t,
  today,
  usePartnerFixtures,
  type PartnerCase,
} from './partners.fixtures.ts';

/**
 * The partner-access findings of the security review of issue 13 (docs/SHARING.md): the consent
 * is the data subject's, a closed case and an inactive organisation end the partner's view, the
 * activation token is never kept readable and cannot re-enable a disabled account, a re-invited
 * partner who never activated gets a fresh link, and widening a partner's parts is a disclosure.
 */
usePartnerFixtures();

const invite = (caseId: string, body: unknown, who = 'coordinator') =>
  caller(who).post(`/api/cases/${caseId}/partner-access`, body);

/** A new partner user of the organisation, logged in; its client's name and id. */
async function freshPartner(organisationId = orgs.psychiatry) {
  const user = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`, organisationId);
  return { id: user.id, name: Object.keys(as).at(-1) ?? '' };
}

/** A sibling added to the case, whose consent (standing access, school) is the case's only one. */
async function siblingsConsent(c: PartnerCase) {
  const db = t.database.db;
  const sibling = await createPerson(db, { givenName: 'Ali', familyName: 'Partnersen' });
  await db
    .insertInto('case_persons')
    .values({ case_id: c.id, person_id: sibling.id, role: 'sibling' })
    .execute();
  await db
    .updateTable('case_consents')
    .set({ person_id: sibling.id })
    .where('id', '=', c.consentId)
    .execute();
  return sibling;
}

const onConsent = (c: PartnerCase, partnerId: string) =>
  invitation(c, {
    organisationId: orgs.school,
    partnerUserId: partnerId,
    legalBasis: 'consent',
    consentId: c.consentId,
  });

describe('the consent a partner’s access rests on is the data subject’s (review 4)', () => {
  it('refuses an invitation on a consent another person of the case gave, storing nothing', async () => {
    const c = await partnerCase();
    await siblingsConsent(c);
    const partner = await freshPartner(orgs.school);
    const res = await invite(c.id, onConsent(c, partner.id));
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json())).toContain('partner_consent_not_valid');
    const stored = await t.database.db
      .selectFrom('case_partner_access')
      .select('id')
      .where('case_id', '=', c.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('ends the live access when the consent turns out not to be the citizen’s', async () => {
    const c = await partnerCase();
    const partner = await freshPartner(orgs.school);
    expect((await invite(c.id, onConsent(c, partner.id))).statusCode).toBe(201);
    expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(200);
    await siblingsConsent(c);
    expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('refuses a consent-based disclosure about a person whose consent it is not', async () => {
    const c = await partnerCase();
    const sibling = await siblingsConsent(c);
    const body = (personIds: string[]) => ({
      id: randomUUID(),
      disclosedOn: today(),
      recipientOrganisation: 'Byskolen',
      recipientKind: 'school',
      categories: ['plan'],
      legalBasis: 'Samtykke (databeskyttelsesforordningen art. 6, stk. 1, litra a)',
      purpose: 'Plan for skolegangen',
      decidedBy: 'Tovholderen',
      channel: 'meeting',
      personIds,
      consentId: c.consentId,
    });
    // The consent covers single disclosures too, for this test.
    await t.database.db
      .updateTable('case_consents')
      .set({ uses: ['standing_access', 'single_disclosure'] })
      .where('id', '=', c.consentId)
      .execute();
    const url = `/api/cases/${c.id}/disclosures`;
    const citizens = await caller('coordinator').post(url, body([c.citizenId]));
    expect(citizens.statusCode, citizens.body).toBe(400);
    expect(JSON.stringify(citizens.json())).toContain('disclosure_consent_not_covering');
    const siblings = await caller('coordinator').post(url, body([sibling.id]));
    expect(siblings.statusCode, siblings.body).toBe(201);
  });
});

/** The coordinator's list of the case's invitations: the status of the one with this id. */
async function teamStatus(caseId: string, accessId: string) {
  const listed = await caller('coordinator').get(`/api/cases/${caseId}/partner-access`);
  const items = listed.json().items as { id: string; status: string }[];
  return items.find((a) => a.id === accessId)?.status;
}

describe('a closed case ends the partner’s view (review 6)', () => {
  it('answers 404 to the read and the contribution once the case is closed; the team sees "case closed"', async () => {
    const c = await partnerCase();
    const partner = await freshPartner();
    const body = invitation(c, { partnerUserId: partner.id });
    expect((await invite(c.id, body)).statusCode).toBe(201);
    const contribute = () =>
      caller(partner.name).post(`/api/partner/cases/${c.id}/contributions`, {
        text: 'Borgeren mødte op.',
      });
    expect((await contribute()).statusCode).toBe(201);
    await t.database.db
      .updateTable('cases')
      .set({ status: 'closed' })
      .where('id', '=', c.id)
      .execute();
    expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(404);
    expect((await caller(partner.name).get('/api/partner/cases')).json().items).toEqual([]);
    expect((await contribute()).statusCode).toBe(404);
    const contributions = await t.database.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'partner_contribution')
      .execute();
    expect(contributions).toHaveLength(1);
    expect(await teamStatus(c.id, body.id)).toBe('case_closed');
  });
});

describe('an inactive organisation or a basis no longer fitting ends the access (review 7)', () => {
  it('ends the people’s access when their organisation is deactivated', async () => {
    const db = t.database.db;
    const orgId = randomUUID();
    await db
      .insertInto('partner_organisations')
      .values({ id: orgId, municipality_code: '101', name: 'Psykiatri Syd', kind: 'psychiatry' })
      .execute();
    const c = await partnerCase();
    const partner = await freshPartner(orgId);
    const body = invitation(c, { organisationId: orgId, partnerUserId: partner.id });
    expect((await invite(c.id, body)).statusCode).toBe(201);
    expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(200);
    await db
      .updateTable('partner_organisations')
      .set({ active: false })
      .where('id', '=', orgId)
      .execute();
    expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(404);
    expect((await caller(partner.name).get('/api/partner/cases')).json().items).toEqual([]);
    expect(await teamStatus(c.id, body.id)).toBe('organisation_inactive');
  });

  it('ends the access when the basis is edited so that it no longer covers the organisation’s kind', async () => {
    const db = t.database.db;
    const c = await partnerCase();
    const partner = await freshPartner();
    const body = invitation(c, { partnerUserId: partner.id });
    expect((await invite(c.id, body)).statusCode).toBe(201);
    expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(200);
    const basis = () =>
      db
        .updateTable('legal_bases')
        .where('municipality_code', '=', '101')
        .where('key', '=', 'rpl_115_psp');
    const saved = await db
      .selectFrom('legal_bases')
      .select('organisation_kinds')
      .where('municipality_code', '=', '101')
      .where('key', '=', 'rpl_115_psp')
      .executeTakeFirst();
    if (saved)
      await basis()
        .set({ organisation_kinds: ['police'] })
        .execute();
    else {
      await db
        .insertInto('legal_bases')
        .values({
          municipality_code: '101',
          key: 'rpl_115_psp',
          ...DEFAULT_BASES.rpl_115_psp,
          organisation_kinds: ['police'],
        })
        .execute();
    }
    try {
      expect((await caller(partner.name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(404);
      expect(await teamStatus(c.id, body.id)).toBe('basis_not_valid');
    } finally {
      if (saved) await basis().set({ organisation_kinds: saved.organisation_kinds }).execute();
      else {
        await db
          .deleteFrom('legal_bases')
          .where('municipality_code', '=', '101')
          .where('key', '=', 'rpl_115_psp')
          .execute();
      }
    }
  });
});

/** Invites a new person of the psychiatry; the invitation's id and the new account's id. */
async function inviteNewPerson(c: PartnerCase) {
  const email = `ny.${randomUUID().slice(0, 8)}@psykiatri.example`;
  const res = await invite(c.id, {
    ...invitation(c),
    partnerUserId: null,
    newPartner: { name: 'Overlæge Nina Ny', email },
  });
  expect(res.statusCode, res.body).toBe(201);
  const made = res.json() as { id: string; partner: { id: string } };
  return { accessId: made.id, userId: made.partner.id };
}

const outboxToken = async (accessId: string) =>
  (
    await t.database.db
      .selectFrom('email_outbox')
      .select('link_token')
      .where('partner_access_id', '=', accessId)
      .executeTakeFirstOrThrow()
  ).link_token;

/** A mailer whose SMTP server never answers. */
const failing: Mailer = {
  send: () => Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
  close: () => undefined,
};

describe('the activation token never stays in the outbox (review 8)', () => {
  it('is cleared when the message is skipped (the invitation ended before it left)', async () => {
    const c = await partnerCase();
    const { accessId } = await inviteNewPerson(c);
    expect(await outboxToken(accessId)).not.toBeNull();
    await t.database.db
      .updateTable('case_partner_access')
      .set({ ended_on: today(), end_reason: 'Forkert modtager.' })
      .where('id', '=', accessId)
      .execute();
    await sendOutbox(t.database.db, failing, { publicUrl: 'https://tovholder.example' });
    expect(await outboxToken(accessId)).toBeNull();
  });

  it('is cleared when sending is given up after the last attempt', async () => {
    const c = await partnerCase();
    const { accessId } = await inviteNewPerson(c);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i += 1) {
      await sendOutbox(t.database.db, failing, { publicUrl: 'https://tovholder.example' });
    }
    expect(await outboxToken(accessId)).not.toBeNull();
    await sendOutbox(t.database.db, failing, { publicUrl: 'https://tovholder.example' });
    expect(await outboxToken(accessId)).toBeNull();
  });
});

describe('activation is once and never undoes an administrator’s disabling (review 14, 16)', () => {
  const activate = (token: string) =>
    client(t.app, null).post('/api/partner-activation', { token, password: TEST_PASSWORD });

  it('refuses a token for an account that has a password already', async () => {
    const c = await partnerCase();
    const { accessId, userId } = await inviteNewPerson(c);
    const token = (await outboxToken(accessId)) ?? '';
    // Someone else set the password meanwhile (and an administrator disabled the account).
    await t.database.db
      .updateTable('users')
      .set({ password_hash: 'x', disabled_at: new Date() })
      .where('id', '=', userId)
      .execute();
    expect((await activate(token)).statusCode).toBe(404);
    const user = await t.database.db
      .selectFrom('users')
      .select(['disabled_at', 'password_hash'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user.disabled_at).not.toBeNull();
    expect(user.password_hash).toBe('x');
  });

  it('an administrator disabling a partner not yet activated revokes the link, and a re-invitation issues none', async () => {
    const db = t.database.db;
    const c = await partnerCase();
    const { accessId, userId } = await inviteNewPerson(c);
    const token = (await outboxToken(accessId)) ?? '';
    const admin = await createUser(db, { roles: ['municipal_admin'] });
    const adminClient = client(t.app, await login(t.app, admin));
    expect((await adminClient.post(`/api/admin/users/${userId}/disable`, {})).statusCode).toBe(200);
    expect((await activate(token)).statusCode).toBe(404);
    const other = await partnerCase();
    const again = await invite(other.id, invitation(other, { partnerUserId: userId }));
    expect(again.statusCode, again.body).toBe(201);
    expect(await outboxToken((again.json() as { id: string }).id)).toBeNull();
  });

  it('re-inviting a partner who never activated (the link expired) sends a fresh link that works', async () => {
    const db = t.database.db;
    const c = await partnerCase();
    const { userId } = await inviteNewPerson(c);
    await db
      .updateTable('partner_users')
      .set({ activation_expires_at: new Date(Date.now() - 86_400_000) })
      .where('user_id', '=', userId)
      .execute();
    const other = await partnerCase();
    const again = await invite(other.id, invitation(other, { partnerUserId: userId }));
    expect(again.statusCode, again.body).toBe(201);
    const token = await outboxToken((again.json() as { id: string }).id);
    expect(token).not.toBeNull();
    expect((await activate(token ?? '')).statusCode).toBe(200);
  });
});

describe('widening a partner’s parts is in the disclosure register (review 12)', () => {
  it('records a product-made entry for the categories added, and none for a narrowing', async () => {
    const db = t.database.db;
    const c = await partnerCase();
    const partner = await freshPartner();
    const body = invitation(c, {
      partnerUserId: partner.id,
      parts: ['contributions'],
      goalKeys: [],
    });
    expect((await invite(c.id, body)).statusCode).toBe(201);
    const entries = () =>
      db
        .selectFrom('disclosures')
        .select(['categories', 'channel', 'product_source', 'purpose'])
        .where('case_id', '=', c.id)
        .orderBy('recorded_at')
        .execute();
    expect((await entries()).map((e) => e.categories)).toEqual([['case_history']]);
    const url = `/api/cases/${c.id}/partner-access/${body.id}`;
    const widened = await caller('coordinator').put(url, {
      version: 1,
      parts: ['overview', 'planGoals', 'ownInterventions'],
      goalKeys: [c.goals[0]],
      interventionIds: [c.interventions[0]],
      endsOn: body.endsOn,
      reason: 'Psykiatrien skal nu følge planen.',
    });
    expect(widened.statusCode, widened.body).toBe(200);
    const after = await entries();
    expect(after).toHaveLength(2);
    expect(after[1]).toMatchObject({
      channel: 'product',
      product_source: 'partner_access',
      purpose: body.purpose,
    });
    expect([...(after[1]?.categories ?? [])].sort()).toEqual(['identity', 'interventions', 'plan']);
    const narrowed = await caller('coordinator').put(url, {
      version: 2,
      parts: ['overview'],
      goalKeys: [],
      interventionIds: [],
      endsOn: body.endsOn,
      reason: 'Kun overblikket fremover.',
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(await entries()).toHaveLength(2);
  });
});
