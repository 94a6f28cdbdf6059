import { sql, type Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { consentValidOn } from './consent-cover.ts';

/*
 * The SQL of resuming a case's waiting interventions (resuming.ts). The tenant key
 * (`municipality_code`, db/migrations/0015): every read and update matches the case's key next
 * to its id.
 */

/**
 * The case's interventions that wait (planned or paused), locked, each with the consent it may
 * start on: for a type that needs consent, the person's newest valid consent (not withdrawn)
 * given on or before the day it would start (a paused one: `today`; a planned one: its start
 * date, else `today`); null when there is none.
 */
export async function lockWaitingInterventions(
  trx: Transaction<DB>,
  theCase: CaseKey,
  today: string,
) {
  return trx
    .selectFrom('case_interventions as i')
    .innerJoin('intervention_types as t', 't.id', 'i.intervention_type_id')
    .select((eb) => [
      'i.id',
      'i.status',
      'i.starts_on',
      't.consent_required',
      eb
        .selectFrom('case_consents as c')
        .select('c.id')
        .whereRef('c.case_id', '=', 'i.case_id')
        .whereRef('c.municipality_code', '=', 'i.municipality_code')
        .whereRef('c.person_id', '=', 'i.person_id')
        .where(sql<boolean>`'counselling' = any (c.uses)`)
        .where(
          consentValidOn(
            'c',
            sql`(case when i.status = 'paused' then ${today}::date else coalesce(i.starts_on, ${today}::date) end)`,
          ),
        )
        .orderBy('c.given_on', 'desc')
        .orderBy('c.recorded_at', 'desc')
        .limit(1)
        .as('valid_consent_id'),
    ])
    .where('i.case_id', '=', theCase.caseId)
    .where('i.municipality_code', '=', theCase.municipalityCode)
    .where('i.status', 'in', ['planned', 'paused'])
    .orderBy('i.id')
    .forUpdate('i')
    .execute();
}

/**
 * Resumes (paused) or starts (planned) the given interventions in one statement: active, a
 * planned one's start date `today` unless it has one, and the consent it starts on where its
 * type needs one. Returns each row's new version and start date.
 */
export async function startWaitingRows(
  trx: Transaction<DB>,
  theCase: CaseKey,
  rows: { id: string; consentId: string | null }[],
  today: string,
  now: Date,
) {
  if (rows.length === 0) return [];
  const withConsent = rows.filter((r) => r.consentId !== null);
  return trx
    .updateTable('case_interventions')
    .set((eb) => ({
      status: 'active',
      starts_on: sql<string>`coalesce(${eb.ref('starts_on')}, ${today}::date)`,
      consent_id:
        withConsent.length === 0
          ? eb.ref('consent_id')
          : sql<string>`case ${sql.join(
              withConsent.map(
                (r) => sql`when ${eb.ref('id')} = ${r.id}::uuid then ${r.consentId}::uuid`,
              ),
              sql` `,
            )} else ${eb.ref('consent_id')} end`,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', 'in', ['planned', 'paused'])
    .returning(['id', 'version', 'starts_on'])
    .execute();
}
