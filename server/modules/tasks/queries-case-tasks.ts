import { sql, type ExpressionBuilder, type SqlBool, type Expression } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inUsersArea, visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { DEFAULT_SETTINGS } from '../inquiries/settings.ts';
import { dated, timed, type Loader } from './items.ts';
import type { Task } from './schema.ts';

/**
 * The case kinds of "My tasks" (who gets which: queries.ts). Every query matches the tenant key:
 * the row's own `municipality_code` is in the caller's area (the request context's user), the
 * case is joined by its id and that key, and every row of the case looked at in a condition
 * (members, the previous follow-up) carries the case's key too (db/migrations/0015).
 *
 * `visibleCase` checks the area again, on `cases`: that check is the access rule (member or
 * grant, in the area) and is the same condition every case list uses. The condition on the
 * driving row stays as well: every query of a keyed table matches that table's own key
 * (docs/CODE_STYLE.md, "The tenant key"), so the row read is never taken on the join alone.
 */

const FOLLOW_UP_DAYS = 14;
const OFFER_DAYS = 14;
const REVIEW_DAYS = 30;
const GOAL_DAYS = 14;
const OPEN_CASE = ['active', 'on_hold'];

/** The row's case (`cases` in the query): joined by the case's id and its tenant key. */
function itsCase(alias: string): Expression<SqlBool> {
  return sql<SqlBool>`cases.id = ${sql.ref(`${alias}.case_id`)} and cases.municipality_code = ${sql.ref(`${alias}.municipality_code`)}`;
}

/** The caller is a member of the case (`cases` in the query) with this role, or this scope. */
function memberOf(user: CurrentUser, as: { column: 'role' | 'scope'; value: string }) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> =>
    eb.exists(
      eb
        .selectFrom('case_members as tm')
        .select(sql`1`.as('one'))
        .whereRef('tm.case_id', '=', 'cases.id')
        .whereRef('tm.municipality_code', '=', 'cases.municipality_code')
        .where('tm.user_id', '=', user.id)
        .where(`tm.${as.column}`, '=', as.value),
    );
}

/** The caller is a coordinator member of the case (`cases` in the query). */
const coordinatorOf = (user: CurrentUser) =>
  memberOf(user, { column: 'role', value: 'coordinator' });

/** Where a task of a case leads: the case, by id and reference, and its tab (if any). */
function onCase(row: { case_id: string; reference: string }, tab: Task['tab']): Partial<Task> {
  return { caseId: row.case_id, caseReference: row.reference, tab };
}

export const followUps: Loader = async ({ db, user }, _now, today) => {
  const rows = await db
    .selectFrom('case_follow_ups as f')
    .innerJoin('cases', (join) => join.on(itsCase('f')))
    .select(['f.id', 'f.due_on', 'cases.id as case_id', 'cases.reference'])
    .where(inUsersArea('f.municipality_code', user))
    .where('f.status', '=', 'scheduled')
    .where('f.due_on', '<=', addDays(today, FOLLOW_UP_DAYS))
    .where('cases.status', '=', 'active')
    .where(visibleCase(user))
    .where((eb) =>
      eb.or([
        coordinatorOf(user)(eb),
        eb.and([
          memberOf(user, { column: 'scope', value: 'full' })(eb),
          eb(
            eb
              .selectFrom('case_follow_ups as prev')
              .select('prev.recorded_by')
              .whereRef('prev.case_id', '=', 'cases.id')
              .whereRef('prev.municipality_code', '=', 'cases.municipality_code')
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
  return rows.map((r) => dated('follow_up', r.id, r.due_on, today, onCase(r, 'followUps')));
};

export const offers: Loader = async ({ db, user }, _now, today) => {
  const rows = await db
    .selectFrom('case_offers as o')
    .innerJoin('cases', (join) => join.on(itsCase('o')))
    .select([
      'o.id',
      'o.status',
      'o.due_on',
      'o.offered_on',
      'cases.id as case_id',
      'cases.reference',
    ])
    .where(inUsersArea('o.municipality_code', user))
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
    const item = dated('offer_renewal', r.id, dueOn, today, onCase(r, 'interventions'));
    // An offer made and waiting for its answer is a reminder, not late.
    if (r.status === 'open') item.task.overdue = false;
    return [item];
  });
};

export const reviews: Loader = async ({ db, user }, _now, today) => {
  const rows = await db
    .selectFrom('case_reviews as r')
    .innerJoin('cases', (join) => join.on(itsCase('r')))
    .select(['r.id', 'r.due_on', 'cases.id as case_id', 'cases.reference'])
    .where(inUsersArea('r.municipality_code', user))
    .where('r.status', '=', 'scheduled')
    .where('r.due_on', '<=', addDays(today, REVIEW_DAYS))
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.map((r) => dated('review', r.id, r.due_on, today, onCase(r, 'closure')));
};

export const planApprovals: Loader = async ({ db, user }) => {
  const rows = await db
    .selectFrom('case_plans as p')
    .innerJoin('cases', (join) => join.on(itsCase('p')))
    .select(['p.id', 'p.submitted_at', 'p.updated_at', 'cases.id as case_id', 'cases.reference'])
    .where(inUsersArea('p.municipality_code', user))
    .where('p.status', '=', 'submitted')
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.map((r) =>
    timed('plan_approval', r.id, r.submitted_at ?? r.updated_at, false, onCase(r, 'plan')),
  );
};

export const closureApprovals: Loader = async ({ db, user }) => {
  const rows = await db
    .selectFrom('case_closures as c')
    .innerJoin('cases', (join) => join.on(itsCase('c')))
    .select(['c.id', 'c.proposed_at', 'cases.id as case_id', 'cases.reference'])
    .where(inUsersArea('c.municipality_code', user))
    .where('c.status', '=', 'proposed')
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.map((r) =>
    timed('closure_approval', r.id, r.proposed_at, false, onCase(r, 'closure')),
  );
};

export const goals: Loader = async ({ db, user }, _now, today) => {
  const goal = (path: string) => sql<string | null>`g.value #>> ${sql.lit(`{${path}}`)}`;
  const rows = await db
    .selectFrom('case_plans as p')
    .innerJoin('cases', (join) => join.on(itsCase('p')))
    .innerJoin('case_members as gm', (join) =>
      join
        .onRef('gm.case_id', '=', 'cases.id')
        .onRef('gm.municipality_code', '=', 'cases.municipality_code')
        .on('gm.user_id', '=', user.id),
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
    .where(inUsersArea('p.municipality_code', user))
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
          // A member with an intervention scope (e.g. a mentor) has no plan tab.
          dated(
            'goal',
            r.goal_key,
            r.target_date,
            today,
            onCase(r, r.scope === 'full' ? 'plan' : null),
          ),
        ]
      : [],
  );
};

/**
 * Active cases still without a final assessment or without an approved plan the municipality's
 * number of days (`case_start_days`, default 14) after they were opened — for the case's
 * coordinators, one task per missing piece, due on the opening date plus those days. One query:
 * the setting is joined by the case's municipality, the two checks are `exists` on the case.
 */
export const casesWithoutWork: Loader = async ({ db, user }, _now, today) => {
  const dueOn = sql<string>`(cases.opened_at at time zone 'Europe/Copenhagen')::date
    + coalesce(ms.case_start_days, ${sql.lit(DEFAULT_SETTINGS.caseStartDays)})`;
  // The case has a row of this table in one of these statuses (matched by id and tenant key).
  const has = (table: 'case_assessments' | 'case_plans', statuses: string[]) =>
    sql<boolean>`exists (select 1 from ${sql.table(table)} as done
      where done.case_id = cases.id and done.municipality_code = cases.municipality_code
      and done.status in (${sql.join(statuses)}))`;
  const assessed = has('case_assessments', ['final', 'superseded']);
  const planned = has('case_plans', ['approved', 'superseded']);
  const rows = await db
    .selectFrom('cases')
    .leftJoin('municipality_settings as ms', 'ms.municipality_code', 'cases.municipality_code')
    .select([
      'cases.id as case_id',
      'cases.reference',
      sql<string>`to_char(${dueOn}, 'YYYY-MM-DD')`.as('due_on'),
      assessed.as('assessed'),
      planned.as('planned'),
    ])
    .where(inUsersArea('cases.municipality_code', user))
    .where('cases.status', '=', 'active')
    .where(sql<SqlBool>`${dueOn} <= ${today}::date`)
    .where(sql<SqlBool>`(not ${assessed} or not ${planned})`)
    .where(visibleCase(user))
    .where(coordinatorOf(user))
    .execute();
  return rows.flatMap((r) => [
    ...(r.assessed
      ? []
      : [dated('case_without_assessment', r.case_id, r.due_on, today, onCase(r, 'assessment'))]),
    ...(r.planned
      ? []
      : [dated('case_without_plan', r.case_id, r.due_on, today, onCase(r, 'plan'))]),
  ]);
};
