import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The SQL of the data-protection role's view of one citizen (trail.ts): the citizen's reads from
 * the audit trail (index audit_log_subject_idx, newest first) and the citizen's disclosures from
 * the register, each a keyset page on (time, key) that trail.ts merges. Every read matches the
 * tenant key next to the person's id.
 */

const TIME_ZONE = 'Europe/Copenhagen';

/** The audit actions that show a citizen's data to someone ('disclose' is the register's row). */
export const READ_ACTIONS = ['read', 'search', 'export', 'print', 'break_glass'] as const;

/** The keyset position after a page's last row: its time and its key (`a…` or `d…`). */
export interface TrailCursor {
  t: string;
  k: string;
}

export interface TrailFilter {
  municipalityCode: string;
  personIds: string[];
  from?: string | undefined;
  to?: string | undefined;
  after: TrailCursor | null;
  limit: number;
}

/** A read's key: its audit id, zero-padded, so that keys compare as text in id order. */
const auditKey = sql<string>`('a' || lpad(a.id::text, 20, '0')) collate "C"`;
/** A disclosure's time: when it was recorded, but never later than the end of its day. */
const disclosureAt = sql<Date>`least(d.recorded_at, ((d.disclosed_on + 1)::timestamp at time zone ${TIME_ZONE}) - interval '1 millisecond')`;
const disclosureKey = sql<string>`('d' || d.id::text) collate "C"`;

function before(
  at: ReturnType<typeof sql<Date>>,
  key: ReturnType<typeof sql<string>>,
  c: TrailCursor,
) {
  return sql<SqlBool>`(${at} < ${c.t}::timestamptz or (${at} = ${c.t}::timestamptz and ${key} < ${c.k}))`;
}

/** A page of the citizen's reads, newest first (one more than `limit`). */
export async function trailReads(db: Kysely<DB>, f: TrailFilter) {
  return (
    db
      .selectFrom('audit_log as a')
      .leftJoin('units as un', 'un.id', 'a.actor_unit_id')
      .leftJoin('users as us', 'us.id', 'a.actor_user_id')
      .select([
        auditKey.as('key'),
        'a.occurred_at as at',
        'a.subject_person_id as person_id',
        'a.action',
        'a.actor_role',
        'un.name as unit_name',
        'us.display_name',
        'a.purpose',
        'a.legal_basis',
        'a.break_glass',
        'a.resource_type',
        sql<string | null>`a.details ->> 'read'`.as('part'),
      ])
      .where('a.subject_person_id', 'in', f.personIds)
      .where('a.municipality_code', '=', f.municipalityCode)
      .where('a.action', 'in', READ_ACTIONS)
      .$if(f.from !== undefined, (q) =>
        q.where(
          sql<SqlBool>`a.occurred_at >= (${f.from ?? ''}::date)::timestamp at time zone ${TIME_ZONE}`,
        ),
      )
      .$if(f.to !== undefined, (q) =>
        q.where(
          sql<SqlBool>`a.occurred_at < (${f.to ?? ''}::date + 1)::timestamp at time zone ${TIME_ZONE}`,
        ),
      )
      // The plain bound lets the index start at the cursor; the row comparison breaks the ties.
      .$if(f.after !== null, (q) =>
        q
          .where('a.occurred_at', '<=', new Date(f.after?.t ?? 0))
          .where(before(sql<Date>`a.occurred_at`, auditKey, f.after ?? { t: '', k: '' })),
      )
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(f.limit + 1)
      .execute()
  );
}
export type TrailReadRow = Awaited<ReturnType<typeof trailReads>>[number];

/** A page of the citizen's disclosures, newest first (one more than `limit`). */
export async function trailDisclosures(db: Kysely<DB>, f: TrailFilter) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('disclosure_persons as dp', (j) =>
      j
        .onRef('dp.disclosure_id', '=', 'd.id')
        .onRef('dp.municipality_code', '=', 'd.municipality_code'),
    )
    .innerJoin('users as us', 'us.id', 'd.recorded_by')
    .leftJoin('cases as c', (j) =>
      j.onRef('c.id', '=', 'd.case_id').onRef('c.municipality_code', '=', 'd.municipality_code'),
    )
    .select([
      disclosureKey.as('key'),
      disclosureAt.as('at'),
      'dp.person_id',
      'd.id',
      'd.disclosed_on',
      'c.reference',
      'd.recipient_organisation',
      'd.recipient_kind',
      'd.recipient_person',
      'd.categories',
      'd.documents',
      'd.legal_basis',
      'd.purpose',
      'd.decided_by',
      'd.channel',
      'd.product_source',
      'us.display_name',
    ])
    .where('d.municipality_code', '=', f.municipalityCode)
    .where('dp.person_id', 'in', f.personIds)
    .$if(f.from !== undefined, (q) => q.where('d.disclosed_on', '>=', f.from ?? ''))
    .$if(f.to !== undefined, (q) => q.where('d.disclosed_on', '<=', f.to ?? ''))
    .$if(f.after !== null, (q) =>
      q.where(before(disclosureAt, disclosureKey, f.after ?? { t: '', k: '' })),
    )
    .orderBy(disclosureAt, 'desc')
    .orderBy(disclosureKey, 'desc')
    .limit(f.limit + 1)
    .execute();
}
export type TrailDisclosureRow = Awaited<ReturnType<typeof trailDisclosures>>[number];
