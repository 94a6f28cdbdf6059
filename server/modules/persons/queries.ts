import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { decryptField } from '../../platform/crypto.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { CaseStatusSchema, PersonRoleSchema } from '../cases/schema.ts';
import type { z } from 'zod';
import type { AccessReport, PersonSchema } from './schema.ts';
import { maskCpr } from './cpr.ts';

/** The encryption context of a person's CPR number: a ciphertext cannot be moved to another. */
export function cprContext(personId: string): string {
  return `cpr:${personId}`;
}

/** The person with the cases the user may see them in. Two round trips. */
export async function loadPerson(
  db: Kysely<DB>,
  secretKey: Buffer,
  user: CurrentUser,
  personId: string,
): Promise<z.infer<typeof PersonSchema> | undefined> {
  const p = await db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!p) return undefined;
  const cases = await db
    .selectFrom('case_persons as cp')
    .innerJoin('cases', 'cases.id', 'cp.case_id')
    .select(['cases.id', 'cases.reference', 'cases.status', 'cp.role'])
    .where('cp.person_id', '=', personId)
    .where(visibleCase(user))
    .orderBy('cases.opened_at', 'desc')
    .execute();
  return {
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
    version: p.version,
  };
}

export async function findPersonHeader(db: Kysely<DB>, personId: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'municipality_code'])
    .where('id', '=', personId)
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
  const cursor = decodeCursor(options.after);
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
