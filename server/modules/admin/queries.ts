import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../access/sessions.ts';
import { RoleSchema } from '../../access/roles.ts';
import type { DB } from '../../platform/db/schema.ts';
import { UnitKindSchema } from '../organisation/schema.ts';
import type { AdminUnit, AdminUser, UserListFilter } from './schema.ts';
import { escapeLike } from '../../platform/db/text-search.ts';

/**
 * Reads of the administration. Every query is scoped by an AdminScope: a municipal administrator
 * sees only their own municipality; a system administrator sees every municipality (and users
 * outside one), optionally narrowed to one. One SQL round trip per list.
 */
export interface AdminScope {
  /** System administrators see all municipalities. */
  all: boolean;
  /** The caller's own municipality (null for users outside one). */
  municipalityCode: string | null;
}

export function adminScope(user: CurrentUser): AdminScope {
  return {
    all: user.roles.includes('system_admin'),
    municipalityCode: user.municipalityCode,
  };
}

/**
 * The municipality a scoped query is limited to: `undefined` means no limit (a system
 * administrator without a filter), `null` means nothing matches (a filter outside the scope, or
 * a municipal administrator without a municipality).
 */
export function scopedMunicipality(
  scope: AdminScope,
  filter: string | undefined,
): string | null | undefined {
  if (scope.all) return filter;
  if (!scope.municipalityCode) return null;
  if (filter !== undefined && filter !== scope.municipalityCode) return null;
  return scope.municipalityCode;
}

/** Whether a record of this municipality is inside the caller's scope. */
export function inScope(scope: AdminScope, municipalityCode: string | null): boolean {
  return scope.all || (municipalityCode !== null && municipalityCode === scope.municipalityCode);
}

function selectUsers(db: Kysely<DB>) {
  return db.selectFrom('users as u').select([
    'u.id',
    'u.username',
    'u.display_name',
    'u.roles',
    'u.municipality_code',
    'u.police_district_id',
    'u.email',
    'u.disabled_at',
    sql<Date>`u.created_at`.as('created_at'),
    'u.version',
    sql<boolean>`u.totp_enabled_at is not null`.as('second_factor'),
    sql<{ id: string; name: string }[]>`coalesce((
        select jsonb_agg(jsonb_build_object('id', un.id, 'name', un.name) order by un.name)
          from user_units uu join units un on un.id = uu.unit_id
         where uu.user_id = u.id), '[]'::jsonb)`.as('units'),
  ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function toUser(r: UserRow): AdminUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: r.roles.map((role) => RoleSchema.parse(role)),
    municipalityCode: r.municipality_code,
    policeDistrictId: r.police_district_id,
    email: r.email,
    units: r.units,
    status: r.disabled_at ? 'disabled' : 'active',
    secondFactorEnrolled: r.second_factor,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function listUsers(
  db: Kysely<DB>,
  scope: AdminScope,
  filter: UserListFilter,
): Promise<{ items: AdminUser[]; nextCursor: string | null }> {
  const municipality = scopedMunicipality(scope, filter.municipality);
  if (municipality === null) return { items: [], nextCursor: null };
  let query = selectUsers(db)
    .orderBy('u.username')
    .limit(filter.limit + 1);
  if (municipality !== undefined) query = query.where('u.municipality_code', '=', municipality);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
    );
  }
  if (filter.role) query = query.where(sql<boolean>`u.roles @> array[${filter.role}]::text[]`);
  if (filter.unitId) {
    const unitId = filter.unitId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_units as f')
          .select('f.unit_id')
          .whereRef('f.user_id', '=', 'u.id')
          .where('f.unit_id', '=', unitId),
      ),
    );
  }
  if (filter.status === 'active') query = query.where('u.disabled_at', 'is', null);
  if (filter.status === 'disabled') query = query.where('u.disabled_at', 'is not', null);
  if (filter.after) query = query.where('u.username', '>', filter.after);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(toUser),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.username ?? null) : null,
  };
}

/** One user inside the caller's scope; undefined when missing or outside it (answer 404). */
export async function findUser(
  db: Kysely<DB>,
  scope: AdminScope,
  id: string,
): Promise<AdminUser | undefined> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst();
  if (!row || !inScope(scope, row.municipality_code)) return undefined;
  return toUser(row);
}

function selectUnits(db: Kysely<DB>) {
  return db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .select(['u.id', 'u.municipality_code', 'u.kind', 'u.name', 'u.version']);
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnits>['executeTakeFirstOrThrow']>>;

function toUnit(r: UnitRow): AdminUnit {
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    kind: UnitKindSchema.parse(r.kind),
    name: r.name,
    version: r.version,
  };
}

export async function listUnits(
  db: Kysely<DB>,
  scope: AdminScope,
  filter: { municipality?: string | undefined },
): Promise<AdminUnit[]> {
  const municipality = scopedMunicipality(scope, filter.municipality);
  if (municipality === null) return [];
  let query = selectUnits(db)
    .orderBy('u.municipality_code')
    .orderBy('k.sort_order')
    .orderBy('u.name');
  if (municipality !== undefined) query = query.where('u.municipality_code', '=', municipality);
  return (await query.execute()).map(toUnit);
}

export async function findUnit(
  db: Kysely<DB>,
  scope: AdminScope,
  id: string,
): Promise<AdminUnit | undefined> {
  const row = await selectUnits(db).where('u.id', '=', id).executeTakeFirst();
  if (!row || !inScope(scope, row.municipality_code)) return undefined;
  return toUnit(row);
}

export async function municipalityExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('municipalities')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function policeDistrictExists(db: Kysely<DB>, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('police_districts')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
