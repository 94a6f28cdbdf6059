import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
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

const ref = (row: NetworkMapRow) => ({
  id: row.id,
  number: row.number,
  drawnOn: row.drawn_on,
  occasion: row.occasion,
  status: row.status === 'final' ? ('final' as const) : ('draft' as const),
});

/**
 * Two versions side by side: what changed from `fromId` to `toId` (both must be versions of this
 * case's map: otherwise 404, as for a missing id). The read is audited.
 */
export async function compareNetworkMaps(
  ctx: RequestContext,
  access: CaseAccess,
  fromId: string,
  toId: string,
): Promise<NetworkMapComparison> {
  requireCaseAbility(access, 'networkMap', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const from = await mapById(trx, access, fromId);
    const to = await mapById(trx, access, toId);
    if (!from || !to) throw new AppError('not_found');
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
