import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { decryptField } from '../../platform/crypto.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { findPersonAccesses, type PersonAccess } from '../../access/person-access.ts';
import { inUsersArea, visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { CaseStatusSchema, PersonRoleSchema } from '../cases/schema.ts';
import type { z } from 'zod';
import { RelationSchema, type AccessReport, type PersonSchema, type Relation } from './schema.ts';
import { maskCpr } from './cpr.ts';

/** The encryption context of a person's CPR number: a ciphertext cannot be moved to another. */
export function cprContext(personId: string): string {
  return `cpr:${personId}`;
}

/**
 * A person as their rows are found: the id and the municipality, the tenant key every row about
 * them carries (db/migrations/0015). A `PersonAccess` is one.
 */
export interface PersonKey {
  personId: string;
  municipalityCode: string;
}

/**
 * The select of the person's row while it is active (not merged into another registration); the
 * caller picks the columns. Reading, unmasking and locking a person start from it.
 */
export function selectActivePerson(db: Kysely<DB>, key: PersonKey) {
  return db
    .selectFrom('persons')
    .where('id', '=', key.personId)
    .where('municipality_code', '=', key.municipalityCode)
    .where('merged_into', 'is', null);
}

/** A person as stored, or undefined when missing or merged into another registration. */
export async function findActivePerson(db: Kysely<DB>, key: PersonKey) {
  return selectActivePerson(db, key).selectAll().executeTakeFirst();
}

/** More relations than this are not shown (a register of persons, not a social network). */
const MAX_RELATIONS = 100;

/** How the person stands to someone whose relation row names the person (the inverse). */
const INVERSE: Record<Relation, Relation> = {
  parent: 'child',
  child: 'parent',
  // "A is B's younger sibling" makes B A's (older) sibling.
  younger_sibling: 'sibling',
  sibling: 'sibling',
  spouse: 'spouse',
  friend: 'friend',
  other: 'other',
};

export interface ShownRelation {
  personId: string;
  name: string;
  relation: Relation;
  /** The caller's own access to the related person (for the audit entry of showing them). */
  access: PersonAccess;
}

/**
 * The person's relations in both directions, limited to related persons the caller may see
 * themselves (need-to-know): the others are left out entirely. One query, then one batched
 * access check for all related persons.
 */
export async function loadRelations(
  db: Kysely<DB>,
  user: CurrentUser,
  key: PersonKey,
): Promise<ShownRelation[]> {
  const { personId, municipalityCode } = key;
  const base = (from: 'r.person_id' | 'r.related_person_id') =>
    db
      .selectFrom('person_relations as r')
      .innerJoin(
        'persons as p',
        'p.id',
        from === 'r.person_id' ? 'r.related_person_id' : 'r.person_id',
      )
      .select(['p.id', 'p.given_name', 'p.family_name', 'r.relation'])
      .where(from, '=', personId)
      .where('r.municipality_code', '=', municipalityCode)
      .where('p.merged_into', 'is', null);
  const rows = await base('r.person_id')
    .select(sql<boolean>`true`.as('forward'))
    .unionAll(base('r.related_person_id').select(sql<boolean>`false`.as('forward')))
    .limit(MAX_RELATIONS)
    .execute();
  const byPerson = new Map<string, (typeof rows)[number]>();
  // A row of the person's own wins over the inverse of the other person's row.
  for (const row of rows) {
    if (!byPerson.has(row.id) || row.forward) byPerson.set(row.id, row);
  }
  const accesses = await findPersonAccesses(db, user, [...byPerson.keys()]);
  const shown: ShownRelation[] = [];
  for (const row of byPerson.values()) {
    const access = accesses.get(row.id);
    if (!access) continue;
    const relation = RelationSchema.parse(row.relation);
    shown.push({
      personId: row.id,
      name: `${row.given_name} ${row.family_name}`,
      relation: row.forward ? relation : INVERSE[relation],
      access,
    });
  }
  return shown.sort(
    (x, y) => x.name.localeCompare(y.name, 'da') || x.personId.localeCompare(y.personId),
  );
}

/** The person with the cases and relations the user may see them in; undefined when merged. */
export async function loadPerson(
  db: Kysely<DB>,
  secretKey: Buffer,
  user: CurrentUser,
  key: PersonKey,
): Promise<{ person: z.infer<typeof PersonSchema>; relations: ShownRelation[] } | undefined> {
  const p = await findActivePerson(db, key);
  if (!p) return undefined;
  const cases = await db
    .selectFrom('case_persons as cp')
    .innerJoin('cases', (join) =>
      join
        .onRef('cases.id', '=', 'cp.case_id')
        .onRef('cases.municipality_code', '=', 'cp.municipality_code'),
    )
    .select(['cases.id', 'cases.reference', 'cases.status', 'cp.role'])
    .where('cp.person_id', '=', key.personId)
    .where('cp.municipality_code', '=', key.municipalityCode)
    .where(visibleCase(user))
    .orderBy('cases.opened_at', 'desc')
    .execute();
  const relations = await loadRelations(db, user, key);
  return {
    person: {
      id: p.id,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      cprMasked: p.cpr_enc ? maskCpr(decryptField(secretKey, p.cpr_enc, cprContext(p.id))) : null,
      address: p.address,
      phone: p.phone,
      cases: cases.map((c) => ({
        id: c.id,
        reference: c.reference,
        status: CaseStatusSchema.parse(c.status),
        role: PersonRoleSchema.parse(c.role),
      })),
      relations: relations.map(({ personId: id, name, relation }) => ({
        personId: id,
        name,
        relation,
      })),
      version: p.version,
    },
    relations,
  };
}

/** The person's name and municipality, when the person is in the caller's area. */
export async function findPersonHeader(db: Kysely<DB>, user: CurrentUser, personId: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'municipality_code'])
    .where('id', '=', personId)
    .where(inUsersArea('municipality_code', user))
    .executeTakeFirst();
}

/**
 * Every access to the person's data recorded in the municipality's audit chain, newest first,
 * keyset-paginated; one round trip. Employee names only when asked for (data-protection role).
 */
export async function accessReportPage(
  db: Kysely<DB>,
  person: { id: string; municipalityCode: string },
  options: { after?: string | undefined; limit: number; withNames: boolean },
): Promise<Pick<AccessReport, 'items' | 'nextCursor'>> {
  const cursor = decodeCursor(options.after, 'integer');
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('units', 'units.id', 'a.actor_unit_id')
    .leftJoin('users', 'users.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.occurred_at',
      'a.action',
      'a.purpose',
      'a.legal_basis',
      'a.break_glass',
      'units.name as unit_name',
      'users.display_name',
    ])
    .where('a.subject_person_id', '=', person.id)
    .where('a.municipality_code', '=', person.municipalityCode)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit + 1);
  if (cursor) {
    const at = new Date(cursor.t);
    const id = Number(cursor.id);
    query = query.where((eb) =>
      eb.or([
        eb('a.occurred_at', '<', at),
        eb.and([eb('a.occurred_at', '=', at), eb('a.id', '<', Number.isFinite(id) ? id : 0)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      occurredAt: r.occurred_at.toISOString(),
      action: r.action,
      purpose: r.purpose,
      legalBasis: r.legal_basis,
      unitName: r.unit_name,
      breakGlass: r.break_glass,
      ...(options.withNames && { employeeName: r.display_name ?? '' }),
    })),
    nextCursor:
      rows.length > options.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
  };
}
