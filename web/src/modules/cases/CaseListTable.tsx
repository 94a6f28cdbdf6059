import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from './casesApi';
import { CompactTable } from '../../ui/Table';

/** The user's cases: reference (a link), citizen, status and the user's own role. */
export function CaseListTable({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      className="case-table"
      caption={t('cases.list.caption')}
      columns={[
        t('cases.list.referenceColumn'),
        t('cases.list.citizenColumn'),
        t('cases.list.statusColumn'),
        t('cases.list.roleColumn'),
      ]}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td className="case-reference">
            <Link to={`/sager/${item.id}`}>{item.reference}</Link>
            {item.breakGlass && (
              <>
                {' '}
                <span className="badge badge-warning case-badge">
                  {t('cases.common.breakGlassBadge')}
                </span>
              </>
            )}
          </td>
          <td>{item.citizen ? item.citizen.name : t('cases.list.citizenHidden')}</td>
          <td>{t(`cases.status.${item.status}`)}</td>
          <td>{item.myRole ? t(`cases.roles.${item.myRole}`) : t('cases.roles.breakGlass')}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
