import type { RequestContext } from '../../platform/context.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { decide, reopen, review } from './decision.ts';
import type { inquiryRouteKit } from './route-kit.ts';
import { DecisionBody, ReopenBody, ReviewBody } from './schema-decision.ts';
import { getSettings, type MunicipalitySettings } from './settings.ts';

/** A change that follows the municipality's settings (four-eyes, deadlines): read them first. */
export const withSettings =
  <B>(
    run: (
      ctx: RequestContext,
      access: InquiryAccess,
      settings: MunicipalitySettings,
      body: B,
      now: Date,
    ) => Promise<void>,
  ) =>
  async (ctx: RequestContext, access: InquiryAccess, body: B, now: Date) =>
    run(ctx, access, await getSettings(ctx.db, access.municipalityCode), body, now);

/** The decision of an inquiry: decide (four-eyes: a second coordinator reviews), reopen. */
export function decisionRoutes({ change }: ReturnType<typeof inquiryRouteKit>) {
  change(
    'Decide the inquiry (with four-eyes, the decision waits for a second coordinator)',
    DecisionBody,
    '/decision',
    withSettings(decide),
  );
  change(
    'Approve or reject a decision waiting for a second coordinator (four-eyes)',
    ReviewBody,
    '/decision/review',
    withSettings(review),
  );
  change('Reopen a decided inquiry, with a reason', ReopenBody, '/reopen', (ctx, access, body) =>
    reopen(ctx, access, body),
  );
}
