import type { z } from 'zod';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { CoordinatorListSchema } from './overview-schema.ts';
import { coordinatorsOfVisibleCases } from './queries-coordinators.ts';

/**
 * "Tovholder" in the overview's filter bar: the coordinators the caller may filter by — those of
 * the cases the caller may see, by name. Names and ids only; the list is audited (who is on which
 * cases is a part of the case records) with its count, in the same transaction as the read.
 */
export async function filterableCoordinators(
  ctx: RequestContext,
): Promise<z.infer<typeof CoordinatorListSchema>> {
  const { user } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await coordinatorsOfVisibleCases(trx, user);
    const event = recordEvent(
      user,
      {
        municipalityCode: user.municipalityCode ?? '',
        unitId: user.unitIds[0] ?? null,
        breakGlass: false,
      },
      {
        action: 'read',
        resourceType: 'case_coordinators',
        resourceId: null,
        purpose: PURPOSES.caseList,
        requestId: ctx.requestId,
        details: { coordinators: rows.length },
      },
    );
    // A user of no municipality (police staff) writes to the global chain.
    await writeAudit(trx, ctx.keys.audit, [{ ...event, municipalityCode: user.municipalityCode }]);
    return { items: rows.map((r) => ({ id: r.id, name: r.display_name })) };
  });
}
