import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { handlesPersonalData } from './policies.ts';
import { visibleInquiry } from './queries-inquiries.ts';
import { inUsersArea, liveGrants } from './queries-records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Need-to-know's SQL for persons (see person-access.ts) as a condition lists use: the same rule
 * as `findPersonAccesses`, so a person search never returns or counts a person the caller could
 * not open. A case opens its persons to a full-scope member, or to a coordinator with a live
 * grant and no membership (as `toAccess`: a membership's scope wins over a grant); an inquiry
 * opens its persons while it is being assessed (not decided) to whoever may see the inquiry.
 */

/** SQL condition on `cases`: the user sees the whole case (full scope). */
function fullScopeCase(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    const membership = eb
      .selectFrom('case_members as pm')
      .select(sql`1`.as('one'))
      .whereRef('pm.case_id', '=', 'cases.id')
      .whereRef('pm.municipality_code', '=', 'cases.municipality_code')
      .where('pm.user_id', '=', user.id);
    return eb.and([
      inUsersArea('cases.municipality_code', user),
      eb.or([
        eb.exists(membership.where('pm.scope', '=', 'full')),
        user.roles.includes('coordinator')
          ? eb.and([
              eb.not(eb.exists(membership)),
              eb.exists(liveGrants(eb, user).select(sql`1`.as('one'))),
            ])
          : sql<SqlBool>`false`,
      ]),
    ]);
  };
}

/**
 * SQL condition on `persons`: the user may see this person. Use it in every list and count. One
 * lookup: the person's links to cases (full scope) and to open inquiries the user may see, as
 * one union, so the person is probed once for both.
 */
export function visiblePerson(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'persons'>): Expression<SqlBool> => {
    if (!handlesPersonalData(user)) return sql<SqlBool>`false`;
    const throughCase = eb
      .selectFrom('case_persons as vcp')
      .innerJoin('cases', (join) =>
        join
          .onRef('cases.id', '=', 'vcp.case_id')
          .onRef('cases.municipality_code', '=', 'vcp.municipality_code'),
      )
      .select(sql`1`.as('one'))
      .whereRef('vcp.person_id', '=', 'persons.id')
      .whereRef('vcp.municipality_code', '=', 'persons.municipality_code')
      .where(fullScopeCase(user));
    const throughInquiry = eb
      .selectFrom('inquiry_persons as vip')
      .innerJoin('inquiries', (join) =>
        join
          .onRef('inquiries.id', '=', 'vip.inquiry_id')
          .onRef('inquiries.municipality_code', '=', 'vip.municipality_code'),
      )
      .select(sql`1`.as('one'))
      .whereRef('vip.person_id', '=', 'persons.id')
      .whereRef('vip.municipality_code', '=', 'persons.municipality_code')
      .where('inquiries.status', 'not in', ['decided', 'forwarded'])
      .where(visibleInquiry(user));
    return eb.and([
      inUsersArea('persons.municipality_code', user),
      eb.exists(throughCase.unionAll(throughInquiry)),
    ]);
  };
}
