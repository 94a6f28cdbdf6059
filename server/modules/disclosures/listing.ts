import type { Kysely } from 'kysely';
import {
  DisclosureChannelSchema,
  DisclosureRecipientKindSchema,
} from '../../../shared/disclosures.ts';
import { DataCategorySchema } from '../../../shared/sharing.ts';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decodeSortCursor, encodeSortCursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { DateOnly } from '../../platform/primitives.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import {
  caseDisclosuresPage,
  personsOfDisclosures,
  type DayCursor,
  type DisclosureRow,
} from './queries.ts';
import type { Disclosure, DisclosureList } from './schema.ts';

/** The lists' keyset cursor: the last row's day and id (`day` names the sort). */
export const CURSOR_SORT = 'day';

export function decodeDayCursor(value: string | undefined, field: string): DayCursor | null {
  return decodeSortCursor(value, CURSOR_SORT, DateOnly, field);
}

/** The page and the cursor of the next one, from `limit + 1` rows. */
export function pageOf<T extends { disclosed_on: string; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor:
      rows.length > limit && last
        ? encodeSortCursor(CURSOR_SORT, last.disclosed_on, last.id)
        : null,
  };
}

/**
 * The case's disclosures (GET /api/cases/:id/disclosures), newest day first in keyset pages, with
 * the persons each concerned. Audited as a read of the case.
 */
export async function listCaseDisclosures(
  ctx: RequestContext,
  access: CaseAccess,
  query: { after?: string; limit: number },
): Promise<DisclosureList> {
  requireCaseAbility(access, 'disclosures', 'read');
  const after = decodeDayCursor(query.after, 'query.after');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await caseDisclosuresPage(trx, access, after, query.limit);
    const { page, nextCursor } = pageOf(rows, query.limit);
    const items = await presentDisclosures(trx, access.municipalityCode, page);
    await auditCaseRead(trx, ctx, access, {
      what: 'disclosures',
      details: { disclosures: items.length },
    });
    return { items, nextCursor };
  });
}

/** The rows as the API answers them, with their persons (one more round trip for the page). */
export async function presentDisclosures(
  db: Kysely<DB>,
  municipalityCode: string,
  rows: DisclosureRow[],
): Promise<Disclosure[]> {
  const persons = await personsOfDisclosures(
    db,
    municipalityCode,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    caseReference: row.reference,
    disclosedOn: row.disclosed_on,
    recipientOrganisation: row.recipient_organisation,
    recipientKind: DisclosureRecipientKindSchema.parse(row.recipient_kind),
    recipientPerson: row.recipient_person,
    categories: row.categories.map((c) => DataCategorySchema.parse(c)),
    documents: row.documents,
    legalBasis: row.legal_basis,
    purpose: row.purpose,
    decidedBy: row.decided_by,
    channel: DisclosureChannelSchema.parse(row.channel),
    recordedByHand: row.recorded_by_hand,
    productSource: row.product_source,
    persons: persons
      .filter((p) => p.disclosure_id === row.id)
      .map((p) => ({ id: p.id, name: `${p.given_name} ${p.family_name}` })),
    recordedBy: { id: row.recorded_by, name: row.display_name },
    recordedAt: row.recorded_at.toISOString(),
  }));
}
