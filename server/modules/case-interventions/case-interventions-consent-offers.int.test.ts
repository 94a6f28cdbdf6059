import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, createPerson } from '../../test/records.ts';
import { createUser } from '../../test/users.ts';
import { runOfferJob } from './job.ts';
import { addMonths } from '../closure/dates.ts';
import {
  t,
  theCase,
  citizen,
  sister,
  coordinator,
  mentor,
  types,
  caller,
  url,
  fieldsOf,
  listing,
  interventionRow,
  eventCount,
  newCase,
  useCaseInterventionFixtures,
} from './case-interventions.fixtures.ts';

/** Consent before a § 12 b start, an intervention's status, and offers renewed after a decline. */
useCaseInterventionFixtures();

describe(`interventions in a case: consent and status (${testEngine})`, () => {
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
      witness: 'Sagsbehandleren',
      givenOn: '2025-02-01',
    });
    expect(minor.statusCode).toBe(400);
    expect(fieldsOf(minor)).toEqual(['body.givenBy:guardian_required']);

    const future = await caller('coordinator').post(url('/consents'), {
      personId: citizen.id,
      givenBy: 'guardian',
      purpose: 'Samtykke',
      method: 'oral',
      witness: 'Sagsbehandleren',
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
      'body.backdateReason:backdate_reason_required',
      'body.interventionTypeId:intervention_type_unavailable',
      'body.personId:person_not_in_case',
      'body.providerName:provider_one_of',
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
