import { sql, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ConcernLevel } from '../../../shared/values.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CasesTable } from '../../platform/db/records-schema.ts';
import type { CaseKey } from '../../platform/context.ts';
import { updateCase } from './queries-case-edits.ts';
import { addCaseEvent } from './queries-chronology.ts';

/**
 * The `cases` table's writes that other modules need, owned here: a module never updates a case
 * row itself, it asks for one of these. Each runs in the caller's transaction, after the caller
 * has locked the case (`lockCase`). Writes the cases module does for itself (status, on hold,
 * classification) live beside the rest of its SQL.
 *
 * The tenant key (`municipality_code`, db/migrations/0015): inserts set it explicitly from the
 * case, updates and reads match it next to the case's id.
 */

/**
 * A case opened by an inquiry's decision (inquiries module): the case row, its persons, the
 * deciding coordinator and the forum's active members as members, and the chronology's first
 * event, "case opened" (by the user whose decision opened it, from the inquiry's reference).
 * Returns the case's id.
 */
export async function openCaseFromDecision(
  db: Transaction<DB>,
  input: {
    case: Insertable<CasesTable>;
    persons: { personId: string; role: string }[];
    coordinatorUserId: string;
    forumId: string | null;
    addedBy: string;
    /** The reference of the inquiry whose decision opens the case (e.g. H-2026-0001). */
    inquiryReference: string;
    /** The decision was taken before it was recorded: its day and why (the "opened" event). */
    backdate?: { happenedOn: string; reason: string };
  },
): Promise<string> {
  const municipality = input.case.municipality_code;
  const created = await db
    .insertInto('cases')
    .values(input.case)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.persons.length > 0) {
    await db
      .insertInto('case_persons')
      .values(
        input.persons.map((p) => ({
          case_id: created.id,
          municipality_code: municipality,
          person_id: p.personId,
          role: p.role,
        })),
      )
      .execute();
  }
  const decider = input.coordinatorUserId;
  await db
    .insertInto('case_members')
    .values({
      case_id: created.id,
      municipality_code: municipality,
      user_id: decider,
      role: 'coordinator',
      added_by: input.addedBy,
    })
    .execute();
  const forumId = input.forumId;
  if (forumId) {
    await db
      .insertInto('case_members')
      .columns(['case_id', 'municipality_code', 'user_id', 'role', 'added_by'])
      .expression((eb) =>
        eb
          .selectFrom('forum_members as fm')
          .innerJoin('users as u', 'u.id', 'fm.user_id')
          .select([
            sql<string>`${created.id}::uuid`.as('case_id'),
            sql<string>`${municipality}`.as('municipality_code'),
            'fm.user_id',
            sql<string>`'forum'`.as('role'),
            sql<string>`${input.addedBy}::uuid`.as('added_by'),
          ])
          .where('fm.forum_id', '=', forumId)
          .where('fm.user_id', '!=', decider)
          .where('u.disabled_at', 'is', null),
      )
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .execute();
  }
  await addCaseEvent(
    db,
    created.id,
    input.addedBy,
    'opened',
    { inquiry: { from: null, to: input.inquiryReference } },
    undefined,
    undefined,
    input.backdate,
  );
  return created.id;
}

/**
 * The professionals' latest concern level (from a finalised assessment or a follow-up). It is
 * not an edit of the case's own fields: the case's version stays.
 */
export async function setCaseConcernLevel(
  trx: Transaction<DB>,
  theCase: CaseKey,
  level: ConcernLevel,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ concern_level: level, updated_at: now })
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .execute();
}

/** An approved closure closes the case (and ends any time on hold); returns the new version. */
export async function markCaseClosed(
  trx: Transaction<DB>,
  theCase: CaseKey,
  now: Date,
): Promise<number> {
  const row = await updateCase(
    trx,
    theCase,
    { status: 'closed', closed_at: now, on_hold_reason: null, on_hold_until: null },
    now,
  )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** A re-review's outcome: reopened (active again) or back to closed after the review. */
export async function setCaseStatusAfterReview(
  trx: Transaction<DB>,
  theCase: CaseKey,
  next: 'active' | 'closed',
  now: Date,
): Promise<void> {
  await updateCase(
    trx,
    theCase,
    { status: next, ...(next === 'active' && { closed_at: null }) },
    now,
  ).execute();
}

/** A due re-review moves a closed case to under review; false when it is no longer closed. */
export async function moveClosedCaseToReview(
  trx: Transaction<DB>,
  theCase: CaseKey,
  now: Date,
): Promise<boolean> {
  const moved = await updateCase(trx, theCase, { status: 'under_review' }, now)
    .where('status', '=', 'closed')
    .returning('id')
    .executeTakeFirst();
  return moved !== undefined;
}

/**
 * A provider joins the case (case interventions): a member who sees only the interventions they
 * provide, under their first unit by name. Nothing changes for a user who is a member already;
 * true when they joined.
 */
export async function addInterventionProvider(
  trx: Transaction<DB>,
  theCase: CaseKey,
  userId: string,
  addedBy: string,
): Promise<boolean> {
  const member = await trx
    .selectFrom('case_members')
    .select('user_id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (member) return false;
  const unit = await trx
    .selectFrom('user_units as uu')
    .innerJoin('units as un', 'un.id', 'uu.unit_id')
    .select('uu.unit_id')
    .where('uu.user_id', '=', userId)
    .orderBy('un.name')
    .orderBy('uu.unit_id')
    .executeTakeFirst();
  await trx
    .insertInto('case_members')
    .values({
      case_id: theCase.caseId,
      municipality_code: theCase.municipalityCode,
      user_id: userId,
      role: 'member',
      scope: 'intervention',
      unit_id: unit?.unit_id ?? null,
      added_by: addedBy,
    })
    .execute();
  return true;
}

/** The earliest due date of the case's scheduled follow-ups (read of the follow-ups' table). */
const nextDue = sql<string | null>`(select min(f.due_on) from case_follow_ups f
  where f.case_id = cases.id and f.municipality_code = cases.municipality_code
    and f.status = 'scheduled')`;

/**
 * Keeps `cases.next_follow_up_due` (0030) exact: the follow-ups module calls it in the same
 * transaction after every write that may change the case's scheduled follow-ups (scheduled,
 * recorded, cancelled, replaced by a plan, cancelled by a closure). Like the concern level it is
 * not an edit of the case's own fields: the case's version and `updated_at` stay.
 */
export async function refreshNextFollowUp(trx: Transaction<DB>, theCase: CaseKey): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ next_follow_up_due: nextDue })
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .execute();
}

/**
 * The same for every case of a municipality at once, for data loaded straight into the tables
 * (demo data, benchmarks, test fixtures), never for a user's change.
 */
export async function refreshNextFollowUpsOfMunicipality(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<void> {
  await db
    .updateTable('cases')
    .set({ next_follow_up_due: nextDue })
    .where('municipality_code', '=', municipalityCode)
    .where(sql<SqlBool>`next_follow_up_due is distinct from ${nextDue}`)
    .execute();
}
