import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { contextFor, type ContextKeys, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { addRoute } from '../../platform/route-kit.ts';
import {
  findInquiryAccess,
  grantInquiryAccess,
  type InquiryAccess,
} from '../../access/inquiry-access.ts';
import { readInquiry } from './read.ts';
import { InquiryIdParams } from './schema.ts';
import { InquiryDetailSchema, type InquiryDetail } from './schema-detail.ts';

export type InquiryApp = Parameters<FastifyPluginAsyncZod>[0];
export const tags = ['inquiries'];

/**
 * What the inquiry routes share: the request context, the caller's access to an inquiry (404
 * without need-to-know), the inquiry as the caller sees it, and the shape of a change (POST or
 * PATCH on the inquiry, answered with the inquiry as it now is).
 */
export function inquiryRouteKit(app: InquiryApp, keys: ContextKeys) {
  const contextOf = contextFor(app, keys);

  const accessOr404 = async (request: FastifyRequest, id: string): Promise<InquiryAccess> => {
    const ctx = contextOf(request);
    const access = await findInquiryAccess(ctx.db, ctx.user, id);
    if (!access) throw new AppError('not_found');
    return access;
  };

  /** The inquiry as the caller sees it, read and audited in one transaction. */
  const present = async (request: FastifyRequest, id: string): Promise<InquiryDetail> => {
    const access = await accessOr404(request, id);
    const detail = await readInquiry(contextOf(request), access, new Date());
    grantInquiryAccess(request, access);
    return detail;
  };

  /** A change, then the inquiry as it now is. `path` '' is the PATCH of the inquiry itself. */
  const change = <B extends z.ZodType>(
    summary: string,
    body: B,
    path: string,
    run: (ctx: RequestContext, access: InquiryAccess, body: z.infer<B>, now: Date) => Promise<void>,
  ) =>
    addRoute(
      app,
      tags,
      path === '' ? 'PATCH' : 'POST',
      `/api/inquiries/:id${path}`,
      {
        policy: 'inquiries.read',
        record: 'inquiry',
        summary,
        params: InquiryIdParams,
        body,
        response: { 200: InquiryDetailSchema },
      },
      async (request) => {
        const { id } = request.params;
        const access = await accessOr404(request, id);
        await run(contextOf(request), access, request.body as z.infer<B>, new Date());
        return present(request, id);
      },
    );

  return { contextOf, accessOr404, present, change };
}
