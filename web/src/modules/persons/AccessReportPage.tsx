import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RecordLoadFailure } from '../../ui/RecordLoadFailure';
import { formatDate, formatDateTime, isUuid } from '../cases/format';
import { PersonDisclosures } from '../disclosures/PersonDisclosures';
import { useFocusHeading } from '../cases/useFocusHeading';
import { AccessReportTable } from './AccessReportTable';
import { useAccessReport } from './personsApi';
import './persons.css';

/**
 * The citizen's access report (/personer/:id/indsigt): every use of the person's data, as the
 * citizen may ask for it under GDPR article 15, ready to print. Coordinators see it for persons
 * in their cases; the data-protection role for every person in the municipality, with names.
 */
export function AccessReportPage() {
  const { id } = useParams();
  const abilities = useSession().data?.abilities;
  if (!abilities?.records.accessReport) return <AccessDeniedPage />;
  if (!isUuid(id)) return <NotFoundPage />;
  return <AccessReport id={id} canOpenPerson={abilities.records.read} />;
}

function AccessReport({ id, canOpenPerson }: { id: string; canOpenPerson: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('persons.report.title'));
  const report = useAccessReport(id);
  const aboutId = useId();
  const first = report.data?.pages[0];
  useFocusHeading(first !== undefined);

  if (report.isPending) return <Loading label={t('persons.report.loading')} />;
  if (report.isError && !first) {
    return (
      <RecordLoadFailure
        error={report.error}
        title={t('persons.report.title')}
        loadError={t('persons.report.loadError')}
        onRetry={() => void report.refetch()}
      />
    );
  }
  if (!first) return null;

  const items = report.data?.pages.flatMap((page) => page.items) ?? [];
  const { person, employeeNamesShown } = first;

  return (
    <div className="access-report">
      {canOpenPerson && (
        <p className="no-print">
          <Link to={`/personer/${person.id}`}>{t('persons.report.backToPerson')}</Link>
        </p>
      )}
      <PageHeading>{t('persons.report.title')}</PageHeading>
      <p className="font-lead access-report-person">
        {person.birthDate
          ? t('persons.report.personBorn', {
              name: person.name,
              birthDate: formatDate(person.birthDate),
            })
          : person.name}
      </p>
      <p>{t('persons.report.generated', { time: formatDateTime(first.generatedAt) })}</p>

      <section aria-labelledby={aboutId} className="access-report-about">
        <h2 id={aboutId}>{t('persons.report.aboutHeading')}</h2>
        <p>
          {t('persons.report.about')}{' '}
          {employeeNamesShown ? t('persons.report.namesShown') : t('persons.report.namesHidden')}
        </p>
      </section>

      <p className="no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          <Icon name="print" />
          {t('persons.report.print')}
        </button>
      </p>

      <p role="status" className="access-report-count">
        {items.length === 0
          ? t('persons.report.empty')
          : items.length === 1
            ? t('persons.report.countOne')
            : t('persons.report.countMany', { count: items.length })}
      </p>
      {items.length > 0 && (
        <AccessReportTable
          items={items}
          employeeNamesShown={employeeNamesShown}
          name={person.name}
        />
      )}
      {report.isFetchNextPageError && (
        <ErrorAlert title={t('persons.report.loadMoreError')} error={report.error} />
      )}
      {report.hasNextPage && (
        <button
          type="button"
          className="button button-secondary mt-5 no-print"
          disabled={report.isFetchingNextPage}
          onClick={() => void report.fetchNextPage()}
        >
          {report.isFetchingNextPage ? t('cases.common.loadingMore') : t('cases.common.loadMore')}
        </button>
      )}
      <PersonDisclosures items={first.disclosures} />
    </div>
  );
}
