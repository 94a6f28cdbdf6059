import { requireCaseAbility } from '../../access/case-abilities.ts';
import { AppError } from '../../platform/errors.ts';
import type { caseWorkRoutes } from '../cases/case-routes.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseLetterhead } from '../cases/documents.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { consentFormPdf } from './consent-letter.ts';
import { attachScan, recordSigned } from './consent-form.ts';
import {
  ConsentBody,
  ConsentChangedSchema,
  ConsentScanBody,
  ConsentSignedBody,
  WithdrawConsentBody,
} from './consent-schema.ts';
import { recordConsent, withdrawConsent } from './consents.ts';
import { consentFormFacts } from './consent-form-facts.ts';
import { consentScan } from './queries-consents.ts';
import { ConsentParams, CreatedSchema, WithdrawnSchema } from './schema.ts';

/**
 * The consent records of a case (docs/CONSENT.md): record one, withdraw it, print its form,
 * record that the form came back signed, add and read the scanned copy. The case's `consents`
 * part (case-abilities.ts) decides who may; non-members get 404 before anything else. Every read
 * of the form or the scan is audited in its transaction.
 */
export function consentRoutes(cases: ReturnType<typeof caseWorkRoutes>) {
  cases.post(
    '/api/cases/:id/consents',
    {
      policy: 'records.read',
      summary:
        'Record a consent: who gives it, to which uses, categories and recipients, for which purpose and period, in writing or orally (200 when the client id exists)',
      params: CaseIdParams,
      body: ConsentBody,
      response: { 200: CreatedSchema, 201: CreatedSchema },
    },
    async (access, ctx, request, reply) => {
      const r = await recordConsent(ctx, access, request.body);
      return reply.code(r.created ? 201 : 200).send({ id: r.id, version: r.version });
    },
  );

  cases.post(
    '/api/cases/:id/consents/:consentId/withdraw',
    {
      policy: 'records.read',
      summary:
        'Withdraw a consent with immediate effect; active interventions relying on it are paused and the coordinators told',
      params: ConsentParams,
      body: WithdrawConsentBody,
      response: { 200: WithdrawnSchema },
    },
    (access, ctx, request) => withdrawConsent(ctx, access, request.params.consentId, request.body),
  );

  cases.post(
    '/api/cases/:id/consents/:consentId/signed',
    {
      policy: 'records.read',
      summary: 'Record that the printed consent form came back signed (optimistic locking)',
      params: ConsentParams,
      body: ConsentSignedBody,
      response: { 200: ConsentChangedSchema },
    },
    (access, ctx, request) => recordSigned(ctx, access, request.params.consentId, request.body),
  );

  cases.put(
    '/api/cases/:id/consents/:consentId/scan',
    {
      policy: 'records.read',
      summary:
        'Add the scanned copy of the signed form: a PDF, PNG or JPEG of at most 600 kB, base64 (optimistic locking)',
      params: ConsentParams,
      body: ConsentScanBody,
      response: { 200: ConsentChangedSchema },
    },
    (access, ctx, request) => attachScan(ctx, access, request.params.consentId, request.body),
  );

  cases.get(
    '/api/cases/:id/consents/:consentId/scan',
    {
      policy: 'records.read',
      summary: 'The scanned copy of the signed consent form (audited read)',
      params: ConsentParams,
      produces: ['application/pdf', 'image/png', 'image/jpeg'],
    },
    async (access, ctx, request, reply) => {
      requireCaseAbility(access, 'consents', 'read');
      const scan = await ctx.db.transaction().execute(async (trx) => {
        const row = await consentScan(trx, access, request.params.consentId);
        if (!row?.scan || !row.scan_media_type) throw new AppError('not_found');
        await auditCaseRead(trx, ctx, access, {
          what: 'consent_scan',
          persons: [row.person_id],
          details: { consentId: row.id },
        });
        return { bytes: Buffer.from(row.scan), mediaType: row.scan_media_type };
      });
      const extension = scan.mediaType.split('/')[1] ?? 'bin';
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="samtykke.${extension}"`)
        .type(scan.mediaType)
        .send(scan.bytes);
    },
  );

  cases.get(
    '/api/cases/:id/consents/:consentId/form.pdf',
    {
      policy: 'records.read',
      summary: 'The consent form to print and sign, as a PDF (audited read)',
      params: ConsentParams,
      produces: ['application/pdf'],
    },
    async (access, ctx, request, reply) => {
      requireCaseAbility(access, 'consents', 'read');
      const { pdf, reference } = await ctx.db.transaction().execute(async (trx) => {
        const facts = await consentFormFacts(trx, access, request.params.consentId);
        if (!facts) throw new AppError('not_found');
        await auditCaseRead(trx, ctx, access, {
          what: 'consent_form',
          persons: [facts.personId],
          details: { consentId: request.params.consentId },
        });
        return {
          reference: facts.reference,
          pdf: await consentFormPdf({
            ...facts.form,
            locale: ctx.language,
            now: new Date(),
            letterhead: await caseLetterhead(trx, access),
          }),
        };
      });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="samtykke-${reference}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
  );
}
