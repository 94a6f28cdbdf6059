import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseKey } from '../../platform/context.ts';
import { recipientColumns } from '../notifications/service.ts';
import { worksIn } from '../../access/queries-records.ts';

/*
 * Who may open a case (service.ts): its members, and break-the-glass grants. The tenant key
 * (`municipality_code`, db/migrations/0015): memberships and grants are written with the case's
 * key and read and deleted matching it.
 */

/** An active user who works in the municipality or its police district; undefined otherwise. */
export async function activeUserOfArea(
  trx: Transaction<DB>,
  municipalityCode: string,
  userId: string,
) {
  return trx
    .selectFrom('users as u')
    .select(['u.id', 'u.roles', 'u.display_name'])
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .where(worksIn('u', municipalityCode))
    .executeTakeFirst();
}

/** Adds a member to the case; false when the user is a member already (nothing changes). */
export async function insertMember(
  trx: Transaction<DB>,
  theCase: CaseKey,
  member: {
    userId: string;
    role: string;
    scope: string;
    unitId: string | null | undefined;
    addedBy: string;
  },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('case_members')
    .values({
      case_id: theCase.caseId,
      municipality_code: theCase.municipalityCode,
      user_id: member.userId,
      role: member.role,
      scope: member.scope,
      unit_id: member.unitId,
      added_by: member.addedBy,
    })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes the user from the case; the role they had, or undefined when not a member. */
export async function deleteMember(trx: Transaction<DB>, theCase: CaseKey, userId: string) {
  return trx
    .deleteFrom('case_members')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('user_id', '=', userId)
    .returning('role')
    .executeTakeFirst();
}

/** How many coordinators the case has. */
export async function coordinatorCount(trx: Transaction<DB>, theCase: CaseKey): Promise<number> {
  const coordinators = await trx
    .selectFrom('case_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('role', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  return Number(coordinators.n);
}

/** A user's display name (for the chronology); throws when there is no such user. */
export async function userDisplayName(trx: Transaction<DB>, userId: string): Promise<string> {
  const member = await trx
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return member.display_name;
}

/** The municipality's case with this reference and the user's role in it (null: not a member). */
export async function caseByReference(
  trx: Transaction<DB>,
  municipalityCode: string,
  reference: string,
  userId: string,
) {
  return trx
    .selectFrom('cases')
    .leftJoin('case_members as m', (join) =>
      join
        .onRef('m.case_id', '=', 'cases.id')
        .onRef('m.municipality_code', '=', 'cases.municipality_code')
        .on('m.user_id', '=', userId),
    )
    .select(['cases.id', 'm.role'])
    .where('cases.municipality_code', '=', municipalityCode)
    .where('cases.reference', '=', reference)
    .executeTakeFirst();
}

/** A break-the-glass grant to the case for `minutes` from now; its id and expiry. */
export async function insertBreakGlassGrant(
  trx: Transaction<DB>,
  theCase: CaseKey,
  grant: { userId: string; reason: string; minutes: number },
) {
  return trx
    .insertInto('access_grants')
    .values({
      user_id: grant.userId,
      case_id: theCase.caseId,
      municipality_code: theCase.municipalityCode,
      reason: grant.reason,
      expires_at: sql<Date>`now() + make_interval(mins => ${grant.minutes})`,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/**
 * The recipients (for `notifyFrom`) of a break-the-glass notice: every other active coordinator
 * of the municipality.
 */
export function breakGlassRecipients(
  trx: Transaction<DB>,
  theCase: CaseKey,
  grant: { actorUserId: string; grantId: string },
) {
  return trx
    .selectFrom('users')
    .select([
      'users.id as user_id',
      ...recipientColumns({
        kind: 'break_glass',
        caseId: theCase.caseId,
        details: { actorUserId: grant.actorUserId, grantId: grant.grantId },
      }),
    ])
    .where('users.municipality_code', '=', theCase.municipalityCode)
    .where(sql<boolean>`'coordinator' = any(users.roles)`)
    .where('users.disabled_at', 'is', null)
    .where('users.id', '!=', grant.actorUserId);
}
