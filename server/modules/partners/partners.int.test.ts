import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runPartnerExpiryJob } from './job.ts';
import {
  as,
  caller,
  invitation,
  inDays,
  newPartnerUser,
  orgs,
  partnerCase,
  partnerUser,
  t,
  today,
  trace,
  usePartnerFixtures,
} from './partners.fixtures.ts';

/**
 * Partners invited into one case (issue 13 part 1): the coordinator invites a named person of a
 * partner organisation; the partner sees exactly the parts granted, and nothing after the end
 * date or once the consent the invitation rests on is withdrawn; every invitation is in the
 * chronology and the disclosure register; a partner reaches no other case, person or inquiry.
 */
usePartnerFixtures();

const invite = (caseId: string, body: unknown, who = 'coordinator') =>
  caller(who).post(`/api/cases/${caseId}/partner-access`, body);

describe('inviting a partner (ASVS 8.2.2)', () => {
  it('records the invitation, its chronology event, a product-made disclosure and the e-mail; the same id again makes one', async () => {
    const c = await partnerCase();
    const body = invitation(c);
    const res = await invite(c.id, body);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({
      status: 'active',
      parts: ['overview', 'planGoals', 'contributions'],
      goalKeys: [c.goals[0]],
      partner: { id: partnerUser.id },
      organisation: { id: orgs.psychiatry, kind: 'psychiatry' },
      legalBasis: { key: 'rpl_115_psp' },
      version: 1,
    });
    expect(await trace(c.id)).toEqual({ invitations: 1, disclosures: 1, events: 1 });
    const again = await invite(c.id, body);
    expect(again.statusCode).toBe(200);
    expect(await trace(c.id)).toEqual({ invitations: 1, disclosures: 1, events: 1 });

    const db = t.database.db;
    const disclosure = await db
      .selectFrom('disclosures')
      .selectAll()
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(disclosure).toMatchObject({
      channel: 'product',
      product_source: 'partner_access',
      recipient_kind: 'psychiatry',
      purpose: body.purpose,
    });
    expect(disclosure.categories).toEqual(expect.arrayContaining(['identity', 'plan']));
    const mail = await db
      .selectFrom('email_outbox')
      .select(['kind', 'user_id', 'link_token'])
      .where('partner_access_id', '=', body.id)
      .execute();
    expect(mail).toEqual([
      { kind: 'partner_invitation', user_id: partnerUser.id, link_token: null },
    ]);
  });

  it('is the coordinators’: a plain member gets 403, a non-member 404, and nothing is stored', async () => {
    const c = await partnerCase();
    expect((await invite(c.id, invitation(c), 'member')).statusCode).toBe(403);
    expect((await invite(c.id, invitation(c), 'outsider')).statusCode).toBe(404);
    expect(await trace(c.id)).toEqual({ invitations: 0, disclosures: 0, events: 0 });
  });
});

describe('what the partner sees', () => {
  it('lists the case in "Mine sager" and shows exactly the parts granted, audited with the basis', async () => {
    const c = await partnerCase();
    const partner = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`);
    const name = Object.keys(as).at(-1) ?? '';
    expect((await invite(c.id, invitation(c, { partnerUserId: partner.id }))).statusCode).toBe(201);

    const list = await caller(name).get('/api/partner/cases');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ caseId: c.id, endsOn: inDays(60) }),
    ]);

    const view = await caller(name).get(`/api/partner/cases/${c.id}`);
    expect(view.statusCode, view.body).toBe(200);
    const body = view.json();
    expect(body.overview.citizen.name).toBe('Sara Partnersen');
    expect(body.goals.map((g: { key: string }) => g.key)).toEqual([c.goals[0]]);
    expect(body.interventions).toBeNull();
    expect(body.contributions).toEqual([]);
    expect(body.banner).toMatchObject({
      purpose: expect.stringContaining('PSP'),
      endsOn: inDays(60),
    });
    expect(JSON.stringify(body)).not.toMatch(/concern|compartment|extremism/i);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'purpose', 'legal_basis', 'subject_person_id'])
      .where('request_id', '=', String(view.headers['x-request-id']))
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'read',
        purpose: 'partner_access',
        subject_person_id: c.citizenId,
      }),
    ]);
    expect(audit[0]?.legal_basis).toMatch(/115/);
  });

  it('writes a contribution back that the case team reads in the chronology, marked as the partner’s', async () => {
    const c = await partnerCase();
    const partner = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`);
    const name = Object.keys(as).at(-1) ?? '';
    await invite(c.id, invitation(c, { partnerUserId: partner.id }));
    const res = await caller(name).post(`/api/partner/cases/${c.id}/contributions`, {
      text: 'Borgeren mødte op til samtale i psykiatrien.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const chronology = await caller('coordinator').get(`/api/cases/${c.id}/chronology`);
    const events = chronology.json().items as {
      kind: string;
      noteText: string;
      author: { id: string };
    }[];
    expect(events.find((e) => e.kind === 'partner_contribution')).toMatchObject({
      noteText: 'Borgeren mødte op til samtale i psykiatrien.',
      author: { id: partner.id },
    });
  });

  it('sees nothing the day after the end date; the job records the expiry once', async () => {
    const c = await partnerCase();
    const partner = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`);
    const name = Object.keys(as).at(-1) ?? '';
    const body = invitation(c, { partnerUserId: partner.id, endsOn: inDays(1) });
    expect((await invite(c.id, body)).statusCode).toBe(201);
    expect((await caller(name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(200);

    // The clock moves two days on: the invitation's last day is yesterday.
    const later = new Date(Date.now() + 2 * 86_400_000);
    const { getPartnerCase, listPartnerCases } = await import('./partner-view.ts');
    const ctx = {
      db: t.database.db,
      keys: (await import('../../test/app.ts')).testKeys,
      user: {
        id: partner.id,
        username: partner.username,
        displayName: 'x',
        roles: ['partner' as const],
        municipalityCode: '101',
        policeDistrictId: null,
        unitIds: [],
        totpEnabled: true,
      },
      requestId: 'test',
      ip: '127.0.0.1',
      language: 'da' as const,
    };
    await expect(getPartnerCase(ctx, c.id, later)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listPartnerCases(ctx, later)).items).toEqual([]);

    expect(await runPartnerExpiryJob(t.database.db, later)).toBeGreaterThanOrEqual(1);
    expect(await runPartnerExpiryJob(t.database.db, later)).toBe(0);
    const expired = await t.database.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'partner_access_expired')
      .execute();
    expect(expired).toHaveLength(1);
  });

  it('on a consent basis, loses the case at once when the consent is withdrawn', async () => {
    const c = await partnerCase();
    const partner = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`, orgs.school);
    const name = Object.keys(as).at(-1) ?? '';
    const res = await invite(
      c.id,
      invitation(c, {
        organisationId: orgs.school,
        partnerUserId: partner.id,
        legalBasis: 'consent',
        consentId: c.consentId,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await caller(name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(200);
    await t.database.db
      .updateTable('case_consents')
      .set({ withdrawn_on: today() })
      .where('id', '=', c.consentId)
      .execute();
    expect((await caller(name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(404);
    expect((await caller(name).get('/api/partner/cases')).json().items).toEqual([]);
    const listed = await caller('coordinator').get(`/api/cases/${c.id}/partner-access`);
    expect(listed.json().items[0].status).toBe('consent_withdrawn');
  });

  it('reaches no other case, person, inquiry or list of the municipality', async () => {
    const c = await partnerCase();
    const other = await partnerCase();
    await invite(c.id, invitation(c));
    const partner = caller('partner');
    expect((await partner.get(`/api/partner/cases/${other.id}`)).statusCode).toBe(404);
    expect((await partner.get(`/api/partner/cases/${randomUUID()}`)).statusCode).toBe(404);
    for (const url of [
      '/api/cases',
      `/api/cases/${c.id}`,
      `/api/cases/${c.id}/chronology`,
      `/api/persons/${c.citizenId}`,
      '/api/persons?q=Partnersen',
      '/api/inquiries',
      '/api/settings',
    ]) {
      const res = await partner.get(url);
      expect([403, 404], `${url} ${res.statusCode}`).toContain(res.statusCode);
    }
    // The work list is everyone's (policy `session`): a partner's is empty.
    const tasks = await partner.get('/api/tasks');
    expect(tasks.statusCode).toBe(200);
    expect(JSON.stringify(tasks.json())).not.toContain(c.id);
    const session = await partner.get('/api/session');
    expect(session.json().abilities).toMatchObject({
      partner: { cases: true },
      records: { read: false },
      inquiries: { read: false, create: false },
    });
  });
});

describe('changing and ending an access', () => {
  it('changes parts and end date with the version and a reason, ends it early; a stale version is 409', async () => {
    const c = await partnerCase();
    const partner = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`);
    const name = Object.keys(as).at(-1) ?? '';
    const made = (await invite(c.id, invitation(c, { partnerUserId: partner.id }))).json();
    const url = `/api/cases/${c.id}/partner-access/${made.id}`;
    const change = {
      version: 1,
      parts: ['overview', 'ownInterventions'],
      goalKeys: [],
      interventionIds: [c.interventions[1]],
      endsOn: inDays(30),
      reason: 'Psykiatrien leverer nu den ambulante behandling.',
    };
    const changed = await caller('coordinator').put(url, change);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, endsOn: inDays(30), parts: change.parts });
    expect((await caller('coordinator').put(url, change)).statusCode).toBe(409);

    const view = (await caller(name).get(`/api/partner/cases/${c.id}`)).json();
    expect(view.goals).toBeNull();
    expect(view.interventions.map((i: { id: string }) => i.id)).toEqual([c.interventions[1]]);

    const noReason = await caller('coordinator').post(`${url}/end`, { version: 2, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const ended = await caller('coordinator').post(`${url}/end`, {
      version: 2,
      reason: 'Forløbet i psykiatrien er afsluttet.',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endedOn: today() });
    expect((await caller(name).get(`/api/partner/cases/${c.id}`)).statusCode).toBe(404);
    const kinds = (await caller('coordinator').get(`/api/cases/${c.id}/chronology`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['partner_invited', 'partner_access_changed', 'partner_access_ended']),
    );
  });
});
