import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { inCaseTransaction, openedOn, recordCaseChange } from '../cases/case-work.ts';
import { presentNotice } from './listing.ts';
import { insertNotice, noticeOfCase, noticeRecipients } from './queries.ts';
import type { Notice, RecordNoticeBody } from './schema.ts';

/**
 * "Borgeren er oplyst": the case records that the citizen (or a custody holder) was told of the
 * processing — how, on which day, by the member recording it — or that an exemption was used and
 * why (GDPR art. 13/14, art. 14(5), databeskyttelsesloven § 22). In one transaction with the case
 * locked: the notice, its chronology event and the audit entries. Only those who may write the
 * case record it. The same id again answers the notice already there (`created: false`). Bad input
 * (an exemption without a reason, a day before the case opened or in the future, a person who is
 * neither the citizen nor a custody holder of the case) is a 400 on its field, nothing stored.
 */
export async function recordNotice(
  ctx: RequestContext,
  access: CaseAccess,
  body: RecordNoticeBody,
  now = new Date(),
): Promise<{ notice: Notice; created: boolean }> {
  return inCaseTransaction(ctx, access, 'notice', 'write', async (trx, locked) => {
    const existing = await noticeOfCase(trx, access, body.id);
    if (existing) return { notice: presentNotice(existing), created: false };

    const problems: FieldProblem[] = [];
    const recipients = await noticeRecipients(trx, access);
    const recipient = body.personId ? recipients.find((r) => r.id === body.personId) : undefined;
    if (body.personId && !recipient) {
      problems.push({ field: 'body.personId', code: 'notice_not_recipient' });
    }
    if (body.outcome === 'informed') {
      if (!body.personId) problems.push({ field: 'body.personId', code: 'required' });
      if (!body.method) problems.push({ field: 'body.method', code: 'choose' });
      if (body.exemption) problems.push({ field: 'body.exemption', code: 'notice_only_exemption' });
      if (body.reason) problems.push({ field: 'body.reason', code: 'notice_only_exemption' });
    } else {
      if (!body.exemption) problems.push({ field: 'body.exemption', code: 'choose' });
      if (!body.reason) problems.push({ field: 'body.reason', code: 'notice_reason_required' });
      if (body.method) problems.push({ field: 'body.method', code: 'notice_only_informed' });
    }
    if (body.givenOn > danishToday(now)) {
      problems.push({ field: 'body.givenOn', code: 'in_future' });
    } else if (body.givenOn < openedOn(locked)) {
      problems.push({ field: 'body.givenOn', code: 'notice_before_case_opened' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const inserted = await insertNotice(trx, {
      id: body.id,
      caseId: access.caseId,
      personId: body.personId,
      outcome: body.outcome,
      method: body.method,
      givenOn: body.givenOn,
      exemption: body.exemption,
      reason: body.reason,
      recordedBy: ctx.user.id,
    });
    // The id was taken by a notice of another case: the client must choose a new one.
    if (!inserted)
      throw new AppError('duplicate', { fields: [{ field: 'body.id', code: 'duplicate' }] });

    const personRole = recipient ? recipient.role : null;
    await recordCaseChange(trx, ctx, access, {
      kind: body.outcome === 'informed' ? 'citizen_informed' : 'notice_exempted',
      changes:
        body.outcome === 'informed'
          ? {
              personRole: { from: null, to: personRole },
              noticeMethod: { from: null, to: body.method },
              noticeDate: { from: null, to: body.givenOn },
            }
          : {
              noticeExemption: { from: null, to: body.exemption },
              noticeDate: { from: null, to: body.givenOn },
            },
      action: 'create',
      resourceType: 'case_notice',
      resourceId: inserted.id,
      // Codes only: the reason is free text and stays in the case.
      details: { outcome: body.outcome, method: body.method, exemption: body.exemption },
    });
    const row = await noticeOfCase(trx, access, inserted.id);
    if (!row) throw new AppError('not_found');
    return { notice: presentNotice(row), created: true };
  });
}
