import { describe, expect, it, vi } from 'vitest';
import {
  AnswerFormSchema,
  ConsentFormSchema,
  emptyAnswer,
  emptyConsent,
  emptyOffer,
  OfferFormSchema,
  toAnswer,
  toConsentBody,
  toOfferBody,
} from './consentOfferValues';
import type { CaseIntervention } from './interventionsApi';
import {
  CreateInterventionFormSchema,
  emptyIntervention,
  providerValues,
  statusValues,
  StatusFormSchema,
  toCreateBody,
  toProviderChange,
  toStatusChange,
} from './interventionValues';

// The modules load the app's i18n, which sets the page's language.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

/**
 * The tab's form values ↔ the server's request bodies: empty optional texts are left out, a
 * choice not made is left out (so the server's schema, run in the browser, says it is required),
 * and the body's field names are the form's, so a problem lands on its field.
 */

const PERSON = '22222222-2222-4222-8222-222222222222';
const TYPE = '33333333-3333-4333-8333-333333333333';
const USER = '44444444-4444-4444-8444-444444444444';
const persons = [{ id: PERSON, name: 'Bilal', role: 'citizen' }] as never;

function paths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('intervention form values', () => {
  it('make a create body: the chosen provider only, empty texts and dates left out', () => {
    const values = {
      ...emptyIntervention(persons),
      interventionTypeId: TYPE,
      providerKind: 'external' as const,
      providerUserId: USER,
      providerName: 'Demo ApS',
      purpose: '  ',
    };
    expect(values.personId).toBe(PERSON);
    expect(toCreateBody(values)).toEqual({
      id: values.id,
      interventionTypeId: TYPE,
      personId: PERSON,
      form: 'individual',
      providerName: 'Demo ApS',
    });
    const user = { ...values, providerKind: 'user' as const, startsOn: '2026-03-01' };
    expect(toCreateBody(user)).toMatchObject({ providerUserId: USER, startsOn: '2026-03-01' });
    expect(toCreateBody(user)).not.toHaveProperty('providerName', 'Demo ApS');
  });

  it('are checked as the body, named by the form’s fields', () => {
    const result = CreateInterventionFormSchema.safeParse({
      ...emptyIntervention([]),
      providerKind: 'external',
      startsOn: '31.02.2026',
    });
    expect(paths(result)).toEqual(['interventionTypeId', 'personId', 'providerName', 'startsOn']);
  });

  it('make a status change from the chosen step', () => {
    const intervention = { startsOn: '2026-01-05', endsOn: null } as CaseIntervention;
    const values = statusValues(intervention);
    expect(values).toEqual({
      status: null,
      startsOn: '2026-01-05',
      endsOn: '',
      endReason: '',
      backdateReason: '',
      backdateNote: '',
    });
    expect(toStatusChange({ ...values, status: 'start', endReason: 'x' })).toEqual({
      status: 'active',
      startsOn: '2026-01-05',
    });
    expect(
      toStatusChange({ ...values, status: 'end', endsOn: '2026-06-01', endReason: 'Done' }),
    ).toEqual({ status: 'ended', endsOn: '2026-06-01', endReason: 'Done' });
    // A start before the case was opened carries the reason the user chose (issue 12).
    expect(
      toStatusChange({ ...values, status: 'start', backdateReason: 'moved_from_paper' }),
    ).toEqual({ status: 'active', startsOn: '2026-01-05', backdateReason: 'moved_from_paper' });
    expect(toStatusChange({ ...values, status: 'cancel', endReason: ' ' })).toEqual({
      status: 'cancelled',
    });
    expect(StatusFormSchema.parse({ ...values, status: 'pause' })).toEqual({ status: 'paused' });
  });

  it('make a provider change that clears the other kind', () => {
    const intervention = { provider: null, providerName: 'Demo ApS' } as CaseIntervention;
    const values = providerValues(intervention);
    expect(values).toEqual({
      providerKind: 'external',
      providerUserId: '',
      providerName: 'Demo ApS',
    });
    expect(toProviderChange(values)).toEqual({ providerName: 'Demo ApS', providerUserId: null });
    expect(toProviderChange({ ...values, providerKind: 'user' })).toEqual({
      providerUserId: null,
      providerName: null,
    });
  });
});

describe('consent and offer form values', () => {
  it('leave a choice not made out of the body, so it is required', () => {
    const consent = emptyConsent(persons);
    expect(toConsentBody(consent)).toEqual({
      id: consent.id,
      personId: PERSON,
      custodyHolderIds: [],
      purpose: '',
      uses: [],
      categories: [],
      organisationIds: [],
      organisationKinds: [],
      awaitingSignature: false,
      givenOn: consent.givenOn,
    });
    expect(paths(ConsentFormSchema.safeParse(consent))).toEqual([
      'givenBy',
      'purpose',
      'uses',
      'method',
    ]);
    // Explicitly open-ended is null; the witness only for an oral consent.
    const oral = { ...consent, method: 'oral' as const, witness: 'Lise', openEnded: true };
    expect(toConsentBody(oral)).toMatchObject({ witness: 'Lise', validTo: null });
    expect(toConsentBody({ ...oral, method: 'written' })).not.toHaveProperty('witness');
  });

  it('make an offer body without an empty catalogue entry or note', () => {
    const offer = { ...emptyOffer(persons), kind: 'parent_coach' as const, note: ' ' };
    expect(toOfferBody(offer)).toEqual({
      id: offer.id,
      personId: PERSON,
      kind: 'parent_coach',
      offeredOn: offer.offeredOn,
    });
    expect(OfferFormSchema.safeParse(offer).success).toBe(true);
    expect(toOfferBody({ ...offer, interventionTypeId: TYPE, note: 'Ved besøget' })).toMatchObject({
      interventionTypeId: TYPE,
      note: 'Ved besøget',
    });
  });

  it('make an answer, the version added when it is sent', () => {
    const answer = { ...emptyAnswer(), answer: 'declined' as const, answeredOn: '2026-02-01' };
    expect(toAnswer(answer)).toEqual({ answer: 'declined', answeredOn: '2026-02-01' });
    expect(paths(AnswerFormSchema.safeParse(emptyAnswer()))).toEqual(['answer']);
  });
});
