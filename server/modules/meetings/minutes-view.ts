import type { Kysely, Transaction } from 'kysely';
import { ForumKindSchema, forumKindHoldsMeetings } from '../../../shared/meetings.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  mayApproveMinutes,
  mayWriteMinutes,
  requireMeeting,
  type MeetingAccess,
} from '../../access/meeting-access.ts';
import { itemAccesses, type ItemAccess } from '../../access/minutes-access.ts';
import { getSettings } from '../inquiries/settings.ts';
import { allowedDecisions } from './minutes-decisions.ts';
import { auditItemViews } from './minutes-audit.ts';
import { itemTarget } from './minutes-targets.ts';
import {
  agendaItems,
  attendanceOf,
  meetingHeading,
  minutesItems,
  minutesVersions,
  type MeetingKey,
  type MinutesRow,
} from './queries-minutes.ts';
import { meetingTasks } from './queries-minutes-tasks.ts';
import { organisationModel } from './queries.ts';
import type {
  MinutesActionKind,
  MinutesItem,
  MinutesVersion,
  MinutesView,
} from './minutes-schema.ts';

/**
 * A meeting's minutes as the caller may see them (issue 14 part 5): the items of the records they
 * may see (a guest: only their item), the tasks about those records or about no record, the
 * attendance; every record item shown is audited with the meeting as the purpose, in the same
 * transaction. Used by the page and the PDF.
 */

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

/** A version as shown; a guest does not see why it was corrected (it may concern other items). */
function presentVersion(row: MinutesRow, guest: boolean): MinutesVersion {
  return {
    id: row.id,
    versionNo: row.version_no,
    status: row.status === 'approved' ? 'approved' : 'draft',
    correctionReason: guest ? null : row.correction_reason,
    approvedAt: iso(row.approved_at),
    approvedBy: row.approved_by_name,
    noPersonalDataConfirmedAt: iso(row.no_personal_data_confirmed_at),
    noPersonalDataConfirmedBy: row.confirmed_by_name,
    version: row.version,
  };
}

export const meetingKey = (meeting: MeetingAccess): MeetingKey => ({
  meetingId: meeting.meetingId,
  municipalityCode: meeting.municipalityCode,
});

/** The meeting's forum kind is held in the municipality's organisation model. */
export async function meetingHeldInModel(db: Kysely<DB>, meeting: MeetingAccess): Promise<boolean> {
  const model = await organisationModel(db, meeting.municipalityCode);
  return forumKindHoldsMeetings(ForumKindSchema.parse(meeting.forumKind), model);
}

/** The visible part of the minutes, in `trx`; audits the record items it shows. */
export async function loadMinutes(
  trx: Transaction<DB>,
  ctx: RequestContext,
  meeting: MeetingAccess,
  versionNo: number | undefined,
  what: 'minutes' | 'minutes_pdf',
): Promise<MinutesView> {
  const key = meetingKey(meeting);
  const heading = await meetingHeading(trx, key);
  if (!heading) throw new AppError('not_found');
  const versions = await minutesVersions(trx, key);
  const latest = versions[0];
  const shown = versionNo === undefined ? latest : versions.find((v) => v.version_no === versionNo);
  if (versionNo !== undefined && !shown) throw new AppError('not_found');
  const isLatestDraft = shown !== undefined && shown === latest && shown.status === 'draft';

  const agenda = await agendaItems(trx, key);
  const accesses = await itemAccesses(trx, ctx.user, meeting, agenda);
  const rows = new Map(
    (shown ? await minutesItems(trx, key, shown.id) : []).map((r) => [r.agenda_item_id, r]),
  );
  const writer = mayWriteMinutes(meeting);
  // As the server enforces it (minutes-service.ts): not on a cancelled meeting or one whose forum
  // kind the organisation model does not hold; decisions only once the meeting has begun.
  const open = heading.status !== 'cancelled' && (await meetingHeldInModel(trx, meeting));
  const writes = writer && open;
  const started = new Date(heading.starts_at) <= new Date();
  const steeringApprovesPlans =
    (await getSettings(trx, meeting.municipalityCode)).planApproval === 'steering_group';
  const visible = agenda.filter((a) => accesses.has(a.id));
  const items: MinutesItem[] = [];
  for (const a of visible) {
    const access = accesses.get(a.id) as ItemAccess;
    const row = rows.get(a.id);
    // A note on a case item may be about the concern itself: only with the case's compartment.
    const textHidden = access.kind === 'case' && !access.access.compartment;
    const actions: MinutesActionKind[] =
      writes && started && isLatestDraft && !row?.action_kind
        ? allowedDecisions(heading.forum_kind, a.kind, access, steeringApprovesPlans)
        : [];
    const offersTarget = ['review', 'plan_approved', 'closure_approved'].some((k) =>
      actions.includes(k as MinutesActionKind),
    );
    items.push({
      agendaItemId: a.id,
      position: a.position,
      kind: a.kind,
      title: a.title,
      caseId: a.case_id,
      caseReference: a.case_reference,
      inquiryId: a.inquiry_id,
      inquiryReference: a.inquiry_reference,
      dueOn: a.due_on,
      assessed: textHidden ? null : (row?.assessed ?? null),
      decision: textHidden ? null : (row?.decision ?? null),
      textHidden,
      action:
        row?.action_kind && row.action_resource_id && row.acted_at
          ? {
              kind: row.action_kind as MinutesActionKind,
              resourceId: row.action_resource_id,
              actedAt: new Date(row.acted_at).toISOString(),
            }
          : null,
      actions,
      target: offersTarget ? await itemTarget(trx, a.kind, access, actions) : null,
      recordVersion: access.kind === 'inquiry' ? access.access.version : null,
    });
  }
  await auditItemViews(
    trx,
    ctx,
    meeting.meetingId,
    visible.flatMap((a) => {
      const access = accesses.get(a.id);
      return access && access.kind !== 'topic' ? [{ itemId: a.id, access }] : [];
    }),
    what,
  );

  const seenItems = new Set(visible.map((a) => a.id));
  // A task on a case item whose text the caller may not see keeps its words hidden as well.
  const hiddenItems = new Set(
    visible.filter((a) => items.find((i) => i.agendaItemId === a.id)?.textHidden).map((a) => a.id),
  );
  const guestOnly = meeting.onlyItemIds !== null;
  const taskRows = await meetingTasks(trx, key);
  const tasks = taskRows
    .filter((t) => (t.agenda_item_id === null ? !guestOnly : seenItems.has(t.agenda_item_id)))
    .map((t) => ({
      id: t.id,
      description:
        t.agenda_item_id !== null && hiddenItems.has(t.agenda_item_id) ? null : t.description,
      responsible: { id: t.responsible_user_id, name: t.responsible_name },
      dueOn: t.due_on,
      agendaItemId: t.agenda_item_id,
      caseId: t.case_id,
      caseReference: t.case_reference,
      inquiryId: t.inquiry_id,
      inquiryReference: t.inquiry_reference,
      done: t.done_at !== null,
      doneAt: iso(t.done_at),
      version: t.version,
      mayMarkDone: t.done_at === null && (writer || t.responsible_user_id === ctx.user.id),
    }));

  const present = await attendanceOf(trx, key, shown);
  const ofMyItems = (itemId: string | null) =>
    !guestOnly || itemId === null || seenItems.has(itemId);
  const hasChair = heading.chair_user_id !== null;
  return {
    meeting: {
      id: heading.id,
      forumName: heading.forum_name,
      forumKind: heading.forum_kind,
      meetingType: heading.meeting_type,
      startsAt: new Date(heading.starts_at).toISOString(),
      endsAt: new Date(heading.ends_at).toISOString(),
      place: heading.place,
      status: heading.status,
    },
    minutes: shown ? presentVersion(shown, guestOnly) : null,
    versions: versions.map((v) => presentVersion(v, guestOnly)),
    items,
    attendance: {
      participants: present.participants
        .filter((p) => ofMyItems(p.agenda_item_id))
        .map((p) => ({
          userId: p.user_id,
          name: p.display_name,
          kind: p.kind === 'guest' ? ('guest' as const) : ('member' as const),
          attended: p.attended,
        })),
      guests: present.guests
        .filter((g) => ofMyItems(g.agenda_item_id))
        .map((g) => ({
          id: g.id,
          name: g.name,
          organisation: g.organisation,
          attended: g.attended,
        })),
    },
    tasks,
    abilities: {
      start: writes && latest === undefined,
      write: writes && isLatestDraft,
      approve: open && mayApproveMinutes(meeting, hasChair) && isLatestDraft,
      newVersion:
        writes && latest !== undefined && shown === latest && latest.status === 'approved',
      confirmNoPersonalData: heading.forum_kind === 'infohus_network',
    },
  };
}

/** The minutes for the page: the meeting (404 when the caller may not see it), then the view. */
export async function readMinutes(
  ctx: RequestContext,
  meetingId: string,
  versionNo: number | undefined,
): Promise<MinutesView> {
  const meeting = await requireMeeting(ctx.db, ctx.user, meetingId);
  return ctx.db
    .transaction()
    .execute((trx) => loadMinutes(trx, ctx, meeting, versionNo, 'minutes'));
}
