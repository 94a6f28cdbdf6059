import { caseAbilities } from '../../access/case-abilities.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
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
import { casePersonsOf } from './queries-case-persons.ts';

export function personName(p: { given_name: string; family_name: string }): string {
  return `${p.given_name} ${p.family_name}`;
}

/*
 * Every query of a case's rows matches the tenant key (`municipality_code`, db/migrations/0015)
 * next to the case's id: the case's own key, or for a list the caller's area.
 */

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
      ? await casePersonsOf(db, access)
          .select([
            'p.id',
            'p.given_name',
            'p.family_name',
            'p.birth_date',
            'cp.role',
            'cp.custody_holder',
          ])
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
      custodyHolder: p.custody_holder,
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
      purposeLimit: access.purposeLimit,
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
