import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../platform/db/schema.ts';
import { allowCompartment } from './compartment.ts';
import { handlesPersonalData, inUsersArea } from './records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Need-to-know for concern inquiries: an inquiry is visible to
 *  - the coordinators of its municipality (they receive, triage and decide every inquiry), and
 *  - the members of the forum handling it, while it is being assessed (until decided).
 * Nobody else — not the colleague who recorded it (they get a receipt), not caseworkers, not
 * administrators — and they get 404, as for an id that does not exist. Everyone who may see an
 * inquiry may see its compartment (signs, observation, contributions, classification).
 */
export interface InquiryAccess {
  inquiryId: string;
  municipalityCode: string;
  /** A coordinator of the inquiry's municipality. */
  coordinator: boolean;
  /** A member of the forum handling it (during assessment). */
  forum: boolean;
  status: string;
  version: number;
  unitId: string | null;
}

const isCoordinator = (user: CurrentUser) => user.roles.includes('coordinator');

/** SQL condition on `inquiries`: the user may see this inquiry. Use it in every list and count. */
export function visibleInquiry(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'inquiries'>): Expression<SqlBool> => {
    if (!handlesPersonalData(user)) return sql<SqlBool>`false`;
    const viaForum = eb.and([
      eb('inquiries.status', '!=', 'decided'),
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
      isCoordinator(user) && user.municipalityCode
        ? eb('inquiries.municipality_code', '=', user.municipalityCode)
        : sql<SqlBool>`false`;
    return eb.and([
      inUsersArea('inquiries.municipality_code', user),
      eb.or([asCoordinator, viaForum]),
    ]);
  };
}

/** One round trip: the user's access to an inquiry, or undefined (answer 404). */
export async function findInquiryAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  inquiryId: string,
): Promise<InquiryAccess | undefined> {
  if (!handlesPersonalData(user)) return undefined;
  const row = await db
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
  if (!row) return undefined;
  return {
    inquiryId: row.id,
    municipalityCode: row.municipality_code,
    coordinator: isCoordinator(user) && user.municipalityCode === row.municipality_code,
    forum: Boolean(row.in_forum) && row.status !== 'decided',
    status: row.status,
    version: row.version,
    unitId: user.unitIds[0] ?? null,
  };
}

/** Tells the presenter this request may show the inquiry's compartment. */
export function grantInquiryAccess(request: FastifyRequest, access: InquiryAccess) {
  allowCompartment(request, 'inquiry', access.inquiryId);
}
