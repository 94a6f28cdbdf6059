import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { deleteDraft, listDrafts, saveDraft } from './drafts.ts';
import { tags, type InquiryApp } from './route-kit.ts';
import { DraftSchema, SaveDraftBody, SettingsSchema, UpdateSettingsBody } from './schema.ts';
import { changeSettings, ownSettings, type MunicipalitySettings } from './settings.ts';

type ContextOf = (request: FastifyRequest) => RequestContext;

const DraftParams = z.object({ id: z.uuid() }).strict();

/** The caller's own intake drafts (not audited: they are the author's work in progress). */
export function draftRoutes(app: InquiryApp, contextOf: ContextOf) {
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
    async (request) => ({ items: await listDrafts(contextOf(request)) }),
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
    async (request) => saveDraft(contextOf(request), request.params.id, request.body),
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
      await deleteDraft(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

const shown = (s: MunicipalitySettings) => ({ ...s, deadlineHours: { ...s.deadlineHours } });

/** The caller's municipality's settings for inquiries (and action plans' approval). */
export function settingsRoutes(app: InquiryApp, contextOf: ContextOf) {
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
    async (request) => shown(await ownSettings(contextOf(request))),
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
    async (request) => shown(await changeSettings(contextOf(request), request.body)),
  );
}
