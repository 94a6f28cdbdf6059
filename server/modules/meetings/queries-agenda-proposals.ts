import { sql, type Kysely, type SqlBool } from 'kysely';
import { visibleCase } from '../../access/records.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The agenda builder's SQL (issue 14 part 3): the meeting with its forum, the municipality's
 * organisation settings and the next meeting's start (one statement); the forum's undecided
 * inquiries (one); and every case that is due for the agenda for any reason (one). Each list is
 * narrowed by need-to-know's own conditions (`visibleCase`, `visibleInquiry`), so nothing the
 * caller may not see is proposed.
 */

export interface BuilderFacts {
  starts_at: Date;
  forum_id: string;
  forum_kind: string;
  forum_cadence: string | null;
  /** The next planned or held meeting of the same forum, if one is set. */
  next_starts_at: Date | null;
  plan_approval: string;
  re_review_at_meetings: boolean;
  on_hold_agenda_weeks: number;
  meeting_cadence: string;
}

/** The facts the builder needs about the meeting, in one statement. */
export async function builderFacts(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<BuilderFacts | undefined> {
  const row = await db
    .selectFrom('meetings as m')
    .innerJoin('forums as f', (join) =>
      join
        .onRef('f.id', '=', 'm.forum_id')
        .onRef('f.municipality_code', '=', 'm.municipality_code'),
    )
    .leftJoin('municipality_settings as s', 's.municipality_code', 'm.municipality_code')
    .select((eb) => [
      'm.starts_at',
      'm.forum_id',
      'f.kind as forum_kind',
      'f.cadence as forum_cadence',
      eb
        .selectFrom('meetings as n')
        .select((n) => n.fn.min('n.starts_at').as('s'))
        .whereRef('n.forum_id', '=', 'm.forum_id')
        .whereRef('n.municipality_code', '=', 'm.municipality_code')
        .whereRef('n.starts_at', '>', 'm.starts_at')
        .where('n.status', '!=', 'cancelled')
        .as('next_starts_at'),
      eb.fn.coalesce('s.plan_approval', sql.lit('coordinator')).as('plan_approval'),
      eb.fn.coalesce('s.re_review_at_meetings', sql.lit(false)).as('re_review_at_meetings'),
      eb.fn.coalesce('s.on_hold_agenda_weeks', sql.lit(8)).as('on_hold_agenda_weeks'),
      eb.fn.coalesce('s.meeting_cadence', sql.lit('monthly')).as('meeting_cadence'),
    ])
    .where('m.municipality_code', '=', municipalityCode)
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    starts_at: new Date(row.starts_at),
    next_starts_at: row.next_starts_at ? new Date(row.next_starts_at as Date | string) : null,
  } as BuilderFacts;
}

export interface InquiryCandidate {
  id: string;
  reference: string;
  deadline_at: Date;
  subject_person_id: string | null;
}

/** The forum's undecided inquiries the caller may see, earliest deadline first. */
export async function forumInquiries(
  db: Kysely<DB>,
  user: CurrentUser,
  municipalityCode: string,
  forumId: string,
): Promise<InquiryCandidate[]> {
  return db
    .selectFrom('inquiries')
    .select((eb) => [
      'inquiries.id',
      'inquiries.reference',
      'inquiries.deadline_at',
      eb
        .selectFrom('inquiry_persons as ip')
        .select('ip.person_id')
        .whereRef('ip.inquiry_id', '=', 'inquiries.id')
        .whereRef('ip.municipality_code', '=', 'inquiries.municipality_code')
        .orderBy('ip.position')
        .limit(1)
        .as('subject_person_id'),
    ])
    .where('inquiries.municipality_code', '=', municipalityCode)
    .where('inquiries.forum_id', '=', forumId)
    .where('inquiries.status', 'in', ['received', 'triaged', 'awaiting_approval'])
    .where(visibleInquiry(user))
    .orderBy('inquiries.deadline_at')
    .orderBy('inquiries.id')
    .execute() as Promise<InquiryCandidate[]>;
}

/** Which cases of the municipality a forum looks at (see docs/meetings/agenda.md). */
export type CaseScope =
  | { kind: 'forum'; forumId: string }
  /** Infohus Kommune: its own cases, and every case with a serious (high) concern. */
  | { kind: 'infohus_kommune'; forumId: string }
  /** The steering group: every case (plan approvals only). */
  | { kind: 'municipality' };

export interface CaseCandidateQuery {
  scope: CaseScope;
  /** The first day after the window (the next meeting's day): what is due before it. */
  until: string;
  followUps: boolean;
  onHold: boolean;
  plans: boolean;
  reReviews: boolean;
}

export interface CaseCandidate {
  id: string;
  reference: string;
  status: string;
  next_follow_up_due: string | null;
  /** When the case was last put on hold (the chronology), else its last change. */
  on_hold_since: Date | null;
  plan_status: string | null;
  /** The earliest scheduled re-review due before `until`, and its months. */
  review_due_on: string | null;
  review_months: number | null;
  subject_person_id: string | null;
}

/**
 * Every case in the forum's scope that the caller may see and that is due for the agenda for any
 * reason asked for: a follow-up due before `until`, on hold, a plan awaiting approval, a
 * scheduled re-review due before `until`. One statement; the service sorts the reasons out.
 */
export async function caseCandidates(
  db: Kysely<DB>,
  user: CurrentUser,
  municipalityCode: string,
  q: CaseCandidateQuery,
): Promise<CaseCandidate[]> {
  const latestPlan = sql<string | null>`(select p.status from case_plans p
    where p.case_id = cases.id and p.municipality_code = cases.municipality_code
    order by p.number desc limit 1)`;
  const review = (column: 'due_on' | 'months') => sql<string | number | null>`(select ${sql.raw(
    column === 'due_on' ? `to_char(r.due_on, 'YYYY-MM-DD')` : 'r.months',
  )} from case_reviews r
    where r.case_id = cases.id and r.municipality_code = cases.municipality_code
      and r.status = 'scheduled' and r.due_on < ${q.until}::date
    order by r.due_on limit 1)`;
  const reasons: ReturnType<typeof sql<SqlBool>>[] = [];
  const open = sql<SqlBool>`cases.status in ('active', 'on_hold')`;
  if (q.followUps) {
    reasons.push(sql<SqlBool>`(${open} and cases.next_follow_up_due < ${q.until}::date)`);
  }
  if (q.onHold) reasons.push(sql<SqlBool>`cases.status = 'on_hold'`);
  if (q.plans) reasons.push(sql<SqlBool>`(${open} and ${latestPlan} = 'submitted')`);
  if (q.reReviews) {
    reasons.push(sql<SqlBool>`exists (select 1 from case_reviews r
      where r.case_id = cases.id and r.municipality_code = cases.municipality_code
        and r.status = 'scheduled' and r.due_on < ${q.until}::date)`);
  }
  if (reasons.length === 0) return [];
  const scope =
    q.scope.kind === 'forum'
      ? sql<SqlBool>`cases.forum_id = ${q.scope.forumId}`
      : q.scope.kind === 'infohus_kommune'
        ? sql<SqlBool>`(cases.forum_id = ${q.scope.forumId} or cases.concern_level = 'high')`
        : sql<SqlBool>`true`;
  const rows = await db
    .selectFrom('cases')
    .select([
      'cases.id',
      'cases.reference',
      'cases.status',
      sql<string | null>`to_char(cases.next_follow_up_due, 'YYYY-MM-DD')`.as('next_follow_up_due'),
      sql<Date | null>`case when cases.status = 'on_hold' then coalesce((select max(e.occurred_at)
        from case_events e where e.case_id = cases.id and e.municipality_code = cases.municipality_code
          and e.kind = 'status_changed' and e.changes->'status'->>'to' = 'on_hold'),
        cases.updated_at) end`.as('on_hold_since'),
      latestPlan.as('plan_status'),
      review('due_on').as('review_due_on'),
      review('months').as('review_months'),
      sql<string | null>`(select cp.person_id from case_persons cp
        where cp.case_id = cases.id and cp.municipality_code = cases.municipality_code
          and cp.role = 'citizen' limit 1)`.as('subject_person_id'),
    ])
    .where('cases.municipality_code', '=', municipalityCode)
    .where(scope)
    .where(sql<SqlBool>`(${sql.join(reasons, sql` or `)})`)
    .where(visibleCase(user))
    .orderBy('cases.reference')
    .execute();
  return rows.map((r) => ({
    ...r,
    on_hold_since: r.on_hold_since ? new Date(r.on_hold_since) : null,
    review_months: r.review_months === null ? null : Number(r.review_months),
  })) as CaseCandidate[];
}

/** The records already on the meeting's agenda, as `kind:recordId` (and `numbers`). */
export async function agendaKeys(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('meeting_agenda_items')
    .select(['kind', 'case_id', 'inquiry_id'])
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', '=', meetingId)
    .execute();
  return new Set(rows.map((r) => `${r.kind}:${r.case_id ?? r.inquiry_id ?? ''}`));
}
