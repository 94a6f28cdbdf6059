import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DataCategory, OrganisationKind, SharingUse } from '../../../shared/sharing.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of the one covering check for consent (exported by consent-cover.ts) (docs/CONSENT.md): whether a consent recorded on the case
 * covers a sharing or a counselling on a given day. Other modules call `findCoveringConsent`
 * (a partner's access on the consent basis, a disclosure recorded on the consent basis); the
 * interventions that need consent (serviceloven § 12 b) use the same records through it and
 * through `consentValidOn` in their own statements.
 *
 * Valid on a day `on`: not withdrawn on or before it (a withdrawal has immediate effect: on the
 * withdrawal day the consent no longer covers anything), valid from on or before it, valid to
 * (the last valid day) on or after it or open-ended, and — in writing — its form came back
 * signed on or before it (an oral consent is given when recorded, before its witness).
 */

/** The validity conditions on `case_consents` under `alias`, on the day `on` (a date). */
export function consentValidOn(
  alias: string,
  on: string | RawBuilder<unknown>,
): RawBuilder<boolean> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  const day = typeof on === 'string' ? sql`${on}::date` : on;
  return sql<boolean>`(${c('withdrawn_on')} is null or ${c('withdrawn_on')} > ${day})
    and ${c('valid_from')} <= ${day}
    and (${c('valid_to')} is null or ${c('valid_to')} >= ${day})
    and (${c('method')} = 'oral' or (${c('signed_on')} is not null and ${c('signed_on')} <= ${day}))`;
}

export interface CoverQuestion {
  municipalityCode: string;
  caseId: string;
  /** The consent the caller names (e.g. the one a partner's access relies on). */
  consentId?: string;
  /** The person the consent is about (an intervention's person). */
  personId?: string;
  /** Or any of these persons (a disclosure's persons): the consent must be one of theirs. */
  personIds?: string[];
  /** The recipient: covered when the consent names the organisation or its kind. */
  organisationId?: string;
  organisationKind?: OrganisationKind;
  categories?: DataCategory[];
  use?: SharingUse;
  /** The day, yyyy-mm-dd. */
  on: string;
}

/**
 * A consent on the case that covers the question on its day: valid (above), covering the use,
 * all the categories, and the organisation by id or by kind (when a recipient is given). The
 * newest such consent, or null. A consent recorded before 0038 has no categories and no
 * recipients: it covers counselling only, as it did.
 */
export async function findCoveringConsent(
  db: Kysely<DB> | Transaction<DB>,
  q: CoverQuestion,
): Promise<{ id: string; validTo: string | null } | null> {
  let query = db
    .selectFrom('case_consents as c')
    .select(['c.id', 'c.valid_to'])
    .where('c.case_id', '=', q.caseId)
    .where('c.municipality_code', '=', q.municipalityCode)
    .where(consentValidOn('c', q.on));
  if (q.consentId !== undefined) query = query.where('c.id', '=', q.consentId);
  if (q.personId !== undefined) query = query.where('c.person_id', '=', q.personId);
  if (q.personIds !== undefined) {
    query =
      q.personIds.length > 0
        ? query.where('c.person_id', 'in', q.personIds)
        : query.where(sql<boolean>`false`);
  }
  if (q.use !== undefined) query = query.where(sql<boolean>`${q.use} = any (c.uses)`);
  if (q.categories !== undefined && q.categories.length > 0) {
    query = query.where(sql<boolean>`c.categories @> ${sql.val(q.categories)}::text[]`);
  }
  const byId = q.organisationId;
  const byKind = q.organisationKind;
  if (byId !== undefined || byKind !== undefined) {
    query = query.where((eb) =>
      eb.or([
        ...(byId !== undefined ? [sql<boolean>`${byId}::uuid = any (c.organisation_ids)`] : []),
        ...(byKind !== undefined ? [sql<boolean>`${byKind} = any (c.organisation_kinds)`] : []),
      ]),
    );
  }
  const row = await query
    .orderBy('c.given_on', 'desc')
    .orderBy('c.recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, validTo: row.valid_to } : null;
}

/** One question of a batch (`findCoveringConsents`): a named consent for a standing access. */
export interface NamedCoverQuestion {
  /** The caller's key for the question (e.g. the partner access' id), returned when covered. */
  key: string;
  municipalityCode: string;
  caseId: string;
  consentId: string;
  personId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  categories: DataCategory[];
  use: SharingUse;
}

/**
 * The same covering check as `findCoveringConsent` for many named consents at once, in one
 * statement (a list of partner accesses): the keys of the questions whose consent covers on `on`.
 */
export async function findCoveringConsents(
  db: Kysely<DB> | Transaction<DB>,
  questions: readonly NamedCoverQuestion[],
  on: string,
): Promise<Set<string>> {
  if (questions.length === 0) return new Set();
  const values = sql.join(
    questions.map(
      (q) =>
        sql`(${q.key}::text, ${q.municipalityCode}::text, ${q.caseId}::uuid, ${q.consentId}::uuid,
          ${q.personId}::uuid, ${q.organisationId}::uuid, ${q.organisationKind}::text,
          ${sql.val(q.categories)}::text[], ${q.use}::text)`,
    ),
  );
  const result = await sql<{ key: string }>`
    select q.key
    from (values ${values}) as q (key, municipality_code, case_id, consent_id, person_id,
      organisation_id, organisation_kind, categories, use)
    join case_consents c
      on c.id = q.consent_id and c.case_id = q.case_id
      and c.municipality_code = q.municipality_code and c.person_id = q.person_id
    where ${consentValidOn('c', on)}
      and q.use = any (c.uses)
      and c.categories @> q.categories
      and (q.organisation_id = any (c.organisation_ids) or q.organisation_kind = any (c.organisation_kinds))
  `.execute(db);
  return new Set(result.rows.map((r) => r.key));
}
