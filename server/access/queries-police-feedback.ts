import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { CurrentUser } from './sessions.ts';

/*
 * The police's side of an inquiry handed to them (issue 14 part 8): the SQL condition that the
 * inquiry was handed to the police of the caller's district. The tenant key: the inquiry's
 * municipality_code is one of the municipalities of the caller's police district.
 */

/** SQL condition on `inquiries`: handed to the police (a final decision) of the user's district. */
export function handedToUsersDistrict(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'inquiries'>): Expression<SqlBool> => {
    if (user.policeDistrictId === null || !user.roles.includes('police_contact')) {
      return sql<SqlBool>`false`;
    }
    return eb.and([
      eb(
        'inquiries.municipality_code',
        'in',
        eb
          .selectFrom('municipalities')
          .select('code')
          .where('police_district_id', '=', user.policeDistrictId),
      ),
      eb.exists(
        eb
          .selectFrom('inquiry_decisions as d')
          .select(sql`1`.as('one'))
          .whereRef('d.inquiry_id', '=', 'inquiries.id')
          .where('d.status', '=', 'final')
          .where('d.outcome', '=', 'police')
          .where('d.police_handed_at', 'is not', null),
      ),
    ]);
  };
}

/** The inquiry's id and municipality if it was handed to the police of the user's district. */
export async function handedInquiryRow(db: Kysely<DB>, user: CurrentUser, inquiryId: string) {
  return db
    .selectFrom('inquiries')
    .select(['inquiries.id', 'inquiries.municipality_code'])
    .where('inquiries.id', '=', inquiryId)
    .where(handedToUsersDistrict(user))
    .executeTakeFirst();
}
