import { decide, reopen, review } from './decision.ts';
import type { inquiryRouteKit } from './route-kit.ts';
import { DecisionBody, ReopenBody, ReviewBody } from './schema-decision.ts';
import { getSettings } from './settings.ts';

/** The decision of an inquiry: decide (four-eyes: a second coordinator reviews), reopen. */
export function decisionRoutes({ change }: ReturnType<typeof inquiryRouteKit>) {
  change(
    'Decide the inquiry (with four-eyes, the decision waits for a second coordinator)',
    DecisionBody,
    '/decision',
    async (ctx, access, body, now) =>
      decide(ctx, access, await getSettings(ctx.db, access.municipalityCode), body, now),
  );
  change(
    'Approve or reject a decision waiting for a second coordinator (four-eyes)',
    ReviewBody,
    '/decision/review',
    async (ctx, access, body, now) =>
      review(ctx, access, await getSettings(ctx.db, access.municipalityCode), body, now),
  );
  change('Reopen a decided inquiry, with a reason', ReopenBody, '/reopen', (ctx, access, body) =>
    reopen(ctx, access, body),
  );
}
