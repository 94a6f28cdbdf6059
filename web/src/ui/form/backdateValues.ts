import { z } from 'zod';
import { BackdateReasonSchema, type BackdateReason } from '../../../../shared/values.ts';

/**
 * The values of the back-dating field group (`BackdateFields`) every form with a date that may
 * lie before the case or inquiry was registered shares (issue 12): the reason ('' until chosen)
 * and its text. A form extends its schema with `BackdateFieldsShape`, starts from
 * `backdateDefaults` and adds `backdateBody(values, backdated)` to the request body; the server
 * decides whether a reason is needed and says so on `backdateReason`.
 */
export const BackdateFieldsShape = {
  backdateReason: BackdateReasonSchema.or(z.literal('')),
  backdateNote: z.string().trim().max(500),
};

export interface BackdateValues {
  backdateReason: BackdateReason | '';
  backdateNote: string;
}

export const backdateDefaults: BackdateValues = { backdateReason: '', backdateNote: '' };

/** The Danish calendar day of a date-time from the API (`openedAt`, `createdAt`), ISO. */
export function dayOf(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
}

/** Before the registration day (ISO dates compare as text). */
export function isBackdated(date: string | null | undefined, registeredOn: string): boolean {
  return !!date && date < registeredOn;
}

/**
 * The reason (and its text, for "other") in the request once chosen, unless the form knows the
 * date is not back-dated; the server keeps a reason only for a date before the registration.
 */
export function backdateBody(
  values: BackdateValues,
  backdated = true,
): { backdateReason?: BackdateReason; backdateNote?: string } {
  if (!backdated || values.backdateReason === '') return {};
  const note = values.backdateNote.trim();
  return {
    backdateReason: values.backdateReason,
    ...(values.backdateReason === 'other' && note && { backdateNote: note }),
  };
}
