import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as queries from './queries.ts';
import type { AdminUser } from './schema.ts';

/**
 * What the administration reads: users and units within the caller's scope (their
 * municipality; every municipality for a system administrator). A user outside it answers 404.
 */
const scope = (ctx: RequestContext) => queries.adminScope(ctx.user);

export function listUsers(ctx: RequestContext, filter: Parameters<typeof queries.listUsers>[2]) {
  return queries.listUsers(ctx.db, scope(ctx), filter);
}

export async function getUser(ctx: RequestContext, id: string): Promise<AdminUser> {
  const user = await queries.findUser(ctx.db, scope(ctx), id);
  if (!user) throw new AppError('not_found');
  return user;
}

export function listUnits(ctx: RequestContext, filter: Parameters<typeof queries.listUnits>[2]) {
  return queries.listUnits(ctx.db, scope(ctx), filter);
}
