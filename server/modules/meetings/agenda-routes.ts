import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { addItem, applyTemplate, moveItem, removeItem } from './agenda-edit.ts';
import { meetingNumbers } from './agenda-numbers.ts';
import { listProposals } from './agenda-proposals.ts';
import {
  AddAgendaItemBody,
  AgendaItemParams,
  AgendaSchema,
  ApplyTemplateBody,
  MeetingIdParams,
  MoveAgendaItemBody,
  NumbersQuery,
  NumbersSchema,
  ProposalListSchema,
  RemoveAgendaItemQuery,
} from './agenda-schema.ts';
import { getAgenda } from './agenda-view.ts';

/**
 * A meeting's agenda (issue 14 parts 3, 5–7). Who may see the meeting and change its agenda is
 * decided in server/access/meeting-access.ts: a meeting the caller may not see answers 404; a
 * change by someone who may see but not manage it answers 403. Record items follow the records'
 * own rules (docs/meetings/agenda.md).
 */
export const agendaRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['meetings']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/meetings/:id/agenda',
      {
        policy: 'meetings.read',
        summary:
          'The agenda as the caller may see it: record items by the records’ own rules, the rest counted as hidden; each record item shown is audited',
        params: MeetingIdParams,
        response: { 200: AgendaSchema },
      },
      async (request) => getAgenda(ctx(request), request.params.id),
    );

    route.get(
      '/api/meetings/:id/agenda/proposals',
      {
        policy: 'meetings.read',
        summary:
          'What is due for this meeting (inquiries, follow-ups, plans, re-reviews, cases on hold, numbers), for its chair or a forum manager',
        params: MeetingIdParams,
        response: { 200: ProposalListSchema },
      },
      async (request) => listProposals(ctx(request), request.params.id),
    );

    route.get(
      '/api/meetings/:id/agenda/numbers',
      {
        policy: 'meetings.read',
        summary:
          'Counts for the steering group and the network, small cells suppressed (no personal data)',
        params: MeetingIdParams,
        querystring: NumbersQuery,
        response: { 200: NumbersSchema },
      },
      async (request) => meetingNumbers(ctx(request), request.params.id, request.query),
    );

    route.post(
      '/api/meetings/:id/agenda/items',
      {
        policy: 'meetings.read',
        summary:
          'Add an item (a proposal, a case, a free topic); idempotent by the item id; based on the meeting version',
        params: MeetingIdParams,
        body: AddAgendaItemBody,
        response: { 200: AgendaSchema },
      },
      async (request) => addItem(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/meetings/:id/agenda/template',
      {
        policy: 'meetings.read',
        summary: 'Append a playbook template’s topics (based on the meeting version)',
        params: MeetingIdParams,
        body: ApplyTemplateBody,
        response: { 200: AgendaSchema },
      },
      async (request) => applyTemplate(ctx(request), request.params.id, request.body),
    );

    route.patch(
      '/api/meetings/:id/agenda/items/:itemId',
      {
        policy: 'meetings.read',
        summary: 'Move an item to a position (based on the meeting version)',
        params: AgendaItemParams,
        body: MoveAgendaItemBody,
        response: { 200: AgendaSchema },
      },
      async (request) =>
        moveItem(ctx(request), request.params.id, request.params.itemId, request.body),
    );

    route.delete(
      '/api/meetings/:id/agenda/items/:itemId',
      {
        policy: 'meetings.read',
        summary: 'Remove an item (based on the meeting version, given in the query)',
        params: AgendaItemParams,
        querystring: RemoveAgendaItemQuery,
        response: { 200: AgendaSchema },
      },
      async (request) =>
        removeItem(
          ctx(request),
          request.params.id,
          request.params.itemId,
          request.query.meetingVersion,
        ),
    );
  };
