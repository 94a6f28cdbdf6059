import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { deleteDraft, listDrafts, saveDraft } from './drafts.ts';
import type { RouteKit } from '../../platform/route-kit.ts';
import { DraftSchema, SaveDraftBody, SettingsSchema, UpdateSettingsBody } from './schema.ts';
import { changeSettings, ownSettings, type MunicipalitySettings } from './settings.ts';
import { ChooseModelBody } from './schema-organisation.ts';
import { chooseOrganisationModel } from './organisation-model.ts';

type ContextOf = (request: FastifyRequest) => RequestContext;

const DraftParams = z.object({ id: z.uuid() }).strict();

/** The caller's own intake drafts (not audited: they are the author's work in progress). */
export function draftRoutes(route: RouteKit, contextOf: ContextOf) {
  route.get(
    '/api/inquiry-drafts',
    {
      policy: 'inquiries.create',
      summary: "The caller's own intake drafts",
      response: { 200: z.object({ items: z.array(DraftSchema) }) },
    },
    async (request) => ({ items: await listDrafts(contextOf(request)) }),
  );

  route.put(
    '/api/inquiry-drafts/:id',
    {
      policy: 'inquiries.create',
      summary: 'Save an intake draft (version 0 creates it)',
      params: DraftParams,
      body: SaveDraftBody,
      response: { 200: DraftSchema },
    },
    async (request) => saveDraft(contextOf(request), request.params.id, request.body),
  );

  route.delete(
    '/api/inquiry-drafts/:id',
    {
      policy: 'inquiries.create',
      summary: 'Delete an intake draft',
      params: DraftParams,
      response: { 204: z.null() },
    },
    async (request, reply) => {
      await deleteDraft(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

const shown = (s: MunicipalitySettings) => ({ ...s, deadlineHours: { ...s.deadlineHours } });

/** The caller's municipality's settings for inquiries (and action plans' approval). */
export function settingsRoutes(route: RouteKit, contextOf: ContextOf) {
  route.get(
    '/api/municipality-settings',
    {
      policy: 'settings.read',
      summary: "The caller's municipality's settings for inquiries",
      response: { 200: SettingsSchema },
    },
    async (request) => shown(await ownSettings(contextOf(request))),
  );

  route.patch(
    '/api/municipality-settings',
    {
      policy: 'settings.edit',
      summary: 'Change the settings (optimistic locking; version 0 while on defaults)',
      body: UpdateSettingsBody,
      response: { 200: SettingsSchema },
    },
    async (request) => shown(await changeSettings(contextOf(request), request.body)),
  );

  route.put(
    '/api/municipality-settings/organisation-model',
    {
      policy: 'settings.edit',
      summary:
        'Choose the organisation model (1–3): its defaults replace the settings it decides; each stays adjustable',
      body: ChooseModelBody,
      response: { 200: SettingsSchema },
    },
    async (request) => shown(await chooseOrganisationModel(contextOf(request), request.body)),
  );
}
