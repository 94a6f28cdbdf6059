import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { CursorTime } from '../../platform/cursor.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import { visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { OPEN_INQUIRY_STATUSES } from '../../../shared/values.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { TaskKindSchema, type Task, type TaskKind, type TaskList } from './schema.ts';

/**
 * "My tasks": computed from the case-work and inquiry tables on each request (no table of its
 * own), one query per kind, each filtered by the same visibility rules as every other list
 * (`visibleCase`, `visibleInquiry`), so a removed member sees nothing of a case. Who gets what:
 *
 * - follow_up: scheduled follow-ups of active cases due within 14 days or overdue — for the
 *   case's coordinators and for the full-scope member who recorded the case's latest held
 *   follow-up (the one who usually holds the next);
 * - offer_renewal: renewed offers due within 14 days or overdue, and offers made and waiting for
 *   an answer — for the case's coordinators;
 * - review: re-reviews due within 30 days or overdue — for the case's coordinators;
 * - plan_approval / closure_approval: plans submitted and closures proposed — for the case's
 *   coordinators;
 * - goal: goals of approved plans with the caller as responsible, not achieved or dropped, whose
 *   target date is within 14 days or passed — for that member of the case;
 * - inquiry_deadline: open inquiries the caller may see (coordinators of the municipality, the
 *   handling forum), by their decision deadline;
 * - decision_approval: decisions waiting for a second coordinator — for the municipality's
 *   other coordinators (never the one who decided).
 *
 * Earliest due first; keyset pages on (due, kind, id). A date counts from its start in UTC for
 * the order (only the order: `overdue` compares with Danish today).
 */

const FOLLOW_UP_DAYS = 14;
const OFFER_DAYS = 14;
const REVIEW_DAYS = 30;
const GOAL_DAYS = 14;
const OPEN_CASE = ['active', 'on_hold'];

interface Sorted {
  task: Task;
  /** The sort instant, ISO. */
  due: string;
}

const cursorSchema = z.object({ t: CursorTime, k: TaskKindSchema, id: z.string().min(1).max(100) });
type TaskCursor = z.infer<typeof cursorSchema>;

function encodeTaskCursor(s: Sorted): string {
  return Buffer.from(JSON.stringify({ t: s.due, k: s.task.kind, id: s.task.id })).toString(
    'base64url',
  );
}

function decodeTaskCursor(value: string | undefined): TaskCursor | null {
  if (value === undefined) return null;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.after', code: 'invalid_cursor' }],
    });
  }
}

const dateInstant = (date: string) => `${date}T00:00:00.000Z`;

function compare(a: { due: string; kind: string; id: string }, b: typeof a): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function base(kind: TaskKind): Omit<Task, 'id' | 'dueOn' | 'dueAt' | 'overdue'> {
  return {
    kind,
    caseId: null,
    caseReference: null,
    inquiryId: null,
    inquiryReference: null,
    tab: null,
  };
}

function dated(
  kind: TaskKind,
  id: string,
  dueOn: string,
  today: string,
  extra: Partial<Task>,
): Sorted {
  return {
    due: dateInstant(dueOn),
    task: {
      ...base(kind),
      ...extra,
      id: id.toLowerCase(),
      dueOn,
      dueAt: null,
      overdue: dueOn < today,
    },
  };
}

function timed(kind: TaskKind, id: string, at: Date, overdue: boolean, extra: Partial<Task>) {
  return {
    due: at.toISOString(),
    task: { ...base(kind), ...extra, id, dueOn: null, dueAt: at.toISOString(), overdue },
  };
}

/** The caller is a coordinator member of the case (`cases` in the query). */
function coordinatorOf(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> =>
    eb.exists(
      eb
        .selectFrom('case_members as tm')
        .select(sql`1`.as('one'))
        .whereRef('tm.case_id', '=', 'cases.id')
        .where('tm.user_id', '=', user.id)
        .where('tm.role', '=', 'coordinator'),
    );
}

type Loader = (db: Kysely<DB>, user: CurrentUser, now: Date, today: string) => Promise<Sorted[]>;

const followUps: Loader = async (db, user, _now, today) => {
  const rows = await db
    .selectFrom('case_follow_ups as f')
    .innerJoin('cases', 'cases.id', 'f.case_id')
    .select(['f.id', 'f.due_on', 'cases.id as case_id', 'cases.reference'])
    .where('f.status', '=', 'scheduled')
    .where('f.due_on', '<=', addDays(today, FOLLOW_UP_DAYS))
    .where('cases.status', '=', 'active')
    .where(visibleCase(user))
    .where((eb) =>
      eb.or([
        coordinatorOf(user)(eb),
        eb.and([
          eb.exists(
            eb
              .selectFrom('case_members as fm')
              .select(sql`1`.as('one'))
              .whereRef('fm.case_id', '=', 'cases.id')
              .where('fm.user_id', '=', user.id)
              .where('fm.scope', '=', 'full'),
          ),
          eb(
            eb
              .selectFrom('case_follow_ups as prev')
              .select('prev.recorded_by')
              .whereRef('prev.case_id', '=', 'cases.id')
              .where('prev.status', '=', 'done')
              .orderBy('prev.held_on', 'desc')
              .orderBy('prev.recorded_at', 'desc')
              .limit(1),
            '=',
            user.id,
          ),
        ]),
      ]),
    )
    .execute();
  return rows.map((r) =>
    dated('follow_up', r.id, r.due_on, today, {
      caseId: r.case_id,
      caseReference: r.reference,
      tab: 'followUps',
    }),
  );
};

const offers: Loader = async (db, user, _now, today) => {
  const rows = await db
    .selectFrom('case_offers as o')
    .innerJoin('cases', 'cases.id', 'o.case_id')
    .select([
      'o.id',
      'o.status',
      'o.due_on',
      'o.offered_on',
      'cases.id as case_id',
      'cases.reference',
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('o.status', '=', 'scheduled'),
          eb('o.due_on', '<=', addDays(today, OFFER_DAYS)),
        ]),
        eb('o.status', '=', 'open'),
      ]),
    )
    .where('cases.status', 'in', OPEN_CASE)
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.flatMap((r) => {
    const dueOn = r.due_on ?? r.offered_on;
    if (!dueOn) return [];
    const item = dated('offer_renewal', r.id, dueOn, today, {
      caseId: r.case_id,
      caseReference: r.reference,
      tab: 'interventions',
    });
    // An offer made and waiting for its answer is a reminder, not late.
    if (r.status === 'open') item.task.overdue = false;
    return [item];
  });
};

const reviews: Loader = async (db, user, _now, today) => {
  const rows = await db
    .selectFrom('case_reviews as r')
    .innerJoin('cases', 'cases.id', 'r.case_id')
    .select(['r.id', 'r.due_on', 'cases.id as case_id', 'cases.reference'])
    .where('r.status', '=', 'scheduled')
    .where('r.due_on', '<=', addDays(today, REVIEW_DAYS))
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.map((r) =>
    dated('review', r.id, r.due_on, today, {
      caseId: r.case_id,
      caseReference: r.reference,
      tab: 'closure',
    }),
  );
};

const planApprovals: Loader = async (db, user) => {
  const rows = await db
    .selectFrom('case_plans as p')
    .innerJoin('cases', 'cases.id', 'p.case_id')
    .select(['p.id', 'p.submitted_at', 'p.updated_at', 'cases.id as case_id', 'cases.reference'])
    .where('p.status', '=', 'submitted')
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.map((r) =>
    timed('plan_approval', r.id, r.submitted_at ?? r.updated_at, false, {
      caseId: r.case_id,
      caseReference: r.reference,
      tab: 'plan',
    }),
  );
};

const closureApprovals: Loader = async (db, user) => {
  const rows = await db
    .selectFrom('case_closures as c')
    .innerJoin('cases', 'cases.id', 'c.case_id')
    .select(['c.id', 'c.proposed_at', 'cases.id as case_id', 'cases.reference'])
    .where('c.status', '=', 'proposed')
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.map((r) =>
    timed('closure_approval', r.id, r.proposed_at, false, {
      caseId: r.case_id,
      caseReference: r.reference,
      tab: 'closure',
    }),
  );
};

const goals: Loader = async (db, user, _now, today) => {
  const goal = (path: string) => sql<string | null>`g.value #>> ${sql.lit(`{${path}}`)}`;
  const rows = await db
    .selectFrom('case_plans as p')
    .innerJoin('cases', 'cases.id', 'p.case_id')
    .innerJoin('case_members as gm', (join) =>
      join.onRef('gm.case_id', '=', 'cases.id').on('gm.user_id', '=', user.id),
    )
    .crossJoin(
      sql<{ value: unknown }>`jsonb_array_elements(case when jsonb_typeof(p.goals) = 'array'
        then p.goals else '[]'::jsonb end)`.as('g'),
    )
    .select([
      'cases.id as case_id',
      'cases.reference',
      'gm.scope',
      goal('key').as('goal_key'),
      goal('targetDate').as('target_date'),
    ])
    .where('p.status', '=', 'approved')
    .where('cases.status', 'in', OPEN_CASE)
    .where(visibleCase(user))
    .where(goal('responsible,userId'), '=', user.id)
    .where(sql<SqlBool>`coalesce(${goal('status')}, 'not_started') not in ('achieved', 'dropped')`)
    .where(sql<SqlBool>`${goal('targetDate')} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`)
    .where(goal('targetDate'), '<=', addDays(today, GOAL_DAYS))
    .where(goal('key'), 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.goal_key && r.target_date
      ? [
          dated('goal', r.goal_key, r.target_date, today, {
            caseId: r.case_id,
            caseReference: r.reference,
            // A member with an intervention scope (e.g. a mentor) has no plan tab.
            tab: r.scope === 'full' ? 'plan' : null,
          }),
        ]
      : [],
  );
};

const inquiryDeadlines: Loader = async (db, user, now) => {
  const rows = await db
    .selectFrom('inquiries')
    .select(['inquiries.id', 'inquiries.reference', 'inquiries.deadline_at'])
    .where('inquiries.status', 'in', OPEN_INQUIRY_STATUSES)
    .where(visibleInquiry(user))
    .execute();
  return rows.map((r) =>
    timed('inquiry_deadline', r.id, r.deadline_at, r.deadline_at < now, {
      inquiryId: r.id,
      inquiryReference: r.reference,
    }),
  );
};

const decisionApprovals: Loader = async (db, user, now) => {
  if (!user.roles.includes('coordinator')) return [];
  const rows = await db
    .selectFrom('inquiry_decisions as d')
    .innerJoin('inquiries', 'inquiries.id', 'd.inquiry_id')
    .select(['d.id', 'inquiries.id as inquiry_id', 'inquiries.reference', 'inquiries.deadline_at'])
    .where('d.status', '=', 'pending')
    .where('d.decided_by', '!=', user.id)
    .where('inquiries.status', '=', 'awaiting_approval')
    .where(visibleInquiry(user))
    .where('inquiries.municipality_code', '=', user.municipalityCode ?? '')
    .execute();
  return rows.map((r) =>
    timed('decision_approval', r.id, r.deadline_at, r.deadline_at < now, {
      inquiryId: r.inquiry_id,
      inquiryReference: r.reference,
    }),
  );
};

const LOADERS: Record<TaskKind, Loader> = {
  follow_up: followUps,
  offer_renewal: offers,
  review: reviews,
  plan_approval: planApprovals,
  closure_approval: closureApprovals,
  goal: goals,
  inquiry_deadline: inquiryDeadlines,
  decision_approval: decisionApprovals,
};

/** The caller's tasks, earliest due first, a page at a time. */
export async function listTasks(
  db: Kysely<DB>,
  user: CurrentUser,
  query: { kind?: TaskKind | undefined; after?: string | undefined; limit: number },
  now = new Date(),
): Promise<TaskList> {
  const cursor = decodeTaskCursor(query.after);
  const today = danishToday(now);
  const kinds = query.kind ? [query.kind] : (Object.keys(LOADERS) as TaskKind[]);
  const lists = await Promise.all(kinds.map((kind) => LOADERS[kind](db, user, now, today)));
  let all = lists.flat();
  // A decision waiting for the caller's approval says it all: no second row for its deadline.
  const approving = new Set(
    all.filter((s) => s.task.kind === 'decision_approval').map((s) => s.task.inquiryId),
  );
  all = all.filter((s) => s.task.kind !== 'inquiry_deadline' || !approving.has(s.task.inquiryId));
  const key = (s: Sorted) => ({ due: s.due, kind: s.task.kind, id: s.task.id });
  all.sort((a, b) => compare(key(a), key(b)));
  if (cursor) {
    const after = { due: new Date(cursor.t).toISOString(), kind: cursor.k, id: cursor.id };
    all = all.filter((s) => compare(key(s), after) > 0);
  }
  const page = all.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((s) => s.task),
    nextCursor: all.length > query.limit && last ? encodeTaskCursor(last) : null,
  };
}
