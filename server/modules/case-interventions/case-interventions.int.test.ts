import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, client, createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { runOfferJob } from './job.ts';
import { addMonths } from './offers.ts';

/**
 * Interventions in a case (consent before a § 12 b start, providers as intervention-scoped
 * members, session notes), simple consent records and offers with renewed offers after a
 * decline, on the HTTP level; the renewed-offer job with a controllable clock.
 */
let t: TestApp;
let theCase: { id: string; reference: string };
let citizen: { id: string; name: string };
let sister: { id: string; name: string };
let coordinator: TestUser;
let caseworker: TestUser;
let mentor: TestUser;
let mentor2: TestUser;
let outsider: TestUser;
const as: Record<string, Client> = {};
const types: Record<'s12b' | 'mentor' | 'inactive', string> = {
  s12b: '',
  mentor: '',
  inactive: '',
};
const OPENED_AT = '2025-01-10T09:00:00Z';

type Name = 'coordinator' | 'caseworker' | 'mentor' | 'mentor2' | 'outsider';
function caller(name: Name): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}
const url = (path = '', caseId = theCase.id) => `/api/cases/${caseId}${path}`;
const fieldsOf = (res: { json(): unknown }) =>
  (
    (res.json() as { error: { fields?: { field: string; code: string }[] } }).error.fields ?? []
  ).map((f) => `${f.field}:${f.code}`);

interface Listing {
  interventions: {
    id: string;
    version: number;
    status: string;
    person: { id: string; name: string; role: string };
    provider: { userId: string; name: string } | null;
    providerName: string | null;
    consent: { id: string; givenOn: string; withdrawnOn: string | null } | null;
    sessions: { id: string; heldOn: string; note: string; authorName: string }[];
    type: { id: string; consentRequired: boolean; level: string };
  }[];
  consents: { id: string }[];
  offers: {
    id: string;
    version: number;
    round: number;
    status: string;
    dueOn: string | null;
    firstOfferId: string | null;
  }[];
  catalogue: { id: string }[];
  providers: { id: string }[];
}
async function listing(name: Name = 'coordinator', caseId = theCase.id): Promise<Listing> {
  const res = await caller(name).get(url('/interventions', caseId));
  expect(res.statusCode).toBe(200);
  return res.json() as Listing;
}
async function interventionRow(id: string) {
  return t.database.db
    .selectFrom('case_interventions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
async function eventCount(caseId = theCase.id): Promise<number> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.length;
}
async function createType(code: string, options: { consent?: boolean; active?: boolean } = {}) {
  const row = await t.database.db
    .insertInto('intervention_types')
    .values({
      municipality_code: '101',
      code: `${code}_${process.pid}`,
      name: `Indsats ${code}`,
      level: options.consent ? 'anticipating' : 'building',
      age_group: 'all',
      legal_basis: options.consent ? 'Serviceloven § 12 b' : null,
      consent_required: options.consent ?? false,
      active: options.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function newCase(persons: { id: string; role?: string }[]) {
  const c = await createCase(t.database.db, {
    persons,
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: caseworker.id, role: 'member' },
    ],
  });
  await t.database.db
    .updateTable('cases')
    .set({ opened_at: OPENED_AT })
    .where('id', '=', c.id)
    .execute();
  return c;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  caseworker = await createUser(db, { roles: ['caseworker'] });
  mentor = await createUser(db, { roles: ['mentor'] });
  mentor2 = await createUser(db, { roles: ['mentor'] });
  outsider = await createUser(db, { roles: ['caseworker'] });
  citizen = await createPerson(db, { givenName: 'Adam', familyName: 'Rasmussen' });
  sister = await createPerson(db, { givenName: 'Sara', familyName: 'Rasmussen' });
  theCase = await newCase([{ id: citizen.id }, { id: sister.id, role: 'younger_sibling' }]);
  types.s12b = await createType('s12b', { consent: true });
  types.mentor = await createType('mentor');
  types.inactive = await createType('gone', { active: false });
  for (const [name, user] of Object.entries({
    coordinator,
    caseworker,
    mentor,
    mentor2,
    outsider,
  })) {
    as[name] = client(t.app, await login(t.app, user));
  }
});
afterAll(() => t.close());

describe(`interventions in a case (${testEngine})`, () => {
  let s12bId = '';

  it('a § 12 b intervention cannot start without consent; nothing changes', async () => {
    const created = await caller('caseworker').post(url('/interventions'), {
      interventionTypeId: types.s12b,
      personId: citizen.id,
      providerName: 'Familiehuset',
      purpose: 'Styrke netværk og skolegang',
    });
    expect(created.statusCode).toBe(201);
    s12bId = (created.json() as { id: string }).id;
    const before = await interventionRow(s12bId);
    expect(before).toMatchObject({ status: 'planned', version: 1, consent_id: null });
    const events = await eventCount();

    const refused = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 1,
      status: 'active',
      startsOn: '2025-02-15',
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.status:consent_required']);
    expect(await interventionRow(s12bId)).toEqual(before);
    expect(await eventCount()).toBe(events);

    // A consent given after the start does not count either.
    const late = await caller('coordinator').post(url('/consents'), {
      personId: citizen.id,
      givenBy: 'guardian',
      purpose: 'Samtykke til forløb efter § 12 b',
      method: 'written',
      givenOn: '2025-03-01',
    });
    expect(late.statusCode).toBe(201);
    const stillRefused = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 1,
      status: 'active',
      startsOn: '2025-02-15',
    });
    expect(fieldsOf(stillRefused)).toEqual(['body.status:consent_required']);
    expect(await interventionRow(s12bId)).toEqual(before);
  });

  it('records a consent (a guardian for a minor) and then starts, linking the consent', async () => {
    const minor = await caller('coordinator').post(url('/consents'), {
      personId: citizen.id,
      givenBy: 'person',
      purpose: 'Samtykke',
      method: 'oral',
      givenOn: '2025-02-01',
    });
    expect(minor.statusCode).toBe(400);
    expect(fieldsOf(minor)).toEqual(['body.givenBy:guardian_required']);

    const future = await caller('coordinator').post(url('/consents'), {
      personId: citizen.id,
      givenBy: 'guardian',
      purpose: 'Samtykke',
      method: 'oral',
      givenOn: '2999-01-01',
    });
    expect(fieldsOf(future)).toEqual(['body.givenOn:in_future']);

    const consentId = randomUUID();
    const body = {
      id: consentId,
      personId: citizen.id,
      givenBy: 'guardian',
      purpose: 'Samtykke til forløb efter § 12 b',
      method: 'written',
      givenOn: '2025-02-01',
    };
    const recorded = await caller('coordinator').post(url('/consents'), body);
    expect(recorded.statusCode).toBe(201);
    const again = await caller('coordinator').post(url('/consents'), body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { id: string }).id).toBe(consentId);

    const started = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 1,
      status: 'active',
      startsOn: '2025-02-15',
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toEqual({ id: s12bId, version: 2 });
    expect(await interventionRow(s12bId)).toMatchObject({
      status: 'active',
      starts_on: '2025-02-15',
      consent_id: consentId,
    });
    const audit = await auditRowsOf(t.database.db, started);
    expect(audit.map((r) => r.subject_person_id).sort()).toEqual([citizen.id, sister.id].sort());
    expect(audit[0]?.details).toMatchObject({ change: 'intervention_changed', to: 'active' });
    const shown = (await listing()).interventions.find((i) => i.id === s12bId);
    expect(shown?.consent).toEqual({ id: consentId, givenOn: '2025-02-01', withdrawnOn: null });
  });

  it('checks the transitions, the dates and the stale version', async () => {
    const stale = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 1,
      status: 'paused',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { meta: unknown } }).error.meta).toEqual({
      currentVersion: 2,
    });
    const back = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 2,
      status: 'cancelled',
    });
    expect(fieldsOf(back)).toEqual(['body.status:intervention_transition_not_allowed']);
    const end = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 2,
      status: 'ended',
    });
    expect(fieldsOf(end).sort()).toEqual(['body.endReason:required', 'body.endsOn:required']);
    const early = await caller('caseworker').patch(url(`/interventions/${s12bId}`), {
      version: 2,
      status: 'ended',
      endsOn: '2025-02-01',
      endReason: 'Målene er nået',
    });
    expect(fieldsOf(early)).toEqual(['body.endsOn:ends_before_start']);
    expect(await interventionRow(s12bId)).toMatchObject({ status: 'active', version: 2 });
  });

  it('rejects bad creates: inactive type, a person outside the case, two providers, early start', async () => {
    const stranger = await createPerson(t.database.db);
    const bad = await caller('caseworker').post(url('/interventions'), {
      interventionTypeId: types.inactive,
      personId: stranger.id,
      providerUserId: mentor.id,
      providerName: 'Ekstern',
      startsOn: '2025-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual([
      'body.interventionTypeId:intervention_type_unavailable',
      'body.personId:person_not_in_case',
      'body.providerName:provider_one_of',
      'body.startsOn:before_case_opened',
    ]);
    const analyst = await createUser(t.database.db, { roles: ['analyst'] });
    const notProvider = await caller('caseworker').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      providerUserId: analyst.id,
    });
    expect(fieldsOf(notProvider)).toEqual(['body.providerUserId:provider_not_eligible']);
    const rows = await t.database.db
      .selectFrom('case_interventions')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  let mentorInterventionId = '';
  let otherInterventionId = '';

  it('a provider user becomes an intervention-scoped member and is notified; creates are idempotent', async () => {
    const id = randomUUID();
    const body = {
      id,
      interventionTypeId: types.mentor,
      personId: sister.id,
      providerUserId: mentor.id,
      startsOn: '2025-03-01',
    };
    const created = await caller('coordinator').post(url('/interventions'), body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id, version: 1 });
    const repeated = await caller('coordinator').post(url('/interventions'), body);
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json()).toEqual({ id, version: 1 });
    mentorInterventionId = id;
    const count = await t.database.db
      .selectFrom('case_interventions')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(count).toHaveLength(1);

    const member = await t.database.db
      .selectFrom('case_members')
      .select(['role', 'scope'])
      .where('case_id', '=', theCase.id)
      .where('user_id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ role: 'member', scope: 'intervention' });
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'case_id', 'details'])
      .where('user_id', '=', mentor.id)
      .execute();
    expect(notes).toEqual([
      { kind: 'intervention_assigned', case_id: theCase.id, details: { interventionId: id } },
    ]);

    const other = await caller('coordinator').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      providerUserId: mentor2.id,
      startsOn: '2025-03-01',
    });
    expect(other.statusCode).toBe(201);
    otherInterventionId = (other.json() as { id: string }).id;
    for (const [iid, v] of [
      [mentorInterventionId, 1],
      [otherInterventionId, 1],
    ] as const) {
      const res = await caller('coordinator').patch(url(`/interventions/${iid}`), {
        version: v,
        status: 'active',
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('a mentor sees only their intervention, adds session notes, and nothing else', async () => {
    const res = await caller('mentor').get(url('/interventions'));
    expect(res.statusCode).toBe(200);
    const seen = res.json() as Listing;
    expect(seen.interventions.map((i) => i.id)).toEqual([mentorInterventionId]);
    expect(seen.interventions[0]?.person).toEqual({
      id: sister.id,
      name: sister.name,
      role: 'younger_sibling',
    });
    expect(seen.consents).toEqual([]);
    expect(seen.offers).toEqual([]);
    expect(seen.catalogue).toEqual([]);
    expect(seen.providers).toEqual([]);
    expect(res.body).not.toContain(citizen.name);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => r.subject_person_id)).toEqual([sister.id]);

    const note = 'Vi talte om skolen og fodbold.';
    const added = await caller('mentor').post(
      url(`/interventions/${mentorInterventionId}/sessions`),
      { heldOn: '2025-03-05', note },
    );
    expect(added.statusCode).toBe(201);
    const sessionAudit = await auditRowsOf(t.database.db, added);
    expect(JSON.stringify(sessionAudit)).not.toContain('fodbold');
    const event = await t.database.db
      .selectFrom('case_events')
      .select(['kind', 'changes', 'note_text'])
      .where('case_id', '=', theCase.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.kind).toBe('intervention_session');
    expect(event.note_text).toBeNull();
    expect(JSON.stringify(event.changes)).not.toContain('fodbold');
    const after = await listing('mentor');
    expect(after.interventions[0]?.sessions).toMatchObject([
      { heldOn: '2025-03-05', note, authorName: expect.any(String) },
    ]);

    // Not another provider's intervention, no changes, no chronology.
    expect(
      (
        await caller('mentor').post(url(`/interventions/${otherInterventionId}/sessions`), {
          heldOn: '2025-03-05',
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await caller('mentor').patch(url(`/interventions/${mentorInterventionId}`), {
          version: 2,
          status: 'paused',
        })
      ).statusCode,
    ).toBe(403);
    expect((await caller('mentor').get(url('/chronology'))).statusCode).toBe(403);
    expect(
      (
        await caller('mentor').post(url('/consents'), {
          personId: sister.id,
          givenBy: 'guardian',
          purpose: 'x',
          method: 'oral',
          givenOn: '2025-03-01',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await caller('mentor').post(url('/offers'), {
          personId: sister.id,
          kind: 'mentor',
          offeredOn: '2025-03-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await interventionRow(mentorInterventionId)).status).toBe('active');
  });

  it('refuses session notes dated before the case opened or in the future, or on a planned intervention', async () => {
    const early = await caller('caseworker').post(
      url(`/interventions/${mentorInterventionId}/sessions`),
      { heldOn: '2025-01-09', note: 'For tidligt' },
    );
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.heldOn:before_case_opened']);
    const future = await caller('caseworker').post(
      url(`/interventions/${mentorInterventionId}/sessions`),
      { heldOn: '2999-01-01', note: 'Fremtid' },
    );
    expect(fieldsOf(future)).toEqual(['body.heldOn:in_future']);
    const planned = await caller('caseworker').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      providerName: 'Forældrecoach ApS',
    });
    const plannedId = (planned.json() as { id: string }).id;
    const notRunning = await caller('caseworker').post(
      url(`/interventions/${plannedId}/sessions`),
      {
        heldOn: '2025-03-05',
        note: 'Ikke startet',
      },
    );
    expect(fieldsOf(notRunning)).toEqual(['intervention.status:intervention_not_running']);
    const sessions = await t.database.db.selectFrom('intervention_sessions').select('id').execute();
    expect(sessions).toHaveLength(1);
  });

  it('withdrawing a consent pauses the interventions that rely on it; resuming needs a new one', async () => {
    const row = await interventionRow(s12bId);
    const consentId = row.consent_id ?? '';
    const early = await caller('coordinator').post(url(`/consents/${consentId}/withdraw`), {
      withdrawnOn: '2025-01-31',
    });
    expect(fieldsOf(early)).toEqual(['body.withdrawnOn:before_consent_given']);
    const res = await caller('coordinator').post(url(`/consents/${consentId}/withdraw`), {
      withdrawnOn: '2025-04-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: consentId, pausedInterventionIds: [s12bId] });
    expect(await interventionRow(s12bId)).toMatchObject({ status: 'paused', version: 3 });
    const twice = await caller('coordinator').post(url(`/consents/${consentId}/withdraw`), {
      withdrawnOn: '2025-04-02',
    });
    expect(fieldsOf(twice)).toEqual(['body.withdrawnOn:consent_already_withdrawn']);

    // The later consent (1 March) is still valid: resuming uses it.
    const resumed = await caller('coordinator').patch(url(`/interventions/${s12bId}`), {
      version: 3,
      status: 'active',
    });
    expect(resumed.statusCode).toBe(200);
    const linked = (await interventionRow(s12bId)).consent_id ?? '';
    expect(linked).not.toBe(consentId);
    await caller('coordinator').post(url(`/consents/${linked}/withdraw`), {
      withdrawnOn: '2025-04-03',
    });
    const refused = await caller('coordinator').patch(url(`/interventions/${s12bId}`), {
      version: 5,
      status: 'active',
    });
    expect(fieldsOf(refused)).toEqual(['body.status:consent_required']);
  });

  it('hands an intervention to another provider when staff change; the previous one loses it', async () => {
    const before = (await caller('coordinator').get(url('/interventions'))).json() as Listing;
    const other = before.interventions.find((i) => i.id === otherInterventionId);
    const res = await caller('coordinator').patch(url(`/interventions/${otherInterventionId}`), {
      version: other?.version ?? 0,
      providerUserId: mentor.id,
      providerName: null,
    });
    expect(res.statusCode).toBe(200);
    const seenBy = async (name: Name) =>
      ((await caller(name).get(url('/interventions'))).json() as Listing).interventions.map(
        (i) => i.id,
      );
    expect((await seenBy('mentor')).sort()).toEqual(
      [mentorInterventionId, otherInterventionId].sort(),
    );
    expect(await seenBy('mentor2')).toEqual([]);
    const told = await t.database.db
      .selectFrom('notifications')
      .select('details')
      .where('user_id', '=', mentor.id)
      .where('kind', '=', 'intervention_assigned')
      .execute();
    expect(told.map((n) => n.details)).toContainEqual({ interventionId: otherInterventionId });
    // The change is in the chronology, with the provider by name.
    const name = await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    const events = await t.database.db
      .selectFrom('case_events')
      .select('changes')
      .where('case_id', '=', theCase.id)
      .where('kind', '=', 'intervention_changed')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(events[0]?.changes).toMatchObject({ provider: { to: name.display_name } });
  });
});

describe(`offers of voluntary support (${testEngine})`, () => {
  let firstId = '';

  it('a declined first offer schedules renewals at 3 and 6 months', async () => {
    const early = await caller('coordinator').post(url('/offers'), {
      personId: citizen.id,
      kind: 'mentor',
      offeredOn: '2025-01-01',
    });
    expect(fieldsOf(early)).toEqual(['body.offeredOn:before_case_opened']);
    const id = randomUUID();
    const body = {
      id,
      personId: citizen.id,
      kind: 'mentor',
      interventionTypeId: types.mentor,
      offeredOn: '2025-02-01',
    };
    const made = await caller('coordinator').post(url('/offers'), body);
    expect(made.statusCode).toBe(201);
    expect((await caller('coordinator').post(url('/offers'), body)).statusCode).toBe(200);
    firstId = id;

    const stale = await caller('coordinator').post(url(`/offers/${id}/answer`), {
      version: 2,
      answer: 'declined',
      answeredOn: '2025-02-10',
    });
    expect(stale.statusCode).toBe(409);
    const before = await caller('coordinator').post(url(`/offers/${id}/answer`), {
      version: 1,
      answer: 'declined',
      answeredOn: '2025-01-31',
    });
    expect(fieldsOf(before)).toEqual(['body.answeredOn:before_offer_made']);

    const declined = await caller('coordinator').post(url(`/offers/${id}/answer`), {
      version: 1,
      answer: 'declined',
      answeredOn: '2025-02-10',
    });
    expect(declined.statusCode).toBe(200);
    const answer = declined.json() as { scheduled: { round: number; dueOn: string }[] };
    expect(answer.scheduled.map((s) => [s.round, s.dueOn])).toEqual([
      [2, '2025-05-10'],
      [3, '2025-08-10'],
    ]);
    const offers = (await listing()).offers;
    expect(offers.map((o) => [o.round, o.status, o.dueOn, o.firstOfferId])).toEqual([
      [1, 'declined', null, null],
      [2, 'scheduled', '2025-05-10', id],
      [3, 'scheduled', '2025-08-10', id],
    ]);
    const again = await caller('coordinator').post(url(`/offers/${id}/answer`), {
      version: 2,
      answer: 'accepted',
      answeredOn: '2025-02-11',
    });
    expect(fieldsOf(again)).toEqual(['body.answer:offer_not_open']);
  });

  it('a renewal is made, and accepting it cancels the later renewal', async () => {
    const offers = (await listing()).offers;
    const round2 = offers.find((o) => o.round === 2 && o.firstOfferId === firstId);
    const round3 = offers.find((o) => o.round === 3 && o.firstOfferId === firstId);
    if (!round2 || !round3) throw new Error('renewals missing');
    const early = await caller('coordinator').post(url(`/offers/${round2.id}/answer`), {
      version: round2.version,
      answer: 'accepted',
      answeredOn: '2025-05-12',
    });
    expect(fieldsOf(early)).toEqual(['body.answer:offer_not_open']);
    const made = await caller('coordinator').post(url(`/offers/${round2.id}/make`), {
      version: round2.version,
      offeredOn: '2025-05-11',
    });
    expect(made.statusCode).toBe(200);
    const accepted = await caller('coordinator').post(url(`/offers/${round2.id}/answer`), {
      version: (made.json() as { version: number }).version,
      answer: 'accepted',
      answeredOn: '2025-05-12',
    });
    expect(accepted.statusCode).toBe(200);
    expect((accepted.json() as { cancelledOfferIds: string[] }).cancelledOfferIds).toEqual([
      round3.id,
    ]);
    const after = (await listing()).offers.filter((o) => o.firstOfferId === firstId);
    expect(after.map((o) => [o.round, o.status])).toEqual([
      [2, 'accepted'],
      [3, 'cancelled'],
    ]);
    const kinds = await t.database.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', theCase.id)
      .where('kind', 'in', ['offer_made', 'offer_answered'])
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual([
      'offer_made',
      'offer_answered',
      'offer_made',
      'offer_answered',
    ]);
  });

  it('the job warns the coordinators once when a renewal falls due (controllable clock)', async () => {
    const jobCase = await newCase([{ id: citizen.id }]);
    const first = await caller('coordinator').post(url('/offers', jobCase.id), {
      personId: citizen.id,
      kind: 'parent_coach',
      offeredOn: '2025-03-20',
    });
    const firstOffer = (first.json() as { id: string }).id;
    await caller('coordinator').post(url(`/offers/${firstOffer}/answer`, jobCase.id), {
      version: 1,
      answer: 'declined',
      answeredOn: '2025-04-01',
    });
    // A closed case is never warned about.
    const closedCase = await newCase([{ id: sister.id }]);
    const closedFirst = await caller('coordinator').post(url('/offers', closedCase.id), {
      personId: sister.id,
      kind: 'mentor',
      offeredOn: '2025-03-20',
    });
    await caller('coordinator').post(
      url(`/offers/${(closedFirst.json() as { id: string }).id}/answer`, closedCase.id),
      { version: 1, answer: 'declined', answeredOn: '2025-04-01' },
    );
    await t.database.db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', closedCase.id)
      .execute();
    // Other cases' renewals of this file are answered or cancelled, except the ones above.
    const notifications = async () =>
      t.database.db
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'case_id', 'details'])
        .where('kind', '=', 'offer_renewal_due')
        .execute();

    // 30 June 23:59 in Denmark: not yet due (round 2 is due 1 July).
    expect(await runOfferJob(t.database.db, new Date('2025-06-30T21:59:00Z'))).toBe(0);
    expect(await notifications()).toEqual([]);
    // 1 July 00:30 in Denmark (still 30 June in UTC): due.
    expect(await runOfferJob(t.database.db, new Date('2025-06-30T22:30:00Z'))).toBe(1);
    const round2 = await t.database.db
      .selectFrom('case_offers')
      .select(['id', 'notified_at', 'status'])
      .where('first_offer_id', '=', firstOffer)
      .where('round', '=', 2)
      .executeTakeFirstOrThrow();
    expect(round2.notified_at).not.toBeNull();
    expect(round2.status).toBe('scheduled');
    expect(await notifications()).toEqual([
      {
        user_id: coordinator.id,
        kind: 'offer_renewal_due',
        case_id: jobCase.id,
        details: { offerId: round2.id },
      },
    ]);
    expect(await runOfferJob(t.database.db, new Date('2025-07-02T08:00:00Z'))).toBe(0);
    // Round 3 on 1 October, once.
    expect(await runOfferJob(t.database.db, new Date('2025-10-01T08:00:00Z'))).toBe(1);
    expect(await runOfferJob(t.database.db, new Date('2025-10-05T08:00:00Z'))).toBe(0);
    expect(await notifications()).toHaveLength(2);
  });

  it('adds months to a date, ending on the last day of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 3)).toBe('2024-05-29');
  });
});

describe(`who may see and do what (${testEngine})`, () => {
  it('non-members get 404 for reads and writes, as for a missing case', async () => {
    expect((await caller('outsider').get(url('/interventions'))).statusCode).toBe(404);
    const write = await caller('outsider').post(url('/offers'), {
      personId: citizen.id,
      kind: 'mentor',
      offeredOn: '2025-02-01',
    });
    expect(write.statusCode).toBe(404);
    expect((await caller('mentor2').get(url('/interventions'))).statusCode).toBe(200);
  });

  it('a member with the whole case reads everything, audited for every person of the case', async () => {
    const res = await caller('caseworker').get(url('/interventions'));
    const data = res.json() as Listing;
    expect(data.interventions.length).toBeGreaterThanOrEqual(3);
    expect(data.consents.length).toBeGreaterThanOrEqual(2);
    expect(data.catalogue.map((c) => c.id)).toEqual(
      expect.arrayContaining([types.s12b, types.mentor]),
    );
    expect(data.catalogue.map((c) => c.id)).not.toContain(types.inactive);
    expect(data.providers.map((p) => p.id)).toEqual(
      expect.arrayContaining([mentor.id, caseworker.id, coordinator.id]),
    );
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => r.subject_person_id).sort()).toEqual([citizen.id, sister.id].sort());
    expect(audit.every((r) => r.action === 'read')).toBe(true);
  });
});
