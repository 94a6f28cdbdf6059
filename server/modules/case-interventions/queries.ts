import { sql, type Kysely } from 'kysely';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import { personName } from '../cases/queries.ts';
import { PersonRoleSchema } from '../cases/schema.ts';
import { InterventionAgeGroupSchema, InterventionLevelSchema } from '../interventions/schema.ts';
import {
  InterventionFormSchema,
  InterventionStatusSchema,
  OfferKindSchema,
  OfferStatusSchema,
  type CaseIntervention,
  type CaseInterventions,
} from './schema.ts';
import { PROVIDER_ROLES } from './shared.ts';
import { participantsOf } from './queries-participants.ts';
import { listConsents } from './queries-consent-list.ts';
import { danishToday } from '../cases/chronology.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read and update here matches
 * the case's key next to its id (`CaseKey`, a `CaseAccess` is one).
 */

/**
 * A catalogue entry's name and legal basis: in `concern` (a compartment field, removed on the way
 * out for readers without the case's compartment) when the entry reveals the concern.
 */
function typeNames(name: string, legalBasis: string | null, revealsConcern: boolean) {
  return revealsConcern
    ? { name: null, legalBasis: null, concern: { name, legalBasis } }
    : { name, legalBasis, concern: null };
}

const offerType = (id: string, names: ReturnType<typeof typeNames>) => ({
  id,
  name: names.name,
  concern: names.concern,
});

/** The person a row names, with their role in the case (`other` when no longer in it). */
const casePersonOf = (row: {
  person_id: string;
  given_name: string;
  family_name: string;
  person_role: string | null;
}) => ({
  id: row.person_id,
  name: personName(row),
  role: PersonRoleSchema.parse(row.person_role ?? 'other'),
});

/** An intervention's participants; a row written without them (a fixture): its main person. */
function participantsOrMain<
  P extends { intervention_id: string } & Parameters<typeof casePersonOf>[0],
>(participants: P[], row: { id: string } & Parameters<typeof casePersonOf>[0]) {
  const taking = participants.filter((p) => p.intervention_id === row.id);
  return (taking.length > 0 ? taking : [row]).map(casePersonOf);
}

/**
 * The interventions tab of a case as the caller may see it. A member with the whole case sees
 * every intervention, the consents, the offers and what the forms need; a member whose scope is
 * limited to their interventions (e.g. a mentor) sees only the interventions they provide, with
 * their session notes, and nothing else. Returns the persons shown, for the audit entries.
 */
export async function loadCaseInterventions(
  db: Kysely<DB>,
  access: CaseAccess,
  userId: string,
): Promise<{ data: CaseInterventions; personsShown: string[] }> {
  const full = access.scope === 'full';
  let query = db
    .selectFrom('case_interventions as i')
    .innerJoin('intervention_types as t', 't.id', 'i.intervention_type_id')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.id', '=', 'i.person_id').onRef('p.municipality_code', '=', 'i.municipality_code'),
    )
    .leftJoin('case_persons as cp', (join) =>
      join
        .onRef('cp.person_id', '=', 'i.person_id')
        .onRef('cp.case_id', '=', 'i.case_id')
        .onRef('cp.municipality_code', '=', 'i.municipality_code'),
    )
    .leftJoin('users as u', 'u.id', 'i.provider_user_id')
    .leftJoin('case_consents as c', (j) =>
      j.onRef('c.id', '=', 'i.consent_id').onRef('c.municipality_code', '=', 'i.municipality_code'),
    )
    .select([
      'i.id',
      'i.version',
      'i.status',
      'i.form',
      'i.purpose',
      'i.starts_on',
      'i.ends_on',
      'i.end_reason',
      'i.backdate_reason',
      'i.backdate_note',
      'i.provider_user_id',
      'i.provider_name',
      'u.display_name as provider_display_name',
      't.id as type_id',
      't.name as type_name',
      't.level',
      't.legal_basis',
      't.consent_required',
      't.reveals_concern',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'cp.role as person_role',
      'c.id as consent_id',
      'c.given_on as consent_given_on',
      'c.withdrawn_on as consent_withdrawn_on',
    ])
    .where('i.case_id', '=', access.caseId)
    .where('i.municipality_code', '=', access.municipalityCode)
    .orderBy('i.created_at')
    .orderBy('i.id');
  if (!full) query = query.where('i.provider_user_id', '=', userId);
  const rows = await query.execute();

  const ids = rows.map((r) => r.id);
  const sessions =
    ids.length === 0
      ? []
      : await db
          .selectFrom('intervention_sessions as s')
          .innerJoin('users as a', 'a.id', 's.author_user_id')
          .select([
            's.id',
            's.intervention_id',
            's.held_on',
            's.note',
            's.created_at',
            's.backdate_reason',
            's.backdate_note',
            'a.display_name',
          ])
          .where('s.intervention_id', 'in', ids)
          .orderBy('s.held_on', 'desc')
          .orderBy('s.created_at', 'desc')
          .orderBy('s.id', 'desc')
          .execute();
  const participants = await participantsOf(db, access, ids);

  const interventions = rows.map((r): CaseIntervention => ({
    id: r.id,
    version: r.version,
    type: {
      id: r.type_id,
      ...typeNames(r.type_name, r.legal_basis, r.reveals_concern),
      level: InterventionLevelSchema.parse(r.level),
      consentRequired: r.consent_required,
    },
    person: casePersonOf(r),
    form: InterventionFormSchema.parse(r.form),
    participants: participantsOrMain(participants, r),
    provider:
      r.provider_user_id && r.provider_display_name !== null
        ? { userId: r.provider_user_id, name: r.provider_display_name }
        : null,
    providerName: r.provider_name,
    status: InterventionStatusSchema.parse(r.status),
    purpose: r.purpose,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    endReason: r.end_reason,
    backdateReason: BackdateReasonSchema.nullable().parse(r.backdate_reason),
    backdateNote: r.backdate_note,
    consent:
      r.consent_id && r.consent_given_on
        ? {
            id: r.consent_id,
            givenOn: r.consent_given_on,
            withdrawnOn: r.consent_withdrawn_on,
          }
        : null,
    sessions: sessions
      .filter((s) => s.intervention_id === r.id)
      .map((s) => ({
        id: s.id,
        heldOn: s.held_on,
        note: s.note,
        authorName: s.display_name,
        createdAt: s.created_at.toISOString(),
        backdateReason: BackdateReasonSchema.nullable().parse(s.backdate_reason),
        backdateNote: s.backdate_note,
      })),
  }));

  if (!full) {
    return {
      data: {
        id: access.caseId,
        interventions,
        consents: [],
        offers: [],
        catalogue: [],
        providers: [],
      },
      personsShown: [...new Set([...rows, ...participants].map((r) => r.person_id))].sort(),
    };
  }

  const consents = await listConsents(db, access, danishToday(new Date()));

  const offers = await db
    .selectFrom('case_offers as o')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.id', '=', 'o.person_id').onRef('p.municipality_code', '=', 'o.municipality_code'),
    )
    .leftJoin('case_persons as cp', (join) =>
      join
        .onRef('cp.person_id', '=', 'o.person_id')
        .onRef('cp.case_id', '=', 'o.case_id')
        .onRef('cp.municipality_code', '=', 'o.municipality_code'),
    )
    .leftJoin('intervention_types as t', 't.id', 'o.intervention_type_id')
    .select([
      'o.id',
      'o.version',
      'o.kind',
      'o.round',
      'o.first_offer_id',
      'o.status',
      'o.due_on',
      'o.offered_on',
      'o.answered_on',
      'o.note',
      't.id as type_id',
      't.name as type_name',
      't.legal_basis',
      't.reveals_concern',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'cp.role as person_role',
    ])
    .where('o.case_id', '=', access.caseId)
    .where('o.municipality_code', '=', access.municipalityCode)
    .orderBy('o.created_at')
    .orderBy('o.round')
    .orderBy('o.id')
    .execute();
  // Each first offer followed by its renewals, oldest first.
  const order = new Map<string, number>();
  for (const o of offers) if (o.round === 1) order.set(o.id, order.size);
  const position = (o: { id: string; first_offer_id: string | null }) =>
    order.get(o.first_offer_id ?? o.id) ?? 0;
  offers.sort((a, b) => position(a) - position(b) || a.round - b.round);

  // Only what the reader may choose: without the compartment, no entry that reveals the concern.
  const catalogue = await db
    .selectFrom('intervention_types')
    .select([
      'id',
      'name',
      'level',
      'age_group',
      'legal_basis',
      'consent_required',
      'reveals_concern',
    ])
    .where('municipality_code', '=', access.municipalityCode)
    .where('active', '=', true)
    .$if(!access.compartment, (qb) => qb.where('reveals_concern', '=', false))
    .orderBy('name')
    .orderBy('id')
    .execute();

  const providers = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('municipality_code', '=', access.municipalityCode)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles && ${sql.val([...PROVIDER_ROLES])}::text[]`)
    .orderBy('display_name')
    .orderBy('id')
    .execute();

  return {
    data: {
      id: access.caseId,
      interventions,
      consents,
      offers: offers.map((o) => ({
        id: o.id,
        version: o.version,
        person: casePersonOf(o),
        kind: OfferKindSchema.parse(o.kind),
        interventionType:
          o.type_id && o.type_name !== null
            ? offerType(
                o.type_id,
                typeNames(o.type_name, o.legal_basis, o.reveals_concern === true),
              )
            : null,
        round: o.round,
        firstOfferId: o.first_offer_id,
        status: OfferStatusSchema.parse(o.status),
        dueOn: o.due_on,
        offeredOn: o.offered_on,
        answeredOn: o.answered_on,
        note: o.note,
      })),
      catalogue: catalogue.map((c) => ({
        id: c.id,
        ...typeNames(c.name, c.legal_basis, c.reveals_concern),
        level: InterventionLevelSchema.parse(c.level),
        ageGroup: InterventionAgeGroupSchema.parse(c.age_group),
        consentRequired: c.consent_required,
      })),
      providers: providers.map((p) => ({ id: p.id, displayName: p.display_name })),
    },
    personsShown: [],
  };
}
