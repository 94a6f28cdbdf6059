import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import { usePartnerCases } from './partnerAccessApi';

/**
 * "Mine sager" for a partner (/mine-sager): only the cases they are invited to today, with the
 * organisation they are invited for and the end date. Nothing else of the municipality's.
 */
export function PartnerCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('partnerView.list.title'));
  const cases = usePartnerCases();
  return (
    <>
      <PageHeading>{t('partnerView.list.title')}</PageHeading>
      <p className="font-lead">{t('partnerView.list.intro')}</p>
      <QueryState
        query={cases}
        loading={t('partnerView.list.loading')}
        loadError={t('partnerView.list.loadError')}
      >
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('partnerView.list.empty')}</p>
          ) : (
            <CompactTable
              caption={t('partnerView.list.caption')}
              columns={[
                t('partnerView.list.reference'),
                t('partnerView.list.organisation'),
                t('partnerView.list.until'),
              ]}
            >
              {list.items.map((c) => (
                <tr key={c.caseId}>
                  <td>
                    <Link to={`/mine-sager/${c.caseId}`}>{c.reference}</Link>
                  </td>
                  <td>{c.organisation}</td>
                  <td>{formatDate(c.endsOn)}</td>
                </tr>
              ))}
            </CompactTable>
          )
        }
      </QueryState>
    </>
  );
}
