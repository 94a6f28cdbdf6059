import type { z } from 'zod';
import {
  CreateInterventionBody,
  SessionBody,
  UpdateInterventionBody,
} from '../../../../server/modules/case-interventions/schema.ts';
// The layer's files, not its index: a values module stays free of components (node unit tests).
import { bodyForm } from '../../ui/form/bodySchema';
import { danishToday } from '../../ui/form/dates';
import { backdateBody, backdateDefaults, type BackdateValues } from '../../ui/form/backdateValues';
import type { CaseDetail } from '../cases/casesApi';
import type { CaseIntervention, InterventionForm, InterventionStatus } from './interventionsApi';
import { newId } from './shared';

/**
 * The intervention forms' values and the request bodies they become (the server's schemas in
 * server/modules/case-interventions/schema.ts). Each form is checked in the browser by turning its
 * values into the body and checking that with the server's schema (`bodyForm`), so a value is
 * named by the body's field name and the server's problems land on the same field.
 */

type CreateBody = z.input<typeof CreateInterventionBody>;
type UpdateBody = z.input<typeof UpdateInterventionBody>;

/** Who provides an intervention: a user of the municipality, an external name, or not yet known. */
export type ProviderKind = 'user' | 'external' | 'none';

/** Trimmed text, or undefined when there is none (an optional field left out of the body). */
const given = (text: string) => (text.trim() ? text : undefined);

// --- Creating an intervention -------------------------------------------------------------------

export interface CreateInterventionValues extends BackdateValues {
  /** The client-generated id: a repeated create returns the record made the first time. */
  id: string;
  interventionTypeId: string;
  personId: string;
  /** One person, or a family or group: then `participantIds` names everyone taking part. */
  form: InterventionForm;
  participantIds: string[];
  providerKind: ProviderKind;
  providerUserId: string;
  providerName: string;
  purpose: string;
  startsOn: string;
  endsOn: string;
}

/** An empty form, with a new id; the person chosen (and taking part) when the case has one. */
export function emptyIntervention(persons: CaseDetail['persons']): CreateInterventionValues {
  const only = persons.length === 1 ? (persons[0]?.id ?? '') : '';
  return {
    id: newId(),
    interventionTypeId: '',
    personId: only,
    form: 'individual',
    participantIds: only ? [only] : [],
    providerKind: 'user',
    providerUserId: '',
    providerName: '',
    purpose: '',
    startsOn: '',
    endsOn: '',
    ...backdateDefaults,
  };
}

export function toCreateBody(values: CreateInterventionValues): CreateBody {
  return {
    id: values.id,
    interventionTypeId: values.interventionTypeId,
    personId: values.personId,
    form: values.form,
    // One person: the main person alone, whatever was ticked before choosing so.
    participantIds: values.form === 'group' ? values.participantIds : undefined,
    providerUserId:
      values.providerKind === 'user' && values.providerUserId ? values.providerUserId : undefined,
    providerName: values.providerKind === 'external' ? values.providerName : undefined,
    purpose: given(values.purpose),
    startsOn: values.startsOn || undefined,
    endsOn: values.endsOn || undefined,
    // The server stores the reason only when a date lies before the case was opened.
    ...backdateBody(values),
  };
}

export const CreateInterventionFormSchema = bodyForm(toCreateBody, CreateInterventionBody);

// --- Changing the status ------------------------------------------------------------------------

/** What the status form offers: the step to take from the current status. */
export type StatusAction = 'start' | 'pause' | 'resume' | 'end' | 'cancel';

export const STATUS_ACTIONS: Record<InterventionStatus, StatusAction[]> = {
  planned: ['start', 'cancel'],
  active: ['pause', 'end'],
  paused: ['resume', 'end'],
  ended: [],
  cancelled: [],
};

const TARGET: Record<StatusAction, 'active' | 'paused' | 'ended' | 'cancelled'> = {
  start: 'active',
  pause: 'paused',
  resume: 'active',
  end: 'ended',
  cancel: 'cancelled',
};

/**
 * The status form's values. `status` holds the chosen step (the body's `status` is the status it
 * leads to), so the server's problems with the status (a missing consent) are shown at the choice.
 */
export interface StatusValues extends BackdateValues {
  status: StatusAction | null;
  startsOn: string;
  endsOn: string;
  endReason: string;
}

export function statusValues(intervention: CaseIntervention): StatusValues {
  return {
    status: null,
    startsOn: intervention.startsOn ?? '',
    endsOn: intervention.endsOn ?? '',
    endReason: '',
    ...backdateDefaults,
  };
}

/** The change without the version (added when it is sent, from the intervention as last read). */
export function toStatusChange(values: StatusValues): Omit<UpdateBody, 'version'> {
  const action = values.status;
  if (action === null) return {};
  return {
    status: TARGET[action],
    startsOn: action === 'start' ? values.startsOn || undefined : undefined,
    endsOn: action === 'end' ? values.endsOn || undefined : undefined,
    endReason: action === 'end' || action === 'cancel' ? given(values.endReason) : undefined,
    ...(action === 'start' || action === 'end' ? backdateBody(values) : {}),
  };
}

const Change = UpdateInterventionBody.omit({ version: true });

export const StatusFormSchema = bodyForm(toStatusChange, Change);

// --- Changing the provider ----------------------------------------------------------------------

export interface ProviderValues {
  providerKind: Exclude<ProviderKind, 'none'>;
  providerUserId: string;
  providerName: string;
}

export function providerValues(intervention: CaseIntervention): ProviderValues {
  return {
    providerKind: intervention.providerName ? 'external' : 'user',
    providerUserId: intervention.provider?.userId ?? '',
    providerName: intervention.providerName ?? '',
  };
}

/** A user (or none chosen), or an external name; the other one is cleared. */
export function toProviderChange(values: ProviderValues): Omit<UpdateBody, 'version'> {
  return values.providerKind === 'user'
    ? { providerUserId: values.providerUserId || null, providerName: null }
    : { providerName: values.providerName.trim() || null, providerUserId: null };
}

export const ProviderFormSchema = bodyForm(toProviderChange, Change);

// --- Changing the participants -----------------------------------------------------------------

export interface ParticipantsValues {
  form: InterventionForm;
  participantIds: string[];
}

export function participantsValues(intervention: CaseIntervention): ParticipantsValues {
  return { form: intervention.form, participantIds: intervention.participants.map((p) => p.id) };
}

/** The form and everyone taking part; for one person, the main person alone. */
export function toParticipantsChange(
  values: ParticipantsValues,
  mainPersonId: string,
): Omit<UpdateBody, 'version'> {
  return {
    form: values.form,
    participantIds: values.form === 'group' ? values.participantIds : [mainPersonId],
  };
}

export const participantsFormSchema = (mainPersonId: string) =>
  bodyForm((values: ParticipantsValues) => toParticipantsChange(values, mainPersonId), Change);

// --- A session note -----------------------------------------------------------------------------

/** The session form: the day of the meeting, the note and, for a day before the case, why. */
export interface SessionValues extends BackdateValues {
  heldOn: string;
  note: string;
}

export function toSessionBody(values: SessionValues): z.input<typeof SessionBody> {
  return { heldOn: values.heldOn, note: values.note, ...backdateBody(values) };
}

export const SessionFormSchema = bodyForm(toSessionBody, SessionBody);

export function emptySession(heldOn = danishToday()): SessionValues {
  return { heldOn, note: '', ...backdateDefaults };
}
