import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { grantCaseAccess } from '../../access/records.ts';
import type { ContextKeys } from '../../platform/context.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { recordContactAttempt } from './contact.ts';
import { readContact } from './listing.ts';
import { caseOwner } from './owner.ts';
import { prepareMeeting, updatePreparation } from './preparation.ts';
import { recordMeetingHeld, recordReflection } from './rounding.ts';
import { inquiryContactRoutes } from './routes-inquiry.ts';
import {
  CaseCitizenContactSchema,
  CitizenMeetingParams,
  PrepareCitizenMeetingBody,
  RecordContactAttemptBody,
  RecordMeetingHeldBody,
  RecordReflectionBody,
  UpdatePreparationBody,
} from './schema.ts';
import { summaryPdfReply } from './summary-route.ts';

/**
 * Meeting the citizen (issue 15 parts 1–4) on a case: the contact bar and the meetings (GET),
 * a contact attempt, a meeting prepared, its preparation changed, the meeting held and rounded
 * off, the reflection afterwards, and the summary PDF for the citizen. Non-members get 404 before
 * anything else (caseWorkRoutes); the rules are the case part `citizenMeetings`
 * (case-abilities.ts); every read and change is audited in its transaction; each change answers
 * the contact bar and meetings as they now are, with the compartment as the caller may see it.
 */
export const citizenMeetingRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['citizen-meetings']);
    const answer = { 200: CaseCitizenContactSchema, 201: CaseCitizenContactSchema };

    cases.get(
      '/api/cases/:id/citizen-contact',
      {
        policy: 'records.read',
        summary:
          "The case's contact bar (the tries to reach the citizen, in order) and its meetings with the citizen",
        params: CaseIdParams,
        response: { 200: CaseCitizenContactSchema },
      },
      async (access, ctx, request) => {
        const contact = await readContact(ctx, caseOwner(access));
        grantCaseAccess(request, access);
        return contact;
      },
    );

    cases.post(
      '/api/cases/:id/contact-attempts',
      {
        policy: 'records.read',
        summary:
          'Record a try to reach the citizen (channel, outcome, the next try); the same id again answers the try already there (200)',
        params: CaseIdParams,
        body: RecordContactAttemptBody,
        response: answer,
      },
      async (access, ctx, request, reply) => {
        const owner = caseOwner(access);
        const { created } = await recordContactAttempt(ctx, owner, request.body);
        grantCaseAccess(request, access);
        return reply.code(created ? 201 : 200).send(await readContact(ctx, owner));
      },
    );

    cases.post(
      '/api/cases/:id/citizen-meetings',
      {
        policy: 'records.read',
        summary:
          'Prepare a meeting with the citizen (purpose, agenda, place, roles, colleague check, risk check); the same id again answers the meeting already there (200)',
        params: CaseIdParams,
        body: PrepareCitizenMeetingBody,
        response: answer,
      },
      async (access, ctx, request, reply) => {
        const owner = caseOwner(access);
        const { created } = await prepareMeeting(ctx, owner, request.body);
        grantCaseAccess(request, access);
        return reply.code(created ? 201 : 200).send(await readContact(ctx, owner));
      },
    );

    cases.put(
      '/api/cases/:id/citizen-meetings/:meetingId/preparation',
      {
        policy: 'records.read',
        summary: "Change a meeting's preparation (optimistic locking on its version)",
        params: CitizenMeetingParams,
        body: UpdatePreparationBody,
        response: { 200: CaseCitizenContactSchema },
      },
      async (access, ctx, request) => {
        const owner = caseOwner(access);
        await updatePreparation(ctx, owner, request.params.meetingId, request.body);
        grantCaseAccess(request, access);
        return readContact(ctx, owner);
      },
    );

    cases.put(
      '/api/cases/:id/citizen-meetings/:meetingId/held',
      {
        policy: 'records.read',
        summary:
          'The meeting held and rounded off: perspective, stage of change, summary, agreements, rights, lifeline, next meeting',
        params: CitizenMeetingParams,
        body: RecordMeetingHeldBody,
        response: { 200: CaseCitizenContactSchema },
      },
      async (access, ctx, request) => {
        const owner = caseOwner(access);
        await recordMeetingHeld(ctx, owner, request.params.meetingId, request.body);
        grantCaseAccess(request, access);
        return readContact(ctx, owner);
      },
    );

    cases.put(
      '/api/cases/:id/citizen-meetings/:meetingId/reflection',
      {
        policy: 'records.read',
        summary:
          "The team's reflection after the meeting (what worked, what to change, motivation, the network's resistance); compartment",
        params: CitizenMeetingParams,
        body: RecordReflectionBody,
        response: { 200: CaseCitizenContactSchema },
      },
      async (access, ctx, request) => {
        const owner = caseOwner(access);
        await recordReflection(ctx, owner, request.params.meetingId, request.body);
        grantCaseAccess(request, access);
        return readContact(ctx, owner);
      },
    );

    cases.get(
      '/api/cases/:id/citizen-meetings/:meetingId/summary.pdf',
      {
        policy: 'records.read',
        summary: 'The one-page summary of a meeting held, for the citizen, as a PDF',
        params: CitizenMeetingParams,
        produces: ['application/pdf'],
      },
      (access, ctx, request, reply) =>
        summaryPdfReply(ctx, access, request.params.meetingId, reply),
    );

    await inquiryContactRoutes(app, options.keys);
  };
