import { sql, type SqlBool } from 'kysely';
import { NOTICE_DUE_DAYS } from '../../../shared/notice.ts';
import { inUsersArea, visibleCase } from '../../access/records.ts';
import { dated, type Loader } from './items.ts';

/**
 * case_without_notice: open cases (active or on hold) where neither a notice to the citizen nor
 * an exemption is recorded (case_notices, notice module) NOTICE_DUE_DAYS after they were opened —
 * for the case's coordinators, due on the opening day plus those days (GDPR art. 14(3)(a): within
 * a month at the latest). One query; the tenant key is matched on the case and on the notices.
 */
export const casesWithoutNotice: Loader = async ({ db, user }, _now, today) => {
  const dueOn = sql<string>`(cases.opened_at at time zone 'Europe/Copenhagen')::date + ${sql.lit(NOTICE_DUE_DAYS)}`;
  const rows = await db
    .selectFrom('cases')
    .select([
      'cases.id as case_id',
      'cases.reference',
      sql<string>`to_char(${dueOn}, 'YYYY-MM-DD')`.as('due_on'),
    ])
    .where(inUsersArea('cases.municipality_code', user))
    .where('cases.status', 'in', ['active', 'on_hold'])
    .where(sql<SqlBool>`${dueOn} <= ${today}::date`)
    .where(
      sql<SqlBool>`not exists (select 1 from case_notices as n
        where n.case_id = cases.id and n.municipality_code = cases.municipality_code)`,
    )
    .where(visibleCase(user))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_members as tm')
          .select(sql`1`.as('one'))
          .whereRef('tm.case_id', '=', 'cases.id')
          .whereRef('tm.municipality_code', '=', 'cases.municipality_code')
          .where('tm.user_id', '=', user.id)
          .where('tm.role', '=', 'coordinator'),
      ),
    )
    .execute();
  return rows.map((r) =>
    dated('case_without_notice', r.case_id, r.due_on, today, {
      caseId: r.case_id,
      caseReference: r.reference,
      tab: null,
    }),
  );
};
