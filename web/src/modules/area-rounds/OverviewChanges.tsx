import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { levelName } from './ContributionGroups';
import type { OverviewEntry, OverviewItem, RoundDetail } from './roundsApi';

/**
 * The area overview as a table, per level and category, with "Ændret siden sidste runde": each
 * item marked new, gone, changed or unchanged in words (never by colour alone), and for a changed
 * or gone item the last round's wording beside it.
 */
export function OverviewChanges({
  entries,
  parts,
  caption,
  compared = true,
}: {
  entries: OverviewEntry[];
  parts: RoundDetail['parts'];
  caption: string;
  /** False for the first overview: nothing to compare with, no change columns. */
  compared?: boolean;
}) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p>{t('areaRounds.overview.noItems')}</p>;
  const text = (i: OverviewItem) => (i.description ? `${i.label}: ${i.description}` : i.label);
  return (
    <CompactTable
      caption={caption}
      className="area-overview"
      columns={[
        t('areaRounds.overview.item'),
        t('areaRounds.overview.level'),
        t('areaRounds.form.category'),
        compared && t('areaRounds.overview.change'),
        compared && t('areaRounds.overview.previous'),
      ]}
    >
      {entries.map((e) => (
        <tr key={`${e.change}:${e.item.key}`} className={`area-overview-${e.change}`}>
          <th scope="row">
            {e.change === 'gone' ? <s>{text(e.item)}</s> : text(e.item)}
            {e.item.howToReach && (
              <span className="form-hint">
                {' '}
                ({t('areaRounds.form.howToReach')}: {e.item.howToReach})
              </span>
            )}
          </th>
          <td>{levelName(e.item.partId, parts, t('areaRounds.level.area'))}</td>
          <td>
            {t(`areaRounds.category.${e.item.category}`)} ({t(`areaRounds.stance.${e.item.stance}`)}
            )
          </td>
          {compared && (
            <>
              <td>
                <strong>{t(`areaRounds.change.${e.change}`)}</strong>
              </td>
              <td>{e.change === 'changed' && e.previous ? text(e.previous) : ''}</td>
            </>
          )}
        </tr>
      ))}
    </CompactTable>
  );
}
