import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { inquiryIsOpen, requireInquiryAbility } from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import type { Seriousness } from '../../../shared/values.ts';
import { recordContributionShared } from '../disclosures/product-entries.ts';
import { findForum, listMembers } from '../forums/queries.ts';
import { claimVersion, recordChange } from './change.ts';
import { deadlineAfter } from './deadline.ts';
import { clockStart } from './rules.ts';
import {
  bumpVersion,
  findInquiryForChange,
  insertContribution,
  inquiryPersonIds,
  updateInquiryRow,
} from './queries.ts';
import { inquiryForCase } from './queries-decision.ts';
import type { MunicipalitySettings } from './settings.ts';

/** The assessment before the decision: triage against the deadline, and contributions. */

/**
 * Sets the seriousness and, from it, the decision deadline counted from when the inquiry was
 * received (24/48/72 hours by default, in Copenhagen wall-clock time). Reminders start again.
 */
export async function triage(
  ctx: RequestContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  body: { version: number; seriousness: Seriousness },
): Promise<void> {
  if (!inquiryIsOpen(access.status)) throw new AppError('inquiry_decided');
  requireInquiryAbility(access, 'triage', settings);
  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access, body.version);
    const before = await findInquiryForChange(trx, access);
    // From the receipt, or from the registration of a back-dated inquiry (docs/INQUIRIES.md).
    const start = clockStart(before.received_at, before.created_at, before.backdate_reason);
    const deadline = deadlineAfter(start, settings.deadlineHours[body.seriousness]);
    await updateInquiryRow(trx, access, {
      seriousness: body.seriousness,
      deadline_at: deadline,
      status: before.status === 'received' ? 'triaged' : before.status,
      reminder_sent_at: null,
      overdue_notified_at: null,
    });
    await recordChange(trx, ctx, access, {
      kind: 'triaged',
      changes: {
        seriousness: { from: before.seriousness, to: body.seriousness },
        deadlineAt: { from: before.deadline_at.toISOString(), to: deadline.toISOString() },
      },
      audit: {
        action: 'update',
        details: { fields: 'seriousness,deadline', seriousness: body.seriousness },
      },
    });
  });
}

/**
 * A forum member's (or the police contact's, or a coordinator's) contribution to the assessment,
 * with the unit it comes from and the legal basis it is shared under (§115 by default).
 */
export async function addContribution(
  ctx: RequestContext,
  access: InquiryAccess,
  body: { body: string; legalBasis: string; unitId: string | null },
): Promise<void> {
  if (!inquiryIsOpen(access.status)) throw new AppError('inquiry_decided');
  requireInquiryAbility(access, 'contribute');
  if (body.unitId && !ctx.user.unitIds.includes(body.unitId)) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.unitId', code: 'invalid_value' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const contributionId = await insertContribution(trx, {
      inquiryId: access.inquiryId,
      authorUserId: ctx.user.id,
      unitId: body.unitId ?? ctx.user.unitIds[0] ?? null,
      legalBasis: body.legalBasis,
      body: body.body,
    });
    await bumpVersion(trx, access);
    // Sharing what one's unit knows with the forum is a disclosure under a legal basis.
    await recordChange(trx, ctx, access, {
      kind: 'contribution_added',
      changes: { contributionId, legalBasis: body.legalBasis },
      audit: {
        action: 'disclose',
        legalBasis: body.legalBasis,
        details: { contributionId },
      },
    });
    await registerIfPoliceSee(trx, ctx, access, { contributionId, ...body });
  });
}

/**
 * A municipal user's contribution shared with a forum the police sit in (the Infohus procedure)
 * leaves the municipality's team for the police: the product registers that disclosure itself.
 * A police user's own contribution is the police's information, not a disclosure to them.
 */
async function registerIfPoliceSee(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: InquiryAccess,
  contribution: { contributionId: string; legalBasis: string; unitId: string | null },
) {
  if (ctx.user.roles.includes('police_contact')) return;
  const { forumId } = await inquiryForCase(trx, access);
  if (!forumId) return;
  const members = await listMembers(trx, forumId);
  if (!members.some((m) => m.roles.includes('police_contact'))) return;
  const forum = await findForum(trx, ctx.user, forumId);
  await recordContributionShared(trx, ctx, {
    contributionId: contribution.contributionId,
    municipalityCode: access.municipalityCode,
    forumName: forum?.name ?? '',
    legalBasis: contribution.legalBasis,
    personIds: await inquiryPersonIds(trx, access),
    unitId: contribution.unitId ?? ctx.user.unitIds[0] ?? null,
  });
}
