import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { ContextKeys } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseLetterhead } from '../cases/documents.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { getSettings } from '../inquiries/settings.ts';
import { noticeLetterPdf } from './letter.ts';
import { listNotices, recipientOr404 } from './listing.ts';
import { caseForNotice, noticeRecipients } from './queries.ts';
import { recordNotice } from './recording.ts';
import { NoticeLetterQuery, NoticeListSchema, NoticeSchema, RecordNoticeBody } from './schema.ts';

/**
 * The citizen told (issue 13 part 8): the case's notices and exemptions, recording one (only
 * those who may write the case: the `notice` part of case-abilities.ts), and the information
 * letter for the citizen or a custody holder. Non-members get 404 before anything else
 * (caseWorkRoutes); every read and change is audited in its transaction.
 */
export const noticeRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['notice']);

    cases.get(
      '/api/cases/:id/notices',
      {
        policy: 'records.read',
        summary:
          'Whether the citizen (and for a child the custody holders) was told of the processing (GDPR art. 13/14), or the exemption used',
        params: CaseIdParams,
        response: { 200: NoticeListSchema },
      },
      (access, ctx) => listNotices(ctx, access),
    );

    cases.post(
      '/api/cases/:id/notices',
      {
        policy: 'records.read',
        summary:
          'Record that a person was told (how, when) or that an exemption was used (with a reason); the same id again answers the notice already there (200)',
        params: CaseIdParams,
        body: RecordNoticeBody,
        response: { 200: NoticeSchema, 201: NoticeSchema },
      },
      async (access, ctx, request, reply) => {
        const { notice, created } = await recordNotice(ctx, access, request.body);
        return reply.code(created ? 201 : 200).send(notice);
      },
    );

    cases.get(
      '/api/cases/:id/notice-letter.pdf',
      {
        policy: 'records.read',
        summary:
          'The information letter (GDPR art. 13/14) for the citizen or a custody holder of the case, as a PDF',
        params: CaseIdParams,
        querystring: NoticeLetterQuery,
        produces: ['application/pdf'],
      },
      async (access, ctx, request, reply) => {
        requireCaseAbility(access, 'notice', 'read');
        const { pdf, reference } = await ctx.db.transaction().execute(async (trx) => {
          const theCase = await caseForNotice(trx, access);
          if (!theCase) throw new AppError('not_found');
          const recipients = await noticeRecipients(trx, access);
          const citizen = recipients.find((r) => r.role === 'citizen');
          const recipient = recipientOr404(recipients, request.query.personId ?? citizen?.id ?? '');
          const settings = await getSettings(trx, access.municipalityCode);
          const letterhead = await caseLetterhead(trx, access);
          await auditCaseRead(trx, ctx, access, {
            what: 'notice_letter',
            persons: [recipient.id],
          });
          return {
            reference: theCase.reference,
            pdf: await noticeLetterPdf({
              locale: ctx.language,
              reference: theCase.reference,
              recipient: {
                name: `${recipient.given_name} ${recipient.family_name}`,
                address: recipient.address,
                custodyHolder: recipient.role !== 'citizen' && recipient.custody_holder,
              },
              citizenName: citizen ? `${citizen.given_name} ${citizen.family_name}` : null,
              retentionDays: settings.noConcernRetentionDays,
              now: new Date(),
              letterhead,
            }),
          };
        });
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="oplysning-${reference}.pdf"`)
          .type('application/pdf')
          .send(pdf);
      },
    );
  };
