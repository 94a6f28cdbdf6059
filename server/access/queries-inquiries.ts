import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { handlesPersonalData } from './policies.ts';
import { inUsersArea } from './queries-records.ts';
import type { CurrentUser } from './sessions.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): an inquiry is looked for only in the
 * user's area (`inUsersArea`); its persons count only with the inquiry's own key, and a forum
 * opens it only when the forum is of the inquiry's municipality (`visibleInquiry`).
 */

/** Need-to-know's SQL for inquiries (see inquiry-access.ts): the condition lists use, and rows. */

/** SQL condition on `inquiries`: the user may see this inquiry. Use it in every list and count. */
export function visibleInquiry(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'inquiries'>): Expression<SqlBool> => {
    if (!handlesPersonalData(user)) return sql<SqlBool>`false`;
    const viaForum = eb.and([
      eb('inquiries.status', 'not in', ['decided', 'forwarded']),
      eb.exists(
        eb
          .selectFrom('forum_members as fm')
          .innerJoin('forums as f', 'f.id', 'fm.forum_id')
          .select(sql`1`.as('one'))
          .whereRef('fm.forum_id', '=', 'inquiries.forum_id')
          // Defence in depth: a forum only ever handles its own municipality's inquiries.
          .whereRef('f.municipality_code', '=', 'inquiries.municipality_code')
          .where('fm.user_id', '=', user.id),
      ),
    ]);
    const asCoordinator =
      user.roles.includes('coordinator') && user.municipalityCode
        ? eb('inquiries.municipality_code', '=', user.municipalityCode)
        : sql<SqlBool>`false`;
    return eb.and([
      inUsersArea('inquiries.municipality_code', user),
      eb.or([asCoordinator, viaForum]),
    ]);
  };
}

/** The inquiry if the user may see it: its key, status, version and whether they are in its forum. */
export async function inquiryAccessRow(db: Kysely<DB>, user: CurrentUser, inquiryId: string) {
  return db
    .selectFrom('inquiries')
    .select((eb) => [
      'inquiries.id',
      'inquiries.municipality_code',
      'inquiries.status',
      'inquiries.version',
      eb
        .exists(
          eb
            .selectFrom('forum_members as fm')
            .select(sql`1`.as('one'))
            .whereRef('fm.forum_id', '=', 'inquiries.forum_id')
            .where('fm.user_id', '=', user.id),
        )
        .as('in_forum'),
    ])
    .where('inquiries.id', '=', inquiryId)
    .where(visibleInquiry(user))
    .executeTakeFirst();
}

/**
 * The undecided inquiries the user may see about the persons, one row per inquiry and person,
 * newest first.
 */
export async function openInquiryPersonRows(
  db: Kysely<DB>,
  user: CurrentUser,
  personIds: readonly string[],
) {
  return db
    .selectFrom('inquiry_persons as ip')
    .innerJoin('inquiries', (join) =>
      join
        .onRef('inquiries.id', '=', 'ip.inquiry_id')
        .onRef('inquiries.municipality_code', '=', 'ip.municipality_code'),
    )
    .select(['ip.person_id', 'inquiries.id', 'inquiries.reference', 'inquiries.municipality_code'])
    .where('ip.person_id', 'in', personIds)
    .where('inquiries.status', 'not in', ['decided', 'forwarded'])
    .where(visibleInquiry(user))
    .orderBy('inquiries.received_at', 'desc')
    .orderBy('inquiries.id')
    .execute();
}
