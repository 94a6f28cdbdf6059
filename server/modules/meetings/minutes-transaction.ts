import type { Kysely, Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * A decision in the minutes is made by the module that owns the record, through the very function
 * its own page calls (the inquiry's `decide`, the follow-ups' `addFollowUp`, the closure's
 * `proposeClosure` …), so the same rules refuse the same things with the same message. Those
 * functions open their own transaction from `ctx.db`; the minutes must store their note of the
 * decision in the same one, so that a refused decision leaves nothing behind and a stored note
 * always has its decision.
 *
 * `joinedContext` gives the owning function a context whose database is the minutes' open
 * transaction: every query runs in it, and a `transaction().execute(fn)` it starts runs `fn` in
 * that same transaction (PostgreSQL has no nested transactions; an error thrown inside rolls the
 * whole request back, which is what the minutes want).
 */
export function joinedDatabase(trx: Transaction<DB>): Kysely<DB> {
  const inner = {
    execute: <T>(fn: (t: Transaction<DB>) => Promise<T>): Promise<T> => fn(trx),
    setIsolationLevel: () => inner,
    setAccessMode: () => inner,
  };
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => inner;
      // Kysely keeps its state in private fields: methods and getters run on the real object.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** The request's context with its database joined to the minutes' transaction. */
export function joinedContext(ctx: RequestContext, trx: Transaction<DB>): RequestContext {
  return { ...ctx, db: joinedDatabase(trx) };
}
