import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PRODUCT_NAME } from '../../app/product';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { NewInquiryButton } from '../inquiries/InboxPage';
import { WorkList } from '../tasks/WorkList';
import { OrganisationSection } from './OrganisationSection';

/**
 * The front page: what waits for the user (the work list, for those who work with cases or
 * inquiries), "Ny henvendelse" for those who may record one, then the municipality's
 * organisation. The session's abilities decide what is shown; the page never looks at roles.
 */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const abilities = useSession().data?.abilities ?? null;
  const headingId = useId();
  const works = abilities !== null && (abilities.records.read || abilities.inquiries.read);
  // A partner lands on their own cases: nothing else of the municipality's is theirs to see.
  if (abilities?.partner.cases) return <Navigate to="/mine-sager" replace />;
  return (
    <>
      <PageHeading>{PRODUCT_NAME}</PageHeading>
      <p className="font-lead">{t('home.intro')}</p>
      {abilities?.inquiries.create && <NewInquiryButton />}
      {abilities?.transfers.incoming && (
        <p>
          <Link to="/overfoersler" className="function-link">
            {t('transfers.incoming.link')}
          </Link>
        </p>
      )}
      {works && (
        <section aria-labelledby={headingId}>
          <h2 id={headingId}>{t('tasks.workList.heading')}</h2>
          <WorkList />
        </section>
      )}
      <OrganisationSection />
    </>
  );
}
