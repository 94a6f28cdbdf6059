import type { AuditEvent } from '../platform/audit/write.ts';
import { PERSONAL_DATA_ROLES } from './policies.ts';
import type { CaseAccess } from './records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * The audit entry for an action on a record's personal data. It goes to the chain of the
 * record's municipality (so the citizen's access report finds it there), names the unit the user
 * works for in the case, and is marked when the access came from break-the-glass.
 */
export function recordEvent(
  user: CurrentUser,
  access: Pick<CaseAccess, 'municipalityCode' | 'unitId' | 'breakGlass'>,
  event: Pick<
    AuditEvent,
    | 'action'
    | 'resourceType'
    | 'resourceId'
    | 'subjectPersonId'
    | 'purpose'
    | 'legalBasis'
    | 'details'
  > & { requestId: string },
): AuditEvent {
  return {
    municipalityCode: access.municipalityCode,
    actorUserId: user.id,
    actorRole: user.roles.find((r) => PERSONAL_DATA_ROLES.includes(r)) ?? user.roles[0] ?? null,
    actorUnitId: access.unitId,
    breakGlass: access.breakGlass,
    ...event,
  };
}

/** Purposes recorded with reads; the access report shows them translated. */
export const PURPOSES = {
  caseWork: 'case_work',
  caseList: 'case_list',
  inquiryAssessment: 'inquiry_assessment',
  inquiryIntake: 'inquiry_intake',
  breakGlass: 'break_glass',
  accessReport: 'access_report',
  membership: 'case_membership',
  // The disclosure register and the case's read log (issue 13).
  disclosure: 'disclosure',
  disclosureRegister: 'disclosure_register',
  dataProtectionReview: 'data_protection_review',
  // The citizen's access request (aktindsigt, issue 13 part 7).
  accessRequest: 'access_request',
  // A partner invited into a case reads or writes back within the invitation (issue 13 part 1).
  partnerAccess: 'partner_access',
  // An agenda item or the minutes of a meeting name the record (issue 14 part 5).
  meeting: 'meeting',
} as const;
