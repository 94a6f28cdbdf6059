import type { z } from 'zod';
import {
  AnswerOfferBody,
  ConsentBody,
  MakeOfferBody,
  OfferBody,
  WithdrawConsentBody,
  ConsentSignedBody,
} from '../../../../server/modules/case-interventions/schema.ts';
// The layer's files, not its index: a values module stays free of components (node unit tests).
import { bodyForm } from '../../ui/form/bodySchema';
import { danishToday } from '../../ui/form/dates';
import type { CaseDetail } from '../cases/casesApi';
import type { OfferKind } from './interventionsApi';
import { chosen, newId } from './shared';

/**
 * The consent and offer forms' values and the request bodies they become (the server's schemas
 * in server/modules/case-interventions/schema.ts), named as the body names them. A choice not yet
 * made is null in the form and left out of the body, so the schema says it is required.
 */

type GivenBy = z.output<typeof ConsentBody>['givenBy'];
type Method = z.output<typeof ConsentBody>['method'];
type Use = z.output<typeof ConsentBody>['uses'][number];
type Category = z.output<typeof ConsentBody>['categories'][number];
type Kind = z.output<typeof ConsentBody>['organisationKinds'][number];
type Answer = z.output<typeof AnswerOfferBody>['answer'];

const firstPerson = (persons: CaseDetail['persons']) =>
  persons.length === 1 ? (persons[0]?.id ?? '') : '';

/** Trimmed text, or undefined when there is none (an optional field left out of the body). */
const given = (text: string) => (text.trim() ? text : undefined);

// --- Consents -----------------------------------------------------------------------------------

export interface ConsentValues {
  /** The client-generated id: a repeated create returns the record made the first time. */
  id: string;
  personId: string;
  givenBy: GivenBy | null;
  /** The custody holders who give a child's consent. */
  custodyHolderIds: string[];
  purpose: string;
  uses: Use[];
  categories: Category[];
  organisationIds: string[];
  organisationKinds: Kind[];
  method: Method | null;
  witness: string;
  /** A written consent whose printed form has not come back signed yet. */
  awaitingSignature: boolean;
  givenOn: string;
  validFrom: string;
  validTo: string;
  /** Explicitly valid until withdrawn (no valid-to date). */
  openEnded: boolean;
}

export function emptyConsent(persons: CaseDetail['persons']): ConsentValues {
  return {
    id: newId(),
    personId: firstPerson(persons),
    givenBy: null,
    custodyHolderIds: [],
    purpose: '',
    uses: [],
    categories: [],
    organisationIds: [],
    organisationKinds: [],
    method: null,
    witness: '',
    awaitingSignature: false,
    givenOn: danishToday(),
    validFrom: '',
    validTo: '',
    openEnded: false,
  };
}

/**
 * The body: custody holders only when they give it, the witness only for an oral consent, the
 * signature awaited only for a written one; valid-to is a date, explicitly open-ended (null), or
 * left out (which a sharing consent may not: the server says so on the field).
 */
export function toConsentBody(values: ConsentValues): z.input<typeof ConsentBody> {
  return {
    id: values.id,
    personId: values.personId,
    givenBy: chosen(values.givenBy),
    custodyHolderIds: values.givenBy === 'guardian' ? values.custodyHolderIds : [],
    purpose: values.purpose,
    uses: values.uses,
    categories: values.categories,
    organisationIds: values.organisationIds,
    organisationKinds: values.organisationKinds,
    method: chosen(values.method),
    ...(values.method === 'oral' && { witness: given(values.witness) }),
    awaitingSignature: values.method === 'written' && values.awaitingSignature,
    givenOn: values.givenOn,
    validFrom: given(values.validFrom),
    validTo: values.openEnded ? null : given(values.validTo),
  };
}

export const ConsentFormSchema = bodyForm(toConsentBody, ConsentBody);

/** The withdrawal form holds the body itself: the day the consent was withdrawn. */
export const WithdrawFormSchema = WithdrawConsentBody;

/** The "came back signed" form holds the body itself: the version and the day it was signed. */
export const SignedFormSchema = ConsentSignedBody;

// --- Offers -------------------------------------------------------------------------------------

export interface OfferValues {
  id: string;
  personId: string;
  kind: OfferKind | null;
  /** '' for no particular intervention of the catalogue. */
  interventionTypeId: string;
  offeredOn: string;
  note: string;
}

export function emptyOffer(persons: CaseDetail['persons']): OfferValues {
  return {
    id: newId(),
    personId: firstPerson(persons),
    kind: null,
    interventionTypeId: '',
    offeredOn: danishToday(),
    note: '',
  };
}

export function toOfferBody(values: OfferValues): z.input<typeof OfferBody> {
  return {
    id: values.id,
    personId: values.personId,
    kind: chosen(values.kind),
    interventionTypeId: values.interventionTypeId || undefined,
    offeredOn: values.offeredOn,
    note: given(values.note),
  };
}

export const OfferFormSchema = bodyForm(toOfferBody, OfferBody);

export interface AnswerValues {
  answer: Answer | null;
  answeredOn: string;
  note: string;
}

export function emptyAnswer(): AnswerValues {
  return { answer: null, answeredOn: danishToday(), note: '' };
}

/** The answer without the version (added when it is sent, from the offer as last read). */
export function toAnswer(values: AnswerValues): Omit<z.input<typeof AnswerOfferBody>, 'version'> {
  return {
    answer: chosen(values.answer),
    answeredOn: values.answeredOn,
    note: given(values.note),
  };
}

export const AnswerFormSchema = bodyForm(toAnswer, AnswerOfferBody.omit({ version: true }));

/** A renewed offer made: the form holds the day (the version is the offer's). */
export const MakeFormSchema = MakeOfferBody.omit({ version: true });
