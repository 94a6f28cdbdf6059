import { ProposalKindSchema } from '../../../shared/agenda.ts';
import {
  mayManageMeeting,
  requireMeeting,
  requireMeetingRight,
} from '../../access/meeting-access.ts';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays, addMonths } from '../closure/dates.ts';
import type { Proposal, ProposalList } from './agenda-schema.ts';
import {
  agendaKeys,
  builderFacts,
  caseCandidates,
  forumInquiries,
  type BuilderFacts,
  type CaseScope,
} from './queries-agenda-proposals.ts';

/**
 * The agenda builder (issue 14 part 3): what is due for this meeting of this forum. The clock is
 * the meeting itself — its Danish day, and the day of the forum's next meeting (or, when none is
 * planned, the meeting's day plus the forum's cadence) — so the same meeting gets the same
 * proposals whenever it is asked, and a test moves the clock by moving the meeting.
 *
 *  - inquiry: the forum's undecided inquiries, with their deadlines;
 *  - follow_up: open cases whose next follow-up is due before the next meeting;
 *  - on_hold: cases on hold for longer than the municipality's `on_hold_agenda_weeks` on the
 *    meeting's day;
 *  - re_review: closed cases whose 6- or 12-month re-review is due before the next meeting, when
 *    the municipality re-reviews at meetings (`re_review_at_meetings`);
 *  - plan_approval: plans awaiting approval, in the steering group, when it approves plans
 *    (`plan_approval = 'steering_group'`);
 *  - numbers: the steering group's and the Infohus network's figures.
 *
 * Which cases a forum looks at: a forum or a housing area's team its own cases (`cases.forum_id`);
 * the Infohus Kommune its own and every case with a high concern (where the police take part);
 * the steering group every case of the municipality (plan approvals only); the Infohus network
 * none. Only records the caller may see are proposed, and each one proposed is audited as a
 * search hit with the meeting as the purpose. Five statements, whatever the numbers.
 */

const CADENCE: Record<string, (day: string) => string> = {
  weekly: (d) => addDays(d, 7),
  biweekly: (d) => addDays(d, 14),
  monthly: (d) => addMonths(d, 1),
  quarterly: (d) => addMonths(d, 3),
  half_yearly: (d) => addMonths(d, 6),
};

/** The window the meeting covers: its day until the next meeting's day (exclusive). */
export function proposalWindow(facts: BuilderFacts): { from: string; until: string } {
  const from = danishToday(facts.starts_at);
  if (facts.next_starts_at) {
    const next = danishToday(facts.next_starts_at);
    if (next > from) return { from, until: next };
  }
  const step = CADENCE[facts.forum_cadence ?? facts.meeting_cadence] ?? CADENCE.monthly;
  return { from, until: step ? step(from) : addMonths(from, 1) };
}

function caseScope(facts: BuilderFacts): CaseScope | null {
  switch (facts.forum_kind) {
    case 'infohus_network':
      return null;
    case 'steering_group':
      return { kind: 'municipality' };
    case 'infohus_kommune':
      return { kind: 'infohus_kommune', forumId: facts.forum_id };
    default:
      return { kind: 'forum', forumId: facts.forum_id };
  }
}

const WEEK_MS = 7 * 86_400_000;

export async function listProposals(ctx: RequestContext, meetingId: string): Promise<ProposalList> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await requireMeeting(trx, ctx.user, meetingId);
    requireMeetingRight(mayManageMeeting(access));
    const code = access.municipalityCode;
    const facts = await builderFacts(trx, code, meetingId);
    if (!facts) throw new AppError('not_found');
    const { from, until } = proposalWindow(facts);
    const steering = facts.forum_kind === 'steering_group';
    const scope = caseScope(facts);
    const onAgenda = await agendaKeys(trx, code, meetingId);
    const proposals: Proposal[] = [];
    const events: AuditEvent[] = [];
    const audit = (type: 'case' | 'inquiry', id: string, subject: string | null) =>
      events.push(
        recordEvent(
          ctx.user,
          { municipalityCode: code, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false },
          {
            action: 'search',
            resourceType: type,
            resourceId: id,
            subjectPersonId: subject,
            purpose: PURPOSES.meeting,
            requestId: ctx.requestId,
            details: { meetingId },
          },
        ),
      );
    const base = { months: null, weeksOnHold: null, planStatus: null };

    if (scope?.kind === 'forum' || scope?.kind === 'infohus_kommune') {
      for (const q of await forumInquiries(trx, ctx.user, code, facts.forum_id)) {
        proposals.push({
          ...base,
          kind: 'inquiry',
          record: { type: 'inquiry', id: q.id, reference: q.reference },
          dueOn: danishToday(new Date(q.deadline_at)),
          onAgenda: onAgenda.has(`inquiry:${q.id}`),
        });
        audit('inquiry', q.id, q.subject_person_id);
      }
    }

    if (scope) {
      const candidates = await caseCandidates(trx, ctx.user, code, {
        scope,
        until,
        followUps: !steering,
        onHold: !steering,
        plans: steering && facts.plan_approval === 'steering_group',
        reReviews: !steering && facts.re_review_at_meetings,
      });
      const holdLimit = facts.on_hold_agenda_weeks * WEEK_MS;
      const meetingAt = facts.starts_at.getTime();
      for (const c of candidates) {
        const record = { type: 'case' as const, id: c.id, reference: c.reference };
        const found: Proposal[] = [];
        const open = c.status === 'active' || c.status === 'on_hold';
        if (!steering && open && c.next_follow_up_due !== null && c.next_follow_up_due < until) {
          found.push({
            ...base,
            kind: 'follow_up',
            record,
            dueOn: c.next_follow_up_due,
            onAgenda: false,
          });
        }
        if (!steering && c.status === 'on_hold' && c.on_hold_since) {
          const held = meetingAt - c.on_hold_since.getTime();
          if (held > holdLimit) {
            const weeksOnHold = Math.floor(held / WEEK_MS);
            found.push({
              ...base,
              kind: 'on_hold',
              record,
              dueOn: null,
              weeksOnHold,
              onAgenda: false,
            });
          }
        }
        if (steering && open && c.plan_status === 'submitted') {
          found.push({
            ...base,
            kind: 'plan_approval',
            record,
            dueOn: null,
            planStatus: c.plan_status,
            onAgenda: false,
          });
        }
        if (!steering && facts.re_review_at_meetings && c.review_due_on !== null) {
          found.push({
            ...base,
            kind: 're_review',
            record,
            dueOn: c.review_due_on,
            months: c.review_months,
            onAgenda: false,
          });
        }
        for (const p of found) p.onAgenda = onAgenda.has(`${p.kind}:${c.id}`);
        if (found.length > 0) {
          proposals.push(...found);
          audit('case', c.id, c.subject_person_id);
        }
      }
    }

    if (steering || facts.forum_kind === 'infohus_network') {
      proposals.push({
        ...base,
        kind: 'numbers',
        record: null,
        dueOn: null,
        onAgenda: onAgenda.has('numbers:'),
      });
    }
    await writeAudit(trx, ctx.keys.audit, events);
    const order = ProposalKindSchema.options;
    proposals.sort(
      (a, b) =>
        order.indexOf(a.kind) - order.indexOf(b.kind) ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
        (a.record?.reference ?? '').localeCompare(b.record?.reference ?? ''),
    );
    return { from, until, items: proposals };
  });
}
