import type { Transaction } from 'kysely';
import {
  CASE_ITEM_KINDS,
  kindsAllowedIn,
  topicsMustBeAnonymous,
  type AgendaItemKind,
} from '../../../shared/agenda.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import { findCaseAccesses } from '../../access/case-abilities.ts';
import {
  mayManageMeeting,
  requireMeeting,
  requireNoMinutes,
  type MeetingAccess,
  requireMeetingRight,
} from '../../access/meeting-access.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion, type FieldProblem } from '../../platform/errors.ts';
import type { AddAgendaItem, Agenda } from './agenda-schema.ts';
import { templateTopics } from './agenda-templates.ts';
import { readAgenda } from './agenda-view.ts';
import * as q from './queries-agenda.ts';

/**
 * Changing a meeting's agenda (issue 14 parts 3 and 6): adding a proposed item, a case item or a
 * free topic, removing, moving, and applying a playbook template. Only the meeting's chair or a
 * forum manager changes it (else 403; a meeting the caller may not see is 404), only while the
 * meeting is planned and has no minutes (else 409 `meeting_has_minutes`). Every change is based on the meeting's version (optimistic locking: a stale
 * one answers 409 with the current version) and moves it on; an add names its item's id, so a
 * repeated request answers the same agenda without a second item. A record item needs a record
 * the caller may see (else 400 `record_not_found` on the field, as for one that does not exist);
 * the Infohus network and the steering group hold no text naming a citizen or a record. Each
 * change writes its audit entry (ids and codes only) in the same transaction, and answers the
 * agenda as the caller may see it (its reads audited too).
 */

type Change = Pick<AuditEvent, 'details'>;

async function changeAgenda(
  ctx: RequestContext,
  meetingId: string,
  meetingVersion: number,
  change: (trx: Transaction<DB>, access: MeetingAccess) => Promise<Change | null>,
  options: { alreadyDone?: (trx: Transaction<DB>, access: MeetingAccess) => Promise<boolean> } = {},
): Promise<Agenda> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await requireMeeting(trx, ctx.user, meetingId);
    requireMeetingRight(mayManageMeeting(access));
    const code = access.municipalityCode;
    const events: AuditEvent[] = [];
    if (!(options.alreadyDone && (await options.alreadyDone(trx, access)))) {
      // Minutes record the agenda: an item's minutes, decisions and tasks would go with it.
      requireNoMinutes(access);
      if (access.status !== 'planned') {
        throw new AppError('conflict', { meta: { status: access.status } });
      }
      if (!(await q.bumpMeetingVersion(trx, code, meetingId, meetingVersion))) {
        throw staleVersion(await q.meetingVersion(trx, code, meetingId));
      }
      const entry = await change(trx, access);
      if (entry) {
        events.push({
          municipalityCode: code,
          actorUserId: ctx.user.id,
          actorRole: ctx.user.roles[0] ?? null,
          actorUnitId: ctx.user.unitIds[0] ?? null,
          requestId: ctx.requestId,
          action: 'update',
          resourceType: 'meeting',
          resourceId: meetingId,
          ...entry,
        });
      }
    }
    const now = await requireMeeting(trx, ctx.user, meetingId);
    const { agenda, events: reads } = await readAgenda(trx, ctx, now);
    await writeAudit(trx, ctx.keys.audit, [...events, ...reads]);
    return agenda;
  });
}

const refuse = (fields: FieldProblem[]) => new AppError('validation_failed', { fields });

/** The problems of a topic's text in a forum that must not name a citizen or a record. */
function anonymityProblems(forumKind: string, body: { title?: string; description?: string }) {
  if (!topicsMustBeAnonymous(forumKind)) return [];
  return (['title', 'description'] as const).flatMap((field) => {
    const found = body[field] ? personalReferenceIn(body[field]) : null;
    return found ? [{ field: `body.${field}`, code: `network_${found}` }] : [];
  });
}

/** The shape of an item: the record field its kind needs and no other, a title for a topic. */
function shapeProblems(body: AddAgendaItem, forumKind: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!kindsAllowedIn(forumKind).includes(body.kind)) {
    problems.push({ field: 'body.kind', code: `kind_not_in_${forumKind}` });
    return problems;
  }
  const isCase = (CASE_ITEM_KINDS as readonly AgendaItemKind[]).includes(body.kind);
  if (isCase && !body.caseId) problems.push({ field: 'body.caseId', code: 'required' });
  if (!isCase && body.caseId) problems.push({ field: 'body.caseId', code: 'not_allowed' });
  if (body.kind === 'inquiry' && !body.inquiryId) {
    problems.push({ field: 'body.inquiryId', code: 'required' });
  }
  if (body.kind !== 'inquiry' && body.inquiryId) {
    problems.push({ field: 'body.inquiryId', code: 'not_allowed' });
  }
  if ((body.kind === 'topic' || body.kind === 'numbers') && !body.title) {
    problems.push({ field: 'body.title', code: 'required' });
  }
  return [...problems, ...anonymityProblems(forumKind, body)];
}

export async function addItem(
  ctx: RequestContext,
  meetingId: string,
  body: AddAgendaItem,
): Promise<Agenda> {
  return changeAgenda(
    ctx,
    meetingId,
    body.meetingVersion,
    async (trx, access) => {
      const code = access.municipalityCode;
      const problems = shapeProblems(body, access.forumKind);
      if (problems.length > 0) throw refuse(problems);
      if (body.caseId) {
        const cases = await findCaseAccesses(trx, ctx.user, [body.caseId]);
        if (cases.get(body.caseId)?.municipalityCode !== code) {
          throw refuse([{ field: 'body.caseId', code: 'record_not_found' }]);
        }
      }
      if (body.inquiryId) {
        const seen = await q.visibleInquiryIds(trx, ctx.user, [body.inquiryId]);
        const mine = seen.has(body.inquiryId) && (await q.inquiryIn(trx, code, body.inquiryId));
        if (!mine) throw refuse([{ field: 'body.inquiryId', code: 'record_not_found' }]);
      }
      const caseId = body.caseId ?? null;
      const inquiryId = body.inquiryId ?? null;
      if (await q.sameItemOnAgenda(trx, code, meetingId, body.kind, caseId, inquiryId)) {
        throw new AppError('duplicate', {
          fields: [{ field: 'body.kind', code: 'already_on_agenda' }],
        });
      }
      const order = await q.itemOrder(trx, code, meetingId);
      await q.insertItems(trx, [
        {
          id: body.id,
          municipality_code: code,
          meeting_id: meetingId,
          position: order.length + 1,
          kind: body.kind,
          case_id: caseId,
          inquiry_id: inquiryId,
          title: body.title ?? null,
          description: body.description ?? null,
          due_on: body.dueOn ?? null,
          source: body.proposed ? 'proposed' : 'added',
          created_by: ctx.user.id,
        },
      ]);
      return {
        details: { change: 'agenda_item_added', agendaItemId: body.id, kind: body.kind },
      };
    },
    {
      // The same id again: done already (an id used in another meeting is refused).
      alreadyDone: async (trx, access) => {
        const found = await q.unsafeItemIdStanding(
          trx,
          access.municipalityCode,
          meetingId,
          body.id,
        );
        if (found === 'taken') throw refuse([{ field: 'body.id', code: 'id_taken' }]);
        return found === 'mine';
      },
    },
  );
}

/** Removes an item the caller may see (a hidden one answers 404, as one that is not there). */
export async function removeItem(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  meetingVersion: number,
): Promise<Agenda> {
  return changeAgenda(ctx, meetingId, meetingVersion, async (trx, access) => {
    const code = access.municipalityCode;
    await requireVisibleItem(trx, ctx, access, itemId);
    if (!(await q.deleteItem(trx, code, meetingId, itemId))) throw new AppError('not_found');
    await q.renumber(trx, code, meetingId, await q.itemOrder(trx, code, meetingId));
    return { details: { change: 'agenda_item_removed', agendaItemId: itemId } };
  });
}

/** Moves an item to a position (1 = first; beyond the end = last); the others close up. */
export async function moveItem(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  body: { meetingVersion: number; position: number },
): Promise<Agenda> {
  return changeAgenda(ctx, meetingId, body.meetingVersion, async (trx, access) => {
    const code = access.municipalityCode;
    await requireVisibleItem(trx, ctx, access, itemId);
    const order = (await q.itemOrder(trx, code, meetingId)).filter((id) => id !== itemId);
    order.splice(Math.min(body.position, order.length + 1) - 1, 0, itemId);
    await q.renumber(trx, code, meetingId, order);
    return {
      details: { change: 'agenda_item_moved', agendaItemId: itemId, position: body.position },
    };
  });
}

/** Appends a playbook template's topics (those already there from it are not added twice). */
export async function applyTemplate(
  ctx: RequestContext,
  meetingId: string,
  body: { meetingVersion: number; template: Parameters<typeof templateTopics>[0] },
): Promise<Agenda> {
  return changeAgenda(ctx, meetingId, body.meetingVersion, async (trx, access) => {
    if (!kindsAllowedIn(access.forumKind).includes('topic')) return null;
    const code = access.municipalityCode;
    const present = new Set(await q.templateTitles(trx, code, meetingId));
    const order = await q.itemOrder(trx, code, meetingId);
    const topics = templateTopics(body.template, ctx.language).filter((t) => !present.has(t.title));
    await q.insertItems(
      trx,
      topics.map((topic, i) => ({
        id: crypto.randomUUID(),
        municipality_code: code,
        meeting_id: meetingId,
        position: order.length + i + 1,
        kind: 'topic',
        case_id: null,
        inquiry_id: null,
        title: topic.title,
        description: topic.description,
        due_on: null,
        source: 'template',
        created_by: ctx.user.id,
      })),
    );
    return {
      details: { change: 'agenda_template_applied', template: body.template, added: topics.length },
    };
  });
}

async function requireVisibleItem(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: MeetingAccess,
  itemId: string,
) {
  const { agenda } = await readAgenda(trx, ctx, access);
  if (!agenda.items.some((item) => item.id === itemId)) throw new AppError('not_found');
}
