import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/write.ts';
import { findPersonAccesses } from '../../access/person-access.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findInquiryAccess,
  grantInquiryAccess,
  type InquiryAccess,
} from '../../access/inquiry-access.ts';
import { PURPOSES } from '../../access/record-audit.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import * as decisions from './decision.ts';
import * as drafts from './drafts.ts';
import * as queries from './queries.ts';
import {
  ContributionBody,
  CreateInquiryBody,
  DecisionBody,
  DraftSchema,
  IdempotencyHeaders,
  InboxQuery,
  InboxSchema,
  InquiryDetailSchema,
  InquiryHistorySchema,
  InquiryIdParams,
  InquiryReceiptSchema,
  ReopenBody,
  ReviewBody,
  SaveDraftBody,
  SettingsSchema,
  TriageBody,
  UpdateInquiryBody,
  UpdateSettingsBody,
  type InquiryDetail,
} from './schema.ts';
import * as service from './service.ts';
import { getSettings, saveSettings } from './settings.ts';

/**
 * Concern inquiries: intake (any member of staff, idempotent), the inbox by deadline, the
 * inquiry with its assessment, triage, contributions, decision with four-eyes, reopening and the
 * chronology; intake drafts; the municipality's inquiry settings. Every read of personal data
 * writes its audit entries in the same transaction.
 */
export const inquiryRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['inquiries'];
    const db = () => app.database.db;
    const userOf = (request: FastifyRequest): CurrentUser => {
      if (!request.session) throw new AppError('unauthenticated');
      return request.session.user;
    };
    const ctx = (request: FastifyRequest): service.InquiryContext => ({
      db: db(),
      keys: options.keys,
      user: userOf(request),
      requestId: request.id,
      now: new Date(),
    });
    const accessOr404 = async (request: FastifyRequest, id: string) => {
      const access = await findInquiryAccess(db(), userOf(request), id);
      if (!access) throw new AppError('not_found');
      return access;
    };

    /** The inquiry as the caller sees it, read and audited in one transaction. */
    const present = async (request: FastifyRequest, id: string): Promise<InquiryDetail> => {
      const user = userOf(request);
      const access = await accessOr404(request, id);
      const settings = await getSettings(db(), access.municipalityCode);
      return db()
        .transaction()
        .execute(async (trx) => {
          const now = new Date();
          const loaded = await queries.loadInquiry(trx, options.keys.secret, id, now);
          if (!loaded) throw new AppError('not_found');
          const { detail, pendingDecidedBy: pendingBy } = loaded;
          const subjects = detail.persons.length > 0 ? detail.persons.map((p) => p.id) : [null];
          await writeAudit(
            trx,
            options.keys.audit,
            subjects.map((subject) =>
              service.inquiryEvent({ ...ctx(request), db: trx }, access.municipalityCode, {
                action: 'read',
                resourceId: id,
                subjectPersonId: subject,
              }),
            ),
          );
          grantInquiryAccess(request, access);
          const open = await findPersonAccesses(
            trx,
            user,
            detail.persons.map((p) => p.id),
          );
          return {
            ...detail,
            persons: detail.persons.map((p) => ({ ...p, mayOpen: open.has(p.id) })),
            abilities: service.inquiryAbilities(access, settings, pendingBy, user.id),
            now: now.toISOString(),
            fourEyes: settings.fourEyes,
          };
        });
    };

    app.get(
      '/api/inquiries',
      {
        config: { policy: 'inquiries.read' },
        schema: {
          tags,
          summary: 'The inbox: inquiries the caller may see, by deadline (keyset pagination)',
          querystring: InboxQuery,
          response: { 200: InboxSchema },
        },
      },
      async (request) => {
        const user = userOf(request);
        const now = new Date();
        return db()
          .transaction()
          .execute(async (trx) => {
            const { shownPersons, ...page } = await queries.listInbox(
              trx,
              user,
              request.query,
              now,
            );
            await writeAudit(
              trx,
              options.keys.audit,
              [...shownPersons].map(([inquiryId, { personId, municipalityCode }]) =>
                service.inquiryEvent(ctx(request), municipalityCode, {
                  action: 'search',
                  resourceId: inquiryId,
                  subjectPersonId: personId,
                }),
              ),
            );
            return { ...page, now: now.toISOString() };
          });
      },
    );

    app.post(
      '/api/inquiries',
      {
        config: { policy: 'inquiries.create' },
        schema: {
          tags,
          summary: 'Record a concern inquiry (idempotent by the Idempotency-Key header); a receipt',
          headers: IdempotencyHeaders,
          body: CreateInquiryBody,
          response: { 200: InquiryReceiptSchema, 201: InquiryReceiptSchema },
        },
      },
      async (request, reply) => {
        const { receipt, created } = await service.createInquiry(
          ctx(request),
          request.body,
          request.headers['idempotency-key'],
        );
        return reply.code(created ? 201 : 200).send(receipt);
      },
    );

    app.get(
      '/api/inquiries/:id',
      {
        config: { policy: 'inquiries.read', record: 'inquiry' },
        schema: {
          tags,
          summary: 'One inquiry with its assessment (404 without need-to-know)',
          params: InquiryIdParams,
          response: { 200: InquiryDetailSchema },
        },
      },
      async (request) => present(request, request.params.id),
    );

    /** A change, then the inquiry as it now is. */
    const change = (
      summary: string,
      body: z.ZodType,
      run: (request: FastifyRequest, access: InquiryAccess, body: never) => Promise<void>,
      path: string,
    ) =>
      app.route({
        method: path === '' ? 'PATCH' : 'POST',
        url: `/api/inquiries/:id${path}`,
        config: { policy: 'inquiries.read', record: 'inquiry' },
        schema: {
          tags,
          summary,
          params: InquiryIdParams,
          body,
          response: { 200: InquiryDetailSchema },
        },
        handler: async (request) => {
          const { id } = request.params as { id: string };
          const access = await accessOr404(request, id);
          await run(request, access, request.body as never);
          return present(request, id);
        },
      });

    change(
      'Edit the inquiry (optimistic locking: 409 with the current version when stale)',
      UpdateInquiryBody,
      (request, access, body: z.infer<typeof UpdateInquiryBody>) =>
        service.updateInquiry(ctx(request), access, body),
      '',
    );
    change(
      'Set the seriousness; the decision deadline follows (24/48/72 hours by default)',
      TriageBody,
      async (request, access, body: z.infer<typeof TriageBody>) =>
        service.triage(
          ctx(request),
          access,
          await getSettings(db(), access.municipalityCode),
          body,
        ),
      '/triage',
    );
    change(
      'Add a contribution to the assessment (with its unit and legal basis)',
      ContributionBody,
      (request, access, body: z.infer<typeof ContributionBody>) =>
        service.addContribution(ctx(request), access, body),
      '/contributions',
    );
    change(
      'Decide the inquiry (with four-eyes, the decision waits for a second coordinator)',
      DecisionBody,
      async (request, access, body: z.infer<typeof DecisionBody>) =>
        decisions.decide(
          ctx(request),
          access,
          await getSettings(db(), access.municipalityCode),
          body,
        ),
      '/decision',
    );
    change(
      'Approve or reject a decision waiting for a second coordinator (four-eyes)',
      ReviewBody,
      async (request, access, body: z.infer<typeof ReviewBody>) =>
        decisions.review(
          ctx(request),
          access,
          await getSettings(db(), access.municipalityCode),
          body,
        ),
      '/decision/review',
    );
    change(
      'Reopen a decided inquiry, with a reason',
      ReopenBody,
      (request, access, body: z.infer<typeof ReopenBody>) =>
        decisions.reopen(ctx(request), access, body),
      '/reopen',
    );

    app.get(
      '/api/inquiries/:id/history',
      {
        config: { policy: 'inquiries.read', record: 'inquiry' },
        schema: {
          tags,
          summary: 'The chronology of the inquiry: who changed what, when',
          params: InquiryIdParams,
          response: { 200: InquiryHistorySchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return db()
          .transaction()
          .execute(async (trx) => {
            const events = await queries.loadHistory(trx, access.inquiryId);
            // The chronology is the inquiry's data: one entry per person it concerns, so the
            // citizen's access report finds the read.
            const persons = await trx
              .selectFrom('inquiry_persons')
              .select('person_id')
              .where('inquiry_id', '=', access.inquiryId)
              .orderBy('position')
              .execute();
            const subjects = persons.length > 0 ? persons.map((p) => p.person_id) : [null];
            await writeAudit(
              trx,
              options.keys.audit,
              subjects.map((subject) =>
                service.inquiryEvent(ctx(request), access.municipalityCode, {
                  action: 'read',
                  resourceId: access.inquiryId,
                  subjectPersonId: subject,
                  details: { part: 'history' },
                }),
              ),
            );
            grantInquiryAccess(request, access);
            return { id: access.inquiryId, events };
          });
      },
    );

    // ── Drafts ──────────────────────────────────────────────────────────────────────────
    const DraftParams = z.object({ id: z.uuid() }).strict();

    app.get(
      '/api/inquiry-drafts',
      {
        config: { policy: 'inquiries.create' },
        schema: {
          tags,
          summary: "The caller's own intake drafts",
          response: { 200: z.object({ items: z.array(DraftSchema) }) },
        },
      },
      async (request) => ({
        items: await drafts.listDrafts(db(), options.keys.secret, userOf(request).id),
      }),
    );

    app.put(
      '/api/inquiry-drafts/:id',
      {
        config: { policy: 'inquiries.create' },
        schema: {
          tags,
          summary: 'Save an intake draft (version 0 creates it)',
          params: DraftParams,
          body: SaveDraftBody,
          response: { 200: DraftSchema },
        },
      },
      async (request) =>
        drafts.saveDraft(
          db(),
          options.keys.secret,
          userOf(request).id,
          request.params.id,
          request.body,
        ),
    );

    app.delete(
      '/api/inquiry-drafts/:id',
      {
        config: { policy: 'inquiries.create' },
        schema: {
          tags,
          summary: 'Delete an intake draft',
          params: DraftParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await drafts.deleteDraft(db(), userOf(request).id, request.params.id);
        return reply.code(204).send(null);
      },
    );

    // ── Settings ────────────────────────────────────────────────────────────────────────
    const settingsOf = async (municipalityCode: string) => {
      const s = await getSettings(db(), municipalityCode);
      return { ...s, deadlineHours: { ...s.deadlineHours } };
    };
    const ownMunicipality = (request: FastifyRequest) => {
      const code = userOf(request).municipalityCode;
      if (!code) throw new AppError('not_found');
      return code;
    };

    app.get(
      '/api/municipality-settings',
      {
        config: { policy: 'settings.read' },
        schema: {
          tags,
          summary: "The caller's municipality's settings for inquiries",
          response: { 200: SettingsSchema },
        },
      },
      async (request) => settingsOf(ownMunicipality(request)),
    );

    app.patch(
      '/api/municipality-settings',
      {
        config: { policy: 'settings.edit' },
        schema: {
          tags,
          summary: 'Change the settings (optimistic locking; version 0 while on defaults)',
          body: UpdateSettingsBody,
          response: { 200: SettingsSchema },
        },
      },
      async (request) => {
        const code = ownMunicipality(request);
        await db()
          .transaction()
          .execute(async (trx) => {
            await saveSettings(trx, code, request.body);
            await writeAudit(trx, options.keys.audit, {
              municipalityCode: code,
              actorUserId: userOf(request).id,
              actorRole: 'municipal_admin',
              action: 'update',
              resourceType: 'municipality_settings',
              resourceId: code,
              purpose: PURPOSES.inquiryAssessment,
              requestId: request.id,
              details: { fields: Object.keys(request.body).join(',') },
            });
          });
        return settingsOf(code);
      },
    );
  };
