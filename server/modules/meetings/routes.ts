import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import * as participants from './meetings-participants.ts';
import {
  AddExternalGuestBody,
  AddParticipantBody,
  CancelMeetingBody,
  CreateMeetingBody,
  CreateMeetingResultSchema,
  MeetingDetailSchema,
  MeetingGuestParams,
  MeetingIdParams,
  MeetingListQuery,
  MeetingListSchema,
  MeetingParticipantParams,
  UpdateMeetingBody,
} from './schema.ts';
import * as service from './service.ts';

/**
 * Meetings of the forums (issue 14 part 2). The list and one meeting are for those who take part
 * or manage the forums (a meeting the caller may not see answers 404, as a missing one); creating
 * needs `forums.manage`; changing a meeting, its participants and guests needs its chair or a
 * manager (server/access/meeting-access.ts).
 */
export const meetingRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['meetings']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/meetings',
      {
        policy: 'meetings.read',
        summary: "The caller's meetings from today (filters: forum, period, status), by start",
        querystring: MeetingListQuery,
        response: { 200: MeetingListSchema },
      },
      async (request) => service.listMeetings(ctx(request), request.query),
    );

    route.post(
      '/api/meetings',
      {
        policy: 'forums.manage',
        summary:
          'Create a meeting of a forum (or a series at its cadence) and invite its members; the same id and body again answers the same meeting',
        body: CreateMeetingBody,
        response: { 200: CreateMeetingResultSchema, 201: CreateMeetingResultSchema },
      },
      async (request, reply) => {
        const result = await service.createMeeting(ctx(request), request.body);
        return reply
          .status(result.created ? 201 : 200)
          .send({ ...result.meeting, seriesMeetingIds: result.seriesMeetingIds });
      },
    );

    route.get(
      '/api/meetings/:id',
      {
        policy: 'meetings.read',
        summary: "One meeting with its participants and the caller's abilities (404 if not seen)",
        params: MeetingIdParams,
        response: { 200: MeetingDetailSchema },
      },
      async (request) => service.getMeeting(ctx(request), request.params.id),
    );

    route.patch(
      '/api/meetings/:id',
      {
        policy: 'meetings.read',
        summary: "Change a meeting's time, place, chair or note-taker (optimistic locking)",
        params: MeetingIdParams,
        body: UpdateMeetingBody,
        response: { 200: MeetingDetailSchema },
      },
      async (request) => service.updateMeeting(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/meetings/:id/cancel',
      {
        policy: 'meetings.read',
        summary: 'Cancel a planned meeting with a reason; everyone invited is told',
        params: MeetingIdParams,
        body: CancelMeetingBody,
        response: { 200: MeetingDetailSchema },
      },
      async (request) => service.cancelMeeting(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/meetings/:id/participants',
      {
        policy: 'meetings.read',
        summary: 'Invite a member, or a guest (partner or colleague) to one agenda item',
        params: MeetingIdParams,
        body: AddParticipantBody,
        response: { 200: MeetingDetailSchema },
      },
      async (request) => participants.addParticipant(ctx(request), request.params.id, request.body),
    );

    route.delete(
      '/api/meetings/:id/participants/:userId',
      {
        policy: 'meetings.read',
        summary: 'Remove a participant from the meeting (they are sent a cancellation)',
        params: MeetingParticipantParams,
        response: { 200: MeetingDetailSchema },
      },
      async (request) =>
        participants.removeParticipant(ctx(request), request.params.id, request.params.userId),
    );

    route.post(
      '/api/meetings/:id/external-guests',
      {
        policy: 'meetings.read',
        summary: 'Invite a named person from outside the product to one agenda item',
        params: MeetingIdParams,
        body: AddExternalGuestBody,
        response: { 200: MeetingDetailSchema },
      },
      async (request) =>
        participants.addExternalGuest(ctx(request), request.params.id, request.body),
    );

    route.delete(
      '/api/meetings/:id/external-guests/:guestId',
      {
        policy: 'meetings.read',
        summary: 'Remove an external guest from the meeting',
        params: MeetingGuestParams,
        response: { 200: MeetingDetailSchema },
      },
      async (request) =>
        participants.removeExternalGuest(ctx(request), request.params.id, request.params.guestId),
    );
  };
