import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { documentDate } from '../../platform/pdf-layout.ts';
import { storedRelations } from './content.ts';
import { latestFinalMaps } from './queries.ts';

/**
 * The network map in the citizen's access request (server/modules/access-requests assembles the
 * draft and asks here): the latest finalised version of each of the citizen's cases, one line
 * per relation with its sector, role, closeness and quality — the roles as the team wrote them
 * ("older cousin"). Never a name: a relation linked to a party of the case keeps its role and
 * loses the link, and the notes are withheld (they may describe other people); the item says
 * so. Drafts are internal working papers and not included. The data-protection reviewer still
 * reviews, redacts or withholds the item as any other.
 */
export async function networkMapItems(
  trx: Transaction<DB>,
  municipalityCode: string,
  cases: readonly { id: string; reference: string }[],
  locale: Locale,
) {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const rows = await latestFinalMaps(
    trx,
    municipalityCode,
    cases.map((c) => c.id),
  );
  const seen = new Set<string>();
  const items = [];
  for (const row of rows) {
    // Rows come newest first per case: the first is the latest finalised version.
    if (seen.has(row.case_id)) continue;
    seen.add(row.case_id);
    const reference = cases.find((c) => c.id === row.case_id)?.reference ?? '';
    const relations = storedRelations(row.relations);
    items.push({
      source: 'case' as const,
      caseId: row.case_id,
      inquiryId: null,
      title: t('accessRequests.titles.networkMap', {
        reference,
        number: row.number,
        date: documentDate(locale, row.drawn_on),
      }),
      lines: [
        ...relations.map((r) => ({
          label: 'relation',
          value: [
            t(`networkMaps.sector.${r.sector}`),
            r.label,
            t(`networkMaps.closeness.${r.closeness}`),
            t(`networkMaps.quality.${r.quality}`),
          ].join(' · '),
        })),
        { label: 'note', value: t('networkMaps.accessRequestNote') },
      ],
    });
  }
  return items;
}
