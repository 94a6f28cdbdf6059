import type { FastifyRequest } from 'fastify';
import {
  findInquiryAccess,
  grantInquiryAccess,
  type InquiryAccess,
} from '../../access/inquiry-access.ts';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { routeKit, type ZodApp } from '../../platform/route-kit.ts';
import { InquiryIdParams } from '../inquiries/schema.ts';
import { recordContactAttempt } from './contact.ts';
import { readContact } from './listing.ts';
import { inquiryOwner } from './owner.ts';
import { prepareMeeting, updatePreparation } from './preparation.ts';
import { recordMeetingHeld, recordReflection } from './rounding.ts';
import {
  CitizenMeetingParams,
  InquiryCitizenContactSchema,
  PrepareCitizenMeetingBody,
  RecordContactAttemptBody,
  RecordMeetingHeldBody,
  RecordReflectionBody,
  UpdatePreparationBody,
} from './schema.ts';

/**
 * Meeting the citizen on an inquiry being assessed ("kontakt kan ske når som helst i forløbet"):
 * the same contact bar and meetings as on a case. Need-to-know is the inquiry's
 * (inquiry-access.ts: 404 otherwise); those who work on it while it is assessed record
 * (inquiry-abilities.ts `contribute`); a decided inquiry takes no more (`inquiry_decided`).
 */
export async function inquiryContactRoutes(app: ZodApp, keys: ContextKeys): Promise<void> {
  const route = routeKit(app, ['citizen-meetings']);
  const contextOf = contextFor(app, keys);
  const accessOr404 = async (request: FastifyRequest, id: string): Promise<InquiryAccess> => {
    const ctx = contextOf(request);
    const access = await findInquiryAccess(ctx.db, ctx.user, id);
    if (!access) throw new AppError('not_found');
    return access;
  };
  /** The contact bar as it now is, read, audited and granted its compartment. */
  const present = async (request: FastifyRequest, access: InquiryAccess) => {
    const contact = await readContact(contextOf(request), inquiryOwner(access));
    grantInquiryAccess(request, access);
    return contact;
  };
  const answer = { 200: InquiryCitizenContactSchema, 201: InquiryCitizenContactSchema };

  route.get(
    '/api/inquiries/:id/citizen-contact',
    {
      policy: 'inquiries.read',
      record: 'inquiry',
      summary: "The inquiry's contact bar and its meetings with the citizen",
      params: InquiryIdParams,
      response: { 200: InquiryCitizenContactSchema },
    },
    async (request) => present(request, await accessOr404(request, request.params.id)),
  );

  route.post(
    '/api/inquiries/:id/contact-attempts',
    {
      policy: 'inquiries.read',
      record: 'inquiry',
      summary: 'Record a try to reach the citizen of an inquiry being assessed',
      params: InquiryIdParams,
      body: RecordContactAttemptBody,
      response: answer,
    },
    async (request, reply) => {
      const access = await accessOr404(request, request.params.id);
      const { created } = await recordContactAttempt(
        contextOf(request),
        inquiryOwner(access),
        request.body,
      );
      return reply.code(created ? 201 : 200).send(await present(request, access));
    },
  );

  route.post(
    '/api/inquiries/:id/citizen-meetings',
    {
      policy: 'inquiries.read',
      record: 'inquiry',
      summary: 'Prepare a meeting with the citizen of an inquiry being assessed',
      params: InquiryIdParams,
      body: PrepareCitizenMeetingBody,
      response: answer,
    },
    async (request, reply) => {
      const access = await accessOr404(request, request.params.id);
      const { created } = await prepareMeeting(
        contextOf(request),
        inquiryOwner(access),
        request.body,
      );
      return reply.code(created ? 201 : 200).send(await present(request, access));
    },
  );

  const put = (path: string, summary: string) => ({
    url: `/api/inquiries/:id/citizen-meetings/:meetingId/${path}`,
    spec: {
      policy: 'inquiries.read' as const,
      record: 'inquiry' as const,
      summary: `${summary} (an inquiry being assessed; optimistic locking on its version)`,
      params: CitizenMeetingParams,
      response: { 200: InquiryCitizenContactSchema },
    },
  });

  const preparation = put('preparation', "Change a meeting's preparation");
  route.put(
    preparation.url,
    { ...preparation.spec, body: UpdatePreparationBody },
    async (request) => {
      const access = await accessOr404(request, request.params.id);
      const owner = inquiryOwner(access);
      await updatePreparation(contextOf(request), owner, request.params.meetingId, request.body);
      return present(request, access);
    },
  );

  const held = put('held', 'The meeting held and rounded off');
  route.put(held.url, { ...held.spec, body: RecordMeetingHeldBody }, async (request) => {
    const access = await accessOr404(request, request.params.id);
    const owner = inquiryOwner(access);
    await recordMeetingHeld(contextOf(request), owner, request.params.meetingId, request.body);
    return present(request, access);
  });

  const reflection = put('reflection', "The team's reflection after the meeting");
  route.put(reflection.url, { ...reflection.spec, body: RecordReflectionBody }, async (request) => {
    const access = await accessOr404(request, request.params.id);
    const owner = inquiryOwner(access);
    await recordReflection(contextOf(request), owner, request.params.meetingId, request.body);
    return present(request, access);
  });
}
