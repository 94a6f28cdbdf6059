import { z } from 'zod';
import { BackdateReasonSchema, type BackdateReason } from '../../shared/values.ts';
import type { FieldProblem } from './errors.ts';

/**
 * Back-dated events (issue 12, docs/CASE_WORK.md "Recording history"): a date before the inquiry
 * or the case was registered is accepted when the user says why. These are the request fields
 * every such form shares, the check and the values stored with the record.
 */

/** The request fields of a back-dated event: the reason, and a text when the reason is "other". */
export const backdateFields = {
  backdateReason: BackdateReasonSchema.nullable().optional(),
  backdateNote: z.string().trim().max(500).nullable().optional(),
};

export interface Backdate {
  backdateReason?: BackdateReason | null;
  backdateNote?: string | null;
}

/** The values stored with a record: both null unless the record is back-dated. */
export interface StoredBackdate {
  backdate_reason: BackdateReason | null;
  backdate_note: string | null;
}

/**
 * The problems of a record whose date may lie before its registration: a date before the
 * earliest possible one (the concern was received) is refused; one before the registration
 * needs a reason; the reason "other" needs its text. Field names are prefixed with `body.`.
 */
export function checkBackdate(backdated: boolean, body: Backdate, problems: FieldProblem[]): void {
  if (!backdated) return;
  if (!body.backdateReason) {
    problems.push({ field: 'body.backdateReason', code: 'backdate_reason_required' });
  } else if (body.backdateReason === 'other' && !body.backdateNote) {
    problems.push({ field: 'body.backdateNote', code: 'backdate_note_required' });
  }
}

/** What is stored: the reason (and its text) only when the record is back-dated. */
export function storedBackdate(backdated: boolean, body: Backdate): StoredBackdate {
  if (!backdated || !body.backdateReason) return { backdate_reason: null, backdate_note: null };
  return {
    backdate_reason: body.backdateReason,
    backdate_note: body.backdateReason === 'other' ? (body.backdateNote ?? null) : null,
  };
}
