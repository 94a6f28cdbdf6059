import type { Seriousness } from '../../../shared/values.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { inquiryIsOpen, requireInquiryAbility } from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { rejectProblems } from '../persons/service.ts';
import { claimVersion, recordChange } from './change.ts';
import { deadlineAfter } from './deadline.ts';
import {
  findInquiryForChange,
  findSigns,
  forumInMunicipality,
  replaceSigns,
  updateInquiryRow,
  type InquiryRowForChange,
  type InquiryUpdate,
} from './queries.ts';
import { checkReceivedAt, checkSigns, clockStart, isBackdatedReceipt, isUrgent } from './rules.ts';
import { checkBackdate, storedBackdate, type Backdate } from '../../platform/backdating.ts';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import type { UpdateInquiry } from './schema.ts';
import { getSettings } from './settings.ts';

/**
 * Editing an inquiry while it is assessed: the facts, the concern and the handling forum. Takes
 * the request context and the clock (`now`, for "received may not be in the future").
 */
type Scalar = string | number | boolean | null;
type Changes = Record<string, { from: Scalar; to: Scalar }>;
type Columns = Record<string, Scalar | Date>;

const EDITABLE = {
  source: 'source',
  sourceOther: 'source_other',
  channel: 'channel',
  receivedAt: 'received_at',
  observation: 'observation',
  subjectKind: 'subject_kind',
  groupDescription: 'group_description',
  immediateDanger: 'immediate_danger',
  forumId: 'forum_id',
} as const;

const NO_CHANGE = new Error('no change');

/** The plain fields and the reporter: each changed one from → to, and the columns to set. */
function fieldChanges(before: InquiryRowForChange, body: UpdateInquiry): [Changes, Columns] {
  const changes: Changes = {};
  const set: Columns = {};
  for (const [field, column] of Object.entries(EDITABLE)) {
    const value = body[field as keyof typeof EDITABLE];
    if (value === undefined) continue;
    const old = before[column];
    const oldScalar = old instanceof Date ? old.toISOString() : old;
    const next = field === 'receivedAt' ? new Date(value as string).toISOString() : value;
    if (oldScalar !== next) {
      changes[field] = { from: oldScalar, to: next };
      set[column] = field === 'receivedAt' ? new Date(value as string) : value;
    }
  }
  if (body.reporter) {
    const r = body.reporter;
    const next = {
      reporter_anonymous: r.anonymous,
      reporter_name: r.anonymous ? null : r.name,
      reporter_contact: r.anonymous ? null : r.contact,
    };
    for (const [column, value] of Object.entries(next)) {
      if (before[column as keyof typeof before] !== value) {
        changes[column] = { from: before[column as keyof typeof before] as Scalar, to: value };
        set[column] = value;
      }
    }
  }
  return [changes, set];
}

/**
 * The back-dating of a corrected receipt time, measured from when the inquiry was registered: a
 * reason given now, else the one it has; refused without one (`backdate_reason_required`).
 */
function receiptBackdate(before: InquiryRowForChange, receivedAt: Date, body: UpdateInquiry) {
  const backdated = isBackdatedReceipt(receivedAt, before.created_at);
  const given: Backdate = body.backdateReason
    ? body
    : {
        backdateReason: BackdateReasonSchema.nullable().parse(before.backdate_reason),
        backdateNote: before.backdate_note,
      };
  const problems: FieldProblem[] = [];
  checkBackdate(backdated, given, problems);
  rejectProblems(problems);
  return storedBackdate(backdated, given);
}

const signList = (signs: { code: string; note: string | null }[]) =>
  signs
    .map((s) => `${s.code}${s.note ? `: ${s.note}` : ''}`)
    .sort()
    .join(', ');

/**
 * Edits an inquiry (not once decided) with optimistic locking; the chronology records each
 * changed field from → to. Changing the signs or the danger flag re-decides "urgent"; a
 * corrected receipt time moves the deadline. Only a coordinator changes the handling forum.
 */
export async function updateInquiry(
  ctx: RequestContext,
  access: InquiryAccess,
  body: UpdateInquiry,
  now: Date,
): Promise<void> {
  if (!inquiryIsOpen(access.status)) throw new AppError('inquiry_decided');
  requireInquiryAbility(access, 'edit');
  const problems: FieldProblem[] = [];
  if (body.receivedAt) checkReceivedAt(body.receivedAt, now, problems);
  if (body.signs) checkSigns(body.signs, problems);
  if (body.forumId && !(await forumInMunicipality(ctx.db, body.forumId, access.municipalityCode))) {
    problems.push({ field: 'body.forumId', code: 'invalid_value' });
  }
  rejectProblems(problems);

  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await claimVersion(trx, access, body.version);
      const before = await findInquiryForChange(trx, access);
      const [changes, set] = fieldChanges(before, body);
      let signs = await findSigns(trx, access);
      if (body.signs) {
        const from = signList(signs);
        const to = signList(body.signs);
        if (from !== to) {
          changes.signs = { from, to };
          await replaceSigns(trx, access, body.signs);
          signs = body.signs;
        }
      }
      const urgent = isUrgent(
        signs,
        (set.immediate_danger as boolean | undefined) ?? before.immediate_danger,
      );
      if (urgent !== before.urgent) {
        changes.urgent = { from: before.urgent, to: urgent };
        set.urgent = urgent;
      }
      // The deadline counts from when the inquiry was received (from its registration when it
      // is back-dated, with a reason): a corrected time moves it.
      if (set.received_at instanceof Date) {
        const backdate = receiptBackdate(before, set.received_at, body);
        if (before.backdate_reason !== backdate.backdate_reason) {
          changes.backdateReason = { from: before.backdate_reason, to: backdate.backdate_reason };
        }
        Object.assign(set, backdate);
        const settings = await getSettings(trx, access.municipalityCode);
        const hours = before.seriousness
          ? settings.deadlineHours[before.seriousness as Seriousness]
          : Math.min(...Object.values(settings.deadlineHours));
        const start = clockStart(set.received_at, before.created_at, backdate.backdate_reason);
        const deadline = deadlineAfter(start, hours);
        changes.deadlineAt = { from: before.deadline_at.toISOString(), to: deadline.toISOString() };
        set.deadline_at = deadline;
        set.reminder_sent_at = null;
        set.overdue_notified_at = null;
      }
      // Which forum handles the inquiry is the coordinator's call.
      if (changes.forumId) requireInquiryAbility(access, 'assignForum');
      // Nothing changed: roll back the version bump, and write no history.
      if (Object.keys(changes).length === 0) throw NO_CHANGE;
      if (Object.keys(set).length > 0) {
        await updateInquiryRow(trx, access, set as InquiryUpdate);
      }
      await recordChange(trx, ctx, access, {
        kind: 'updated',
        changes,
        audit: { action: 'update', details: { fields: Object.keys(changes).join(',') } },
      });
    })
    .catch((error: unknown) => {
      if (error === NO_CHANGE) return false;
      throw error;
    });
}
