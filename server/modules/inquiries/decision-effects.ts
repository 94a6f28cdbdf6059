import { openCaseFromDecision } from '../cases/queries-case-rows.ts';
import { scheduleArchive } from '../persons/queries-registry.ts';
import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { localTime } from './deadline.ts';
import { insertHistory, nextReference, updateInquiryRow } from './queries.ts';
import {
  findDecision,
  inquiryForCase,
  unneededPersonIds,
  setDecisionCase,
  type DecisionRow,
} from './queries-decision.ts';
import type { MunicipalitySettings } from './settings.ts';

/**
 * What each outcome does when the decision becomes final:
 * - no concern: the inquiry closes; nothing marks the person; the inquiry's persons who are on
 *   no case and no other open inquiry are scheduled for archive-and-delete;
 * - other concern: referred to a named unit, with what is passed on;
 * - radicalisation concern: a case is opened with the classification, the inquiry's persons
 *   and a team (the deciding coordinator, and the handling forum's members in the forum role);
 * - police: the handover is recorded (when, to whom, what the municipality keeps).
 */
const CASE_ROLE: Record<string, string> = {
  parent: 'parent',
  sibling: 'sibling',
  younger_sibling: 'younger_sibling',
  spouse: 'spouse',
};

/** The effects of a decision that is now in force. */
export async function makeFinal(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  decisionId: string,
  now: Date,
) {
  const d = await findDecision(trx, access, decisionId);
  if (d.outcome === 'no_concern') {
    const unneeded = await unneededPersonIds(trx, access);
    await scheduleArchive(trx, access.municipalityCode, unneeded, settings.noConcernRetentionDays);
  }
  const caseId = d.outcome === 'radicalisation' ? await openCase(trx, ctx, access, d, now) : null;
  await updateInquiryRow(trx, access, {
    status: 'decided',
    ...(caseId && { case_id: caseId }),
  });
  if (caseId) await setDecisionCase(trx, access, decisionId, caseId);
}

/** The case of a radicalisation concern: the classification travels with it, editable there. */
async function openCase(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: InquiryAccess,
  d: DecisionRow,
  now: Date,
): Promise<string> {
  const inquiry = await inquiryForCase(trx, access);
  const reference = await nextReference(trx, access.municipalityCode, 'S', localTime(now).year);
  const caseId = await openCaseFromDecision(trx, {
    case: {
      municipality_code: access.municipalityCode,
      reference,
      forum_id: inquiry.forumId,
      extremism_form: d.extremism_form,
      extremism_form_other: d.extremism_form_other,
      concern_summary: d.reason,
      age_group: d.age_group,
      authority_area: d.authority_area,
      primary_concern: d.primary_concern,
      subject_kind: d.subject_kind,
      environment: d.environment,
    },
    persons: inquiry.persons.map((p) => ({
      personId: p.person_id,
      role: p.position === 0 ? 'citizen' : (CASE_ROLE[p.relation ?? ''] ?? 'other'),
    })),
    coordinatorUserId: d.decided_by,
    forumId: inquiry.forumId,
    addedBy: ctx.user.id,
    inquiryReference: inquiry.reference,
    // A decision recorded later: the case's "opened" event carries the day it was taken.
    ...(d.decided_on &&
      d.backdate_reason && { backdate: { happenedOn: d.decided_on, reason: d.backdate_reason } }),
  });
  await insertHistory(trx, access.inquiryId, ctx.user.id, 'case_opened', { caseId, reference });
  return caseId;
}
