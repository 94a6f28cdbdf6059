import { caseAbilities } from '../../access/case-abilities.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { inUsersArea, visibleCase, type CaseAccess } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import {
  AuthorityAreaSchema,
  CaseAgeGroupSchema,
  CaseConcernLevelSchema,
  CaseSubjectKindSchema,
  EnvironmentSchema,
  CaseRoleSchema,
  CaseScopeSchema,
  CaseStatusSchema,
  ExtremismFormSchema,
  PersonRoleSchema,
  type CaseDetail,
} from './schema.ts';
import type { z } from 'zod';
import type { CaseListItem } from './schema.ts';

type ListItem = z.infer<typeof CaseListItem>;

export function personName(p: { given_name: string; family_name: string }): string {
  return `${p.given_name} ${p.family_name}`;
}

/*
 * Every query of a case's rows matches the tenant key (`municipality_code`, db/migrations/0015)
 * next to the case's id: the case's own key, or for a list the caller's area.
 */

/**
 * The cases the user may see, newest first, keyset-paginated. Two round trips whatever the page
 * size: the page, then the citizens of the page's full-scope cases.
 */
export async function listCases(
  db: Kysely<DB>,
  user: CurrentUser,
  filter: { status?: string | undefined; after?: string | undefined; limit: number },
): Promise<{
  items: ListItem[];
  nextCursor: string | null;
  /** Each case's municipality, for the audit entries of the page (not sent). */
  municipalityOf: Map<string, string>;
  /** The unit the user works for in each case (case_members.unit_id), for the same entries. */
  unitOf: Map<string, string | null>;
}> {
  const cursor = decodeCursor(filter.after, 'uuid');
  let query = db
    .selectFrom('cases')
    .leftJoin('case_members as m', (join) =>
      join
        .onRef('m.case_id', '=', 'cases.id')
        .onRef('m.municipality_code', '=', 'cases.municipality_code')
        .on('m.user_id', '=', user.id),
    )
    .select([
      'cases.id',
      'cases.municipality_code',
      'cases.reference',
      'cases.status',
      'cases.opened_at',
      'm.role',
      'm.scope',
      'm.unit_id',
    ])
    .where(visibleCase(user))
    .orderBy('cases.opened_at', 'desc')
    .orderBy('cases.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb('cases.opened_at', '<', new Date(cursor.t)),
        eb.and([eb('cases.opened_at', '=', new Date(cursor.t)), eb('cases.id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const fullScope = page.filter((r) => r.scope !== 'intervention').map((r) => r.id);
  const citizens =
    fullScope.length === 0
      ? []
      : await db
          .selectFrom('case_persons as cp')
          .innerJoin('persons as p', (j) =>
            j
              .onRef('p.id', '=', 'cp.person_id')
              .onRef('p.municipality_code', '=', 'cp.municipality_code'),
          )
          .select(['cp.case_id', 'p.id', 'p.given_name', 'p.family_name'])
          .where('cp.case_id', 'in', fullScope)
          .where(inUsersArea('cp.municipality_code', user))
          .where('cp.role', '=', 'citizen')
          .orderBy('p.family_name')
          .execute();
  const citizenOf = new Map<string, { id: string; name: string }>();
  for (const c of citizens) {
    if (!citizenOf.has(c.case_id)) citizenOf.set(c.case_id, { id: c.id, name: personName(c) });
  }
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: CaseStatusSchema.parse(r.status),
      openedAt: r.opened_at.toISOString(),
      myRole: r.role ? CaseRoleSchema.parse(r.role) : null,
      breakGlass: r.role === null,
      citizen: citizenOf.get(r.id) ?? null,
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.opened_at, last.id) : null,
    municipalityOf: new Map(page.map((r) => [r.id, r.municipality_code])),
    unitOf: new Map(page.map((r) => [r.id, r.unit_id])),
  };
}

/**
 * The case as the user may see it: three round trips (case, persons, members). Persons only for
 * full scope. The compartment fields are returned as stored; the presenter removes them for
 * readers without the compartment (server/access/compartment.ts).
 */
export async function loadCase(
  db: Kysely<DB>,
  access: CaseAccess,
): Promise<CaseDetail | undefined> {
  const c = await db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', access.caseId)
    .where('municipality_code', '=', access.municipalityCode)
    .executeTakeFirst();
  if (!c) return undefined;
  const persons =
    access.scope === 'full'
      ? await db
          .selectFrom('case_persons as cp')
          .innerJoin('persons as p', (j) =>
            j
              .onRef('p.id', '=', 'cp.person_id')
              .onRef('p.municipality_code', '=', 'cp.municipality_code'),
          )
          .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date', 'cp.role'])
          .where('cp.case_id', '=', c.id)
          .where('cp.municipality_code', '=', c.municipality_code)
          .orderBy('p.family_name')
          .orderBy('p.given_name')
          .execute()
      : [];
  const members = await db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units', 'units.id', 'm.unit_id')
    .select(['m.user_id', 'u.display_name', 'm.role', 'm.scope', 'units.name as unit_name'])
    .where('m.case_id', '=', c.id)
    .where('m.municipality_code', '=', c.municipality_code)
    .orderBy(sql`case m.role when 'coordinator' then 0 when 'forum' then 1 else 2 end`)
    .orderBy('u.display_name')
    .execute();
  return {
    id: c.id,
    reference: c.reference,
    status: CaseStatusSchema.parse(c.status),
    openedAt: c.opened_at.toISOString(),
    version: c.version,
    workSummary: c.work_summary,
    onHoldReason: c.on_hold_reason,
    onHoldUntil: c.on_hold_until,
    concernLevel: c.concern_level ? CaseConcernLevelSchema.parse(c.concern_level) : null,
    closedAt: c.closed_at?.toISOString() ?? null,
    persons: persons.map((p) => ({
      id: p.id,
      name: personName(p),
      birthDate: p.birth_date,
      role: PersonRoleSchema.parse(p.role),
    })),
    members: members.map((m) => ({
      userId: m.user_id,
      displayName: m.display_name,
      role: CaseRoleSchema.parse(m.role),
      scope: CaseScopeSchema.parse(m.scope),
      unitName: m.unit_name,
    })),
    access: {
      role: access.role,
      scope: access.scope,
      compartment: access.compartment,
      breakGlass: access.breakGlass,
      breakGlassUntil: access.breakGlassUntil?.toISOString() ?? null,
    },
    abilities: caseAbilities(access, CaseStatusSchema.parse(c.status)),
    extremismForm: c.extremism_form ? ExtremismFormSchema.parse(c.extremism_form) : null,
    extremismFormOther: c.extremism_form_other,
    concernSummary: c.concern_summary,
    ageGroup: c.age_group ? CaseAgeGroupSchema.parse(c.age_group) : null,
    authorityArea: c.authority_area ? AuthorityAreaSchema.parse(c.authority_area) : null,
    primaryConcern: c.primary_concern,
    subjectKind: c.subject_kind ? CaseSubjectKindSchema.parse(c.subject_kind) : null,
    environment: c.environment ? EnvironmentSchema.parse(c.environment) : null,
  };
}
