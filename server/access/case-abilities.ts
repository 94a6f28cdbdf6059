import type { Kysely } from 'kysely';
import { z } from 'zod';
import { caseIsOpen, type CaseStatus } from '../../shared/values.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { handlesPersonalData } from './policies.ts';
import { caseAccessRowsOf } from './queries-records.ts';
import { toAccess, type CaseAccess } from './records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may do what with a case and each of its parts: the one place that decides it. Services
 * call `requireCaseAbility` before they touch a part; every case response carries
 * `caseAbilities` so the web shows exactly the actions the server will allow, and never compares
 * roles or scopes itself. A part added later (partners, meetings, the network map) adds its key
 * here, with its rule, and nowhere else.
 *
 * The rules come from the caller's place in the case (`CaseAccess`):
 * - a member with the whole case (`writer`) works on it; an intervention-scoped member (a mentor)
 *   sees and logs only their own intervention;
 * - a break-the-glass reader sees the whole case (within the grant) and writes nothing;
 * - the case's coordinators approve, change the status, the membership and the case's persons;
 * - the compartment (the concern itself) is for the coordinators and the forum with it.
 */
/** The parts whose work stops while a case is closed or under re-review. */
const WORK_PARTS = [
  'assessment',
  'plan',
  'interventions',
  'sessions',
  'consents',
  'offers',
  'followUps',
  'persons',
  'citizenMeetings',
  'networkMap',
] as const;

export const CASE_PARTS = [
  'case',
  'members',
  'compartment',
  'classification',
  'notes',
  ...WORK_PARTS,
  'closure',
  'filing',
  'disclosures',
  'readLog',
  'notice',
  'partners',
  'transfer',
] as const;
export type CasePart = (typeof CASE_PARTS)[number];
export type CaseAction = 'read' | 'write' | 'approve';

export const PartAbilitiesSchema = z.object({
  read: z.boolean(),
  write: z.boolean(),
  approve: z.boolean(),
});
export type PartAbilities = z.infer<typeof PartAbilitiesSchema>;

export const CaseAbilitiesSchema = z
  .object(
    Object.fromEntries(CASE_PARTS.map((part) => [part, PartAbilitiesSchema])) as Record<
      CasePart,
      typeof PartAbilitiesSchema
    >,
  )
  .describe(
    'What the caller may read, write and approve on each part of this case right now. The web ' +
      'shows actions from this alone; the server checks the same rules.',
  );
export type CaseAbilities = z.infer<typeof CaseAbilitiesSchema>;

const can = (read: boolean, write = false, approve = false): PartAbilities => ({
  read,
  write,
  approve,
});

/** The rules by the caller's place in the case alone (the server's guard). */
export function abilitiesByPlace(access: CaseAccess): CaseAbilities {
  const member = access.role !== null;
  const full = access.scope === 'full';
  const writer = member && full;
  const coordinator = access.role === 'coordinator';
  const compartment = access.compartment;
  const assessor = writer && (coordinator || access.role === 'forum') && compartment;
  return {
    case: can(true, coordinator),
    members: can(full, coordinator),
    compartment: can(compartment, writer && compartment),
    classification: can(compartment, coordinator && compartment),
    notes: can(full, writer),
    assessment: can(full, assessor, assessor),
    plan: can(full, writer, coordinator),
    interventions: can(true, writer),
    sessions: can(true, member),
    consents: can(full, writer),
    offers: can(full, writer),
    followUps: can(full, writer),
    closure: can(full, writer, coordinator),
    persons: can(full, coordinator),
    // Meeting the citizen (issue 15): the contact bar, preparation, meeting and reflection are
    // the team's (members with the whole case); the compartment's own fields (the colleague
    // check's outcome, the citizen's perspective, the stage of change, the reflection) go with
    // the `compartment` part.
    citizenMeetings: can(full, writer),
    // The network analysis map (issue 15 part 5): it describes the citizen's ties to an
    // extremist environment, so the whole map sits in the compartment — read by members with the
    // whole case who hold it, drawn by those of them who work on the case.
    networkMap: can(full && compartment, writer && compartment),
    // Journalisation: also on a closed case (that is when the summary is filed). Writers record
    // and correct a filing; withdrawing one recorded in error is the coordinators' (approve).
    // The filing export is the municipality's own record: never for a user bound by a purpose
    // limit (the police under § 115), who reads the summary and plan PDFs, marked with it, instead.
    filing: can(
      full && !access.purposeLimit,
      writer && !access.purposeLimit,
      coordinator && !access.purposeLimit,
    ),
    // The disclosure register (issue 13): also on a closed case (a file can leave the team later).
    disclosures: can(full, writer),
    // The case's read log (who has read the case): its coordinators only.
    readLog: can(coordinator),
    // The citizen told (GDPR art. 13/14): those who may write the case, also once it is closed.
    notice: can(full, writer),
    // Partners invited into the case (issue 13): the team sees them; the coordinators invite,
    // change and end (also on a closed case, to end an access early).
    partners: can(full, coordinator),
    // A transfer to another municipality (issue 13 part 5): the case's coordinators propose it;
    // never a user bound by a purpose limit.
    transfer: can(coordinator, coordinator && !access.purposeLimit),
  };
}

/**
 * What a case response tells the web: the rules by place, with the work parts' writing and
 * approving switched off while the case is closed or under re-review (closure's own approval,
 * which decides re-reviews, stays on). The server answers such a change with `case_closed`.
 */
export function caseAbilities(access: CaseAccess, status: CaseStatus): CaseAbilities {
  const abilities = abilitiesByPlace(access);
  if (caseIsOpen(status)) return abilities;
  for (const part of WORK_PARTS) {
    abilities[part] = { ...abilities[part], write: false, approve: false };
  }
  abilities.closure = { ...abilities.closure, write: false };
  abilities.transfer = { ...abilities.transfer, write: false };
  return abilities;
}

/** 403 `forbidden` unless the caller's place in the case allows `action` on `part`. */
export function requireCaseAbility(access: CaseAccess, part: CasePart, action: CaseAction): void {
  if (!abilitiesByPlace(access)[part][action]) throw new AppError('forbidden');
}

/** True when the caller's place in the case allows `action` on `part` (for a presenter). */
export function hasCaseAbility(access: CaseAccess, part: CasePart, action: CaseAction): boolean {
  return abilitiesByPlace(access)[part][action];
}

/**
 * The batch form, for lists: the caller's access to each of `caseIds` that they may see, in one
 * round trip. An id the caller may not see is simply absent from the map.
 */
export async function findCaseAccesses(
  db: Kysely<DB>,
  user: CurrentUser,
  caseIds: readonly string[],
): Promise<Map<string, CaseAccess>> {
  const result = new Map<string, CaseAccess>();
  if (caseIds.length === 0 || !handlesPersonalData(user)) return result;
  const rows = await caseAccessRowsOf(db, user, [...new Set(caseIds)]);
  for (const row of rows) {
    const access = toAccess(row, user);
    if (access) result.set(access.caseId, access);
  }
  return result;
}
