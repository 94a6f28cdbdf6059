import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { compareRelations } from './compare.ts';
import { toNetworkMap } from './content.ts';
import { casePersonNames, mapById, selectMaps, type NetworkMapRow } from './queries.ts';
import type { NetworkMap, NetworkMapComparison, NetworkMapList } from './schema.ts';

/**
 * Reading the case's network analysis map: every version, and two versions compared. Readers:
 * members with the whole case who hold the compartment (case-abilities `networkMap`). Every read
 * writes its audit entries in the transaction of the read.
 */

/** Every version of the map, newest first; the read is audited with it. */
export async function listNetworkMaps(
  ctx: RequestContext,
  access: CaseAccess,
): Promise<NetworkMapList> {
  requireCaseAbility(access, 'networkMap', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectMaps(trx, access).orderBy('m.number', 'desc').execute();
    const persons = await casePersonNames(trx, access);
    await auditCaseRead(trx, ctx, access, {
      what: 'network_maps',
      details: { count: rows.length },
    });
    return { id: access.caseId, items: rows.map((row) => toNetworkMap(row, persons)) };
  });
}

/** The version before the latest, and the latest (either may be missing). */
async function latestTwo(trx: Kysely<DB>, access: CaseAccess) {
  const rows = await selectMaps(trx, access).orderBy('m.number', 'desc').limit(2).execute();
  return [rows[1], rows[0]] as const;
}

const ref = (row: NetworkMapRow) => ({
  id: row.id,
  number: row.number,
  drawnOn: row.drawn_on,
  occasion: row.occasion,
  status: row.status === 'final' ? ('final' as const) : ('draft' as const),
});

/**
 * Two versions side by side: what changed from `from` to `to` (both must be versions of this
 * case's map: otherwise 404, as for a missing id); without them, from the version before the
 * latest to the latest (nothing to compare while the map has fewer than two). Audited.
 */
export async function compareNetworkMaps(
  ctx: RequestContext,
  access: CaseAccess,
  ids: { from?: string | undefined; to?: string | undefined },
): Promise<NetworkMapComparison> {
  requireCaseAbility(access, 'networkMap', 'read');
  if ((ids.from === undefined) !== (ids.to === undefined)) {
    const field = ids.from === undefined ? 'query.from' : 'query.to';
    throw new AppError('validation_failed', {
      fields: [{ field, code: 'network_map_compare_both' }],
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const [from, to] =
      ids.from && ids.to
        ? [await mapById(trx, access, ids.from), await mapById(trx, access, ids.to)]
        : await latestTwo(trx, access);
    if (ids.from && (!from || !to)) throw new AppError('not_found');
    if (!from || !to) {
      await auditCaseRead(trx, ctx, access, { what: 'network_map_comparison' });
      return { id: access.caseId, from: null, to: to ? ref(to) : null, changes: [], unchanged: 0 };
    }
    const persons = await casePersonNames(trx, access);
    const before: NetworkMap = toNetworkMap(from, persons);
    const after: NetworkMap = toNetworkMap(to, persons);
    await auditCaseRead(trx, ctx, access, {
      what: 'network_map_comparison',
      details: { from: from.number, to: to.number },
    });
    const { changes, unchanged } = compareRelations(before.relations ?? [], after.relations ?? []);
    return { id: access.caseId, from: ref(from), to: ref(to), changes, unchanged };
  });
}
