import type { FastifyReply } from 'fastify';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseLetterhead } from '../cases/documents.ts';
import { caseOwner } from './owner.ts';
import { presentMeeting } from './presenters.ts';
import { caseCitizen, caseReference, meetingOf } from './queries.ts';
import { meetingSummaryPdf } from './summary-pdf.ts';

/**
 * GET …/citizen-meetings/:meetingId/summary.pdf: the summary for the citizen of a meeting held
 * (a meeting not held yet has nothing to sum up: 400 on `heldOn`), read and audited in one
 * transaction (the citizen named in it).
 */
export async function summaryPdfReply(
  ctx: RequestContext,
  access: CaseAccess,
  meetingId: string,
  reply: FastifyReply,
) {
  const owner = caseOwner(access);
  owner.requireRead();
  const { pdf, reference } = await ctx.db.transaction().execute(async (trx) => {
    const row = await meetingOf(trx, owner.key, meetingId);
    if (!row) throw new AppError('not_found');
    const meeting = presentMeeting(row);
    const heldOn = meeting.heldOn;
    if (heldOn === null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'heldOn', code: 'citizen_meeting_not_held' }],
      });
    }
    const reference = (await caseReference(trx, access)) ?? '';
    const citizen = await caseCitizen(trx, access);
    const letterhead = await caseLetterhead(trx, access);
    await auditCaseRead(trx, ctx, access, {
      what: 'citizen_meeting_summary',
      ...(citizen && { persons: [citizen.id] }),
    });
    return {
      reference,
      pdf: await meetingSummaryPdf({
        locale: ctx.language,
        reference,
        citizenName: citizen ? `${citizen.given_name} ${citizen.family_name}` : null,
        meeting: { ...meeting, heldOn },
        now: new Date(),
        letterhead,
      }),
    };
  });
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="samtale-${reference}.pdf"`)
    .type('application/pdf')
    .send(pdf);
}
