import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from './casesApi';

/** The user's cases: reference (a link), citizen, status and the user's own role. */
export function CaseListTable({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact case-table">
        <caption className="sr-only">{t('cases.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.list.referenceColumn')}</th>
            <th scope="col">{t('cases.list.citizenColumn')}</th>
            <th scope="col">{t('cases.list.statusColumn')}</th>
            <th scope="col">{t('cases.list.roleColumn')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
