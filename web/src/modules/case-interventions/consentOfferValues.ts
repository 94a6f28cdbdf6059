import type { z } from 'zod';
import {
  AnswerOfferBody,
  ConsentBody,
  MakeOfferBody,
  OfferBody,
  WithdrawConsentBody,
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
  purpose: string;
  method: Method | null;
  givenOn: string;
}

export function emptyConsent(persons: CaseDetail['persons']): ConsentValues {
  return {
    id: newId(),
    personId: firstPerson(persons),
    givenBy: null,
    purpose: '',
    method: null,
    givenOn: danishToday(),
  };
}

export function toConsentBody(values: ConsentValues): z.input<typeof ConsentBody> {
  return {
    id: values.id,
    personId: values.personId,
    givenBy: chosen(values.givenBy),
    purpose: values.purpose,
    method: chosen(values.method),
    givenOn: values.givenOn,
  };
}

export const ConsentFormSchema = bodyForm(toConsentBody, ConsentBody);

/** The withdrawal form holds the body itself: the day the consent was withdrawn. */
export const WithdrawFormSchema = WithdrawConsentBody;

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
