import type { ExpressionBuilder, Kysely } from 'kysely';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import {
  OPEN_INQUIRY_STATUSES as OPEN,
  type AuthorityArea,
  type Environment,
  type ExtremismForm,
} from '../../../shared/values.ts';
import type { DB } from '../../platform/db/schema.ts';
import { decryptField } from '../../platform/crypto.ts';
import { maskCpr } from '../persons/cpr.ts';
import { cprContext } from '../persons/queries.ts';
import { findSigns, selectInquiry, selectInquiryPersons } from './queries.ts';
import type { InquiryDetail } from './schema-detail.ts';
import { CONCERN_SIGNS, type ConcernSign } from './signs.ts';

/**
 * The full read of one inquiry: the row, its persons, signs, contributions and decisions. Every
 * row is matched by the inquiry's id and its municipality (the tenant key, db/migrations/0015),
 * so a row of another municipality is never read through an inquiry id alone.
 */
type Db = Kysely<DB>;
type InquiryPersonsDb = DB & { ip: DB['inquiry_persons'] };

/** An inquiry as its rows are found: its id and municipality (an `InquiryAccess` is one). */
export interface InquiryKey {
  inquiryId: string;
  municipalityCode: string;
}

export type InquiryRow = NonNullable<Awaited<ReturnType<typeof findInquiryRow>>>;

export async function findInquiryRow(db: Db, key: InquiryKey) {
  return selectInquiry(db, key)
    .leftJoin('forums', 'forums.id', 'inquiries.forum_id')
    .leftJoin('housing_areas as ha', 'ha.id', 'inquiries.housing_area_id')
    .innerJoin('users as recorder', 'recorder.id', 'inquiries.created_by')
    .leftJoin('units as ru', 'ru.id', 'inquiries.recorded_unit_id')
    .selectAll('inquiries')
    .select([
      'forums.name as forum_name',
      'ha.name as housing_area_name',
      'recorder.display_name as recorder_name',
      'ru.name as recorded_unit_name',
    ])
    .executeTakeFirst();
}

/** The inquiry as stored; the route adds what depends on the caller (abilities, who may open whom). */
type LoadedInquiry = Omit<
  InquiryDetail,
  'abilities' | 'fourEyes' | 'now' | 'persons' | 'childReport' | 'immediateHelpNote'
> & {
  persons: Omit<InquiryDetail['persons'][number], 'mayOpen'>[];
};

/**
 * Everything of one inquiry but its abilities: five round trips (inquiry, persons, signs,
 * contributions, decisions), whatever their number.
 */
export async function loadInquiry(
  db: Db,
  secretKey: Buffer,
  key: InquiryKey,
  now: Date,
): Promise<
  | {
      detail: LoadedInquiry;
      /** Who made the decision waiting for approval (four-eyes: they may not approve it). */
      pendingDecidedBy: string | null;
    }
  | undefined
> {
  const row = await findInquiryRow(db, key);
  if (!row) return undefined;
  const { inquiryId: id, municipalityCode } = key;
  const persons = await inquiryPersons(db, key);
  const signs = await findSigns(db, key);
  const contributions = await db
    .selectFrom('inquiry_contributions as c')
    .innerJoin('users as u', 'u.id', 'c.author_user_id')
    .leftJoin('units', 'units.id', 'c.unit_id')
    .select([
      'c.id',
      'c.legal_basis',
      'c.body',
      'c.created_at',
      'u.display_name',
      'units.name as unit_name',
    ])
    .where('c.inquiry_id', '=', id)
    .where('c.municipality_code', '=', municipalityCode)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const decisions = await db
    .selectFrom('inquiry_decisions as d')
    .innerJoin('users as by', 'by.id', 'd.decided_by')
    .leftJoin('users as rv', 'rv.id', 'd.reviewed_by')
    .leftJoin('units', 'units.id', 'd.referred_unit_id')
    .leftJoin('cases', (join) =>
      join
        .onRef('cases.id', '=', 'd.case_id')
        .onRef('cases.municipality_code', '=', 'd.municipality_code'),
    )
    .selectAll('d')
    .select([
      'by.display_name as decided_by_name',
      'rv.display_name as reviewed_by_name',
      'units.name as referred_unit_name',
      'cases.reference as case_reference',
    ])
    .where('d.inquiry_id', '=', id)
    .where('d.municipality_code', '=', municipalityCode)
    .orderBy('d.decided_at')
    .execute();
  const open = OPEN.includes(row.status as (typeof OPEN)[number]);
  const pendingDecidedBy = decisions.find((d) => d.status === 'pending')?.decided_by ?? null;
  const detail: LoadedInquiry = {
    id: row.id,
    reference: row.reference,
    status: row.status as InquiryDetail['status'],
    version: row.version,
    source: row.source as InquiryDetail['source'],
    sourceOther: row.source_other,
    channel: row.channel as InquiryDetail['channel'],
    reporter: {
      anonymous: row.reporter_anonymous,
      name: row.reporter_name,
      contact: row.reporter_contact,
    },
    receivedAt: row.received_at.toISOString(),
    registeredAt: row.created_at.toISOString(),
    backdateReason: BackdateReasonSchema.nullable().parse(row.backdate_reason),
    backdateNote: row.backdate_note,
    subjectKind: row.subject_kind as InquiryDetail['subjectKind'],
    groupDescription: row.group_description,
    immediateDanger: row.immediate_danger,
    urgent: row.urgent,
    seriousness: (row.seriousness ?? null) as InquiryDetail['seriousness'],
    deadlineAt: row.deadline_at.toISOString(),
    overdue: open && row.deadline_at <= now,
    forum: row.forum_id && row.forum_name ? { id: row.forum_id, name: row.forum_name } : null,
    housingArea: row.housing_area_name
      ? { name: row.housing_area_name, tool: row.identification_tool as '4a' | '4b' | null }
      : null,
    recordedBy: row.recorder_name,
    recordedUnitName: row.recorded_unit_name,
    persons: persons.map((p) => ({
      id: p.id,
      name: `${p.given_name} ${p.family_name}`,
      birthDate: p.birth_date,
      cprMasked: p.cpr_enc ? maskCpr(decryptField(secretKey, p.cpr_enc, cprContext(p.id))) : null,
      relationToFirst: (p.relation ?? null) as InquiryDetail['persons'][number]['relationToFirst'],
    })),
    observation: row.observation,
    signs: signs.map((s) => ({
      code: s.code as ConcernSign,
      tier: CONCERN_SIGNS[s.code as ConcernSign],
      note: s.note,
    })),
    contributions: contributions.map((c) => ({
      id: c.id,
      authorName: c.display_name,
      unitName: c.unit_name,
      legalBasis: c.legal_basis as NonNullable<
        InquiryDetail['contributions']
      >[number]['legalBasis'],
      body: c.body,
      createdAt: c.created_at.toISOString(),
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      outcome: d.outcome as NonNullable<InquiryDetail['decisions']>[number]['outcome'],
      reason: d.reason,
      status: d.status as NonNullable<InquiryDetail['decisions']>[number]['status'],
      referredUnitName: d.referred_unit_name,
      passedOn: d.passed_on,
      policeHandedAt: d.police_handed_at?.toISOString() ?? null,
      policeRecipient: d.police_recipient,
      municipalityKeeps: d.municipality_keeps,
      ageGroup: d.age_group as NonNullable<InquiryDetail['decisions']>[number]['ageGroup'],
      classification: {
        extremismForm: (d.extremism_form ?? null) as ExtremismForm | null,
        extremismFormOther: d.extremism_form_other,
        authorityArea: (d.authority_area ?? null) as AuthorityArea | null,
        primaryConcern: d.primary_concern,
        subjectKind: d.subject_kind as InquiryDetail['subjectKind'],
        environment: (d.environment ?? null) as Environment | null,
      },
      decidedBy: d.decided_by_name,
      decidedAt: d.decided_at.toISOString(),
      decidedOn: d.decided_on,
      backdateReason: BackdateReasonSchema.nullable().parse(d.backdate_reason),
      reviewedBy: d.reviewed_by_name,
      reviewedAt: d.reviewed_at?.toISOString() ?? null,
      reviewComment: d.review_comment,
      caseId: d.case_id,
      caseReference: d.case_reference,
    })),
  };
  return { detail, pendingDecidedBy };
}

/**
 * The inquiry's persons, the main person first, each with their relation to the main person.
 * One round trip.
 */
export async function inquiryPersons(db: Db, key: InquiryKey) {
  return selectInquiryPersonRows(db, key)
    .select((eb) => [
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
      'p.cpr_enc',
      'ip.position',
      relationToMainPerson(eb),
    ])
    .orderBy('ip.position')
    .orderBy('p.id')
    .execute();
}

/**
 * The inquiry's persons (`inquiry_persons as ip`) joined to their registrations (`persons as
 * p`, of the same tenant key); the caller picks the columns and the order.
 */
export function selectInquiryPersonRows(db: Db, key: InquiryKey) {
  return selectInquiryPersons(db, key).innerJoin('persons as p', (join) =>
    join
      .onRef('p.id', '=', 'ip.person_id')
      .onRef('p.municipality_code', '=', 'ip.municipality_code'),
  );
}

/**
 * The column `relation` of a query on `inquiry_persons as ip`: how the inquiry's main person
 * (position 0) is related to the person of `ip`, by a relation row of the same municipality;
 * null without one. The full read and the case a decision opens ask it the same way.
 */
export function relationToMainPerson(eb: ExpressionBuilder<InquiryPersonsDb, 'ip'>) {
  return eb
    .selectFrom('person_relations as r')
    .innerJoin('inquiry_persons as main', (join) =>
      join
        .onRef('main.person_id', '=', 'r.person_id')
        .onRef('main.municipality_code', '=', 'r.municipality_code'),
    )
    .select('r.relation')
    .whereRef('r.related_person_id', '=', 'ip.person_id')
    .whereRef('r.municipality_code', '=', 'ip.municipality_code')
    .whereRef('main.inquiry_id', '=', 'ip.inquiry_id')
    .where('main.position', '=', 0)
    .limit(1)
    .as('relation');
}
