import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseKey } from '../../platform/context.ts';

/**
 * The partners module's SQL (db/migrations/0037) on the invitations into one case (partner users:
 * queries-partner-users.ts). Every statement names the tenant key next to the case's id.
 */
type Db = Kysely<DB> | Transaction<DB>;

// ── Invitations ─────────────────────────────────────────────────────────────────────────

export interface NewAccess {
  id: string;
  caseId: string;
  municipalityCode: string;
  partnerUserId: string;
  organisationId: string;
  parts: string[];
  goalKeys: string[];
  interventionIds: string[];
  legalBasis: string;
  purpose: string;
  consentId: string | null;
  endsOn: string;
  invitedBy: string;
}

/** Stores an invitation; false when the id is taken already. */
export async function insertAccess(trx: Transaction<DB>, a: NewAccess): Promise<boolean> {
  const row = await trx
    .insertInto('case_partner_access')
    .values({
      id: a.id,
      case_id: a.caseId,
      municipality_code: a.municipalityCode,
      partner_user_id: a.partnerUserId,
      organisation_id: a.organisationId,
      parts: a.parts,
      goal_keys: a.goalKeys,
      intervention_ids: a.interventionIds,
      legal_basis: a.legalBasis,
      purpose: a.purpose,
      consent_id: a.consentId,
      ends_on: a.endsOn,
      invited_by: a.invitedBy,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

function accessQuery(db: Db) {
  return db
    .selectFrom('case_partner_access as a')
    .innerJoin('partner_organisations as o', (j) =>
      j
        .onRef('o.id', '=', 'a.organisation_id')
        .onRef('o.municipality_code', '=', 'a.municipality_code'),
    )
    .innerJoin('cases as c', (j) =>
      j.onRef('c.id', '=', 'a.case_id').onRef('c.municipality_code', '=', 'a.municipality_code'),
    )
    .innerJoin('users as p', 'p.id', 'a.partner_user_id')
    .innerJoin('users as i', 'i.id', 'a.invited_by')
    .select([
      'c.reference',
      'c.status as case_status',
      'o.active as organisation_active',
      'a.id',
      'a.case_id',
      'a.municipality_code',
      'a.partner_user_id',
      'a.organisation_id',
      'a.parts',
      'a.goal_keys',
      'a.intervention_ids',
      'a.legal_basis',
      'a.purpose',
      'a.consent_id',
      'a.ends_on',
      'a.ended_on',
      'a.end_reason',
      'a.created_at',
      'a.version',
      'a.invited_by',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'p.display_name as partner_name',
      'p.email as partner_email',
      sql<boolean>`p.password_hash is not null`.as('partner_activated'),
      'i.display_name as inviter_name',
      // The data subject: the case's citizen, whose consent a consent basis needs.
      (eb) =>
        eb
          .selectFrom('case_persons as cp')
          .select('cp.person_id')
          .whereRef('cp.case_id', '=', 'a.case_id')
          .whereRef('cp.municipality_code', '=', 'a.municipality_code')
          .where('cp.role', '=', 'citizen')
          .limit(1)
          .as('citizen_id'),
    ]);
}
export type AccessRow = Awaited<ReturnType<typeof accessRows>>[number];

/** The case's invitations, newest first. */
export async function accessRows(db: Db, key: CaseKey) {
  return accessQuery(db)
    .where('a.municipality_code', '=', key.municipalityCode)
    .where('a.case_id', '=', key.caseId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
}

export async function accessRow(db: Db, key: CaseKey, id: string) {
  return accessQuery(db)
    .where('a.municipality_code', '=', key.municipalityCode)
    .where('a.case_id', '=', key.caseId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** An invitation by its id alone, in the municipality (the idempotent create's look-up). */
export async function accessHome(db: Db, id: string) {
  return db
    .selectFrom('case_partner_access')
    .select(['case_id', 'municipality_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether the partner user has a live invitation into the case (not ended, not past its end). */
export async function hasLiveAccess(db: Db, key: CaseKey, partnerUserId: string, today: string) {
  const row = await db
    .selectFrom('case_partner_access')
    .select('id')
    .where('municipality_code', '=', key.municipalityCode)
    .where('case_id', '=', key.caseId)
    .where('partner_user_id', '=', partnerUserId)
    .where('ended_on', 'is', null)
    .where('ends_on', '>=', today)
    .executeTakeFirst();
  return row !== undefined;
}

/** Changes an invitation if it is still at `version`; the new version, or undefined. */
export async function updateAccess(
  trx: Transaction<DB>,
  key: CaseKey,
  id: string,
  version: number,
  values: {
    parts?: string[];
    goal_keys?: string[];
    intervention_ids?: string[];
    ends_on?: string;
    ended_on?: string;
    end_reason?: string;
  },
): Promise<number | undefined> {
  const row = await trx
    .updateTable('case_partner_access')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('municipality_code', '=', key.municipalityCode)
    .where('case_id', '=', key.caseId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

// ── The partner's own view ─────────────────────────────────────────────────────────────

/**
 * The partner's live invitations (not ended, not past their end on `today`, on a case that is
 * not closed, from an organisation still active), one per case: the partner's whole reach. The
 * municipality is the invitation's own. `caseId` narrows it to one case (the single-case read).
 */
export async function liveAccessRows(
  db: Db,
  partnerUserId: string,
  today: string,
  caseId?: string,
) {
  let query = accessQuery(db)
    .where('a.partner_user_id', '=', partnerUserId)
    .where('a.ended_on', 'is', null)
    .where('a.ends_on', '>=', today)
    .where('c.status', '<>', 'closed')
    .where('o.active', '=', true);
  if (caseId !== undefined) query = query.where('a.case_id', '=', caseId);
  return query.orderBy('a.ends_on').orderBy('a.id').limit(500).execute();
}

// ── What the partner sees of the case, and the invitation form's choices ─────────────────

export async function caseFacts(db: Db, key: CaseKey) {
  return db
    .selectFrom('cases')
    .select(['reference', 'status'])
    .where('municipality_code', '=', key.municipalityCode)
    .where('id', '=', key.caseId)
    .executeTakeFirst();
}

/** The case's first coordinator (by when they joined), with their e-mail. */
export async function caseCoordinator(db: Db, key: CaseKey) {
  return db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.display_name', 'u.email'])
    .where('m.municipality_code', '=', key.municipalityCode)
    .where('m.case_id', '=', key.caseId)
    .where('m.role', '=', 'coordinator')
    .orderBy('m.added_at')
    .limit(1)
    .executeTakeFirst();
}

/** The case's citizen: name and birth date, and the id for the audit entry. */
export async function caseCitizen(db: Db, key: CaseKey) {
  return db
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', (j) =>
      j
        .onRef('p.id', '=', 'cp.person_id')
        .onRef('p.municipality_code', '=', 'cp.municipality_code'),
    )
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('cp.municipality_code', '=', key.municipalityCode)
    .where('cp.case_id', '=', key.caseId)
    .where('cp.role', '=', 'citizen')
    .executeTakeFirst();
}

/** The goals of the case's current (latest approved) plan. */
export async function currentPlanGoals(db: Db, key: CaseKey) {
  const row = await db
    .selectFrom('case_plans')
    .select('goals')
    .where('municipality_code', '=', key.municipalityCode)
    .where('case_id', '=', key.caseId)
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row?.goals ?? []) as unknown as {
    key: string;
    text: string;
    targetDate: string | null;
    status: string;
  }[];
}

/** The case's interventions; the catalogue name is left out for an entry revealing the concern. */
export async function caseInterventions(db: Db, key: CaseKey) {
  return db
    .selectFrom('case_interventions as ci')
    .innerJoin('intervention_types as t', 't.id', 'ci.intervention_type_id')
    .select([
      'ci.id',
      'ci.status',
      'ci.starts_on',
      'ci.ends_on',
      sql<string | null>`case when t.reveals_concern then null else t.name end`.as('name'),
    ])
    .where('ci.municipality_code', '=', key.municipalityCode)
    .where('ci.case_id', '=', key.caseId)
    .orderBy('ci.created_at')
    .execute();
}

/** The case's consents that are not withdrawn (the invitation form's consent picker). */
export async function caseLiveConsents(db: Db, key: CaseKey) {
  return db
    .selectFrom('case_consents')
    .select(['id', 'given_on', 'purpose'])
    .where('municipality_code', '=', key.municipalityCode)
    .where('case_id', '=', key.caseId)
    .where('withdrawn_on', 'is', null)
    .orderBy('given_on', 'desc')
    .execute();
}

/** The partner's own contributions to the case (chronology events), newest first. */
export async function ownContributions(db: Db, key: CaseKey, userId: string) {
  return db
    .selectFrom('case_events')
    .select(['id', 'occurred_at', 'note_text'])
    .where('municipality_code', '=', key.municipalityCode)
    .where('case_id', '=', key.caseId)
    .where('kind', '=', 'partner_contribution')
    .where('actor_user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

// ── The expiry job ──────────────────────────────────────────────────────────────────────

/** Invitations past their end on `today` whose expiry is not yet in the chronology, claimed. */
export async function claimExpired(trx: Transaction<DB>, today: string, limit: number) {
  return trx
    .selectFrom('case_partner_access')
    .select(['id', 'case_id', 'municipality_code', 'partner_user_id', 'organisation_id', 'ends_on'])
    .where('ends_on', '<', today)
    .where('ended_on', 'is', null)
    .where('expiry_recorded_at', 'is', null)
    .orderBy('ends_on')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markExpiryRecorded(trx: Transaction<DB>, ids: string[], now: Date) {
  await trx
    .updateTable('case_partner_access')
    .set({ expiry_recorded_at: now })
    .where('id', 'in', ids)
    .execute();
}
