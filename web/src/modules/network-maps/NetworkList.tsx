import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { bySector } from './networkOrder';
import type { Closeness, RelationView } from './networkMapsApi';

/**
 * The map as an accessible table: the primary way for screen readers and keyboard users (the
 * drawing beside it shows the same data). One group of rows per sector, the sector named in a
 * row header; each relation's role, closeness and quality in words (never colour alone), the
 * linked person of the case when there is one, and the note.
 */
export function NetworkList({
  relations,
  caption,
}: {
  relations: RelationView[];
  caption: string;
}) {
  const { t } = useTranslation();
  if (relations.length === 0) return <p>{t('networkMaps.list.empty')}</p>;
  return (
    <CompactTable
      caption={caption}
      className="network-list"
      columns={[
        t('networkMaps.list.role'),
        t('networkMaps.list.closeness'),
        t('networkMaps.list.quality'),
        t('networkMaps.list.note'),
      ]}
    >
      {bySector(relations).map((group) => [
        <tr key={group.sector} className="network-list-sector">
          <th scope="colgroup" colSpan={4}>
            {t(`networkMaps.sector.${group.sector}`)}
          </th>
        </tr>,
        ...group.relations.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              {r.label}
              {r.personName && (
                <span className="network-list-person">
                  {' '}
                  {t('networkMaps.list.linked', { name: r.personName })}
                </span>
              )}
            </th>
            <td>{t(`networkMaps.closeness.${r.closeness as Closeness}`)}</td>
            <td>
              <span className={`network-quality network-quality-${r.quality}`}>
                <span aria-hidden="true">{t(`networkMaps.qualitySymbol.${r.quality}`)} </span>
                {t(`networkMaps.quality.${r.quality}`)}
              </span>
            </td>
            <td>{r.note ?? ''}</td>
          </tr>
        )),
      ])}
    </CompactTable>
  );
}
