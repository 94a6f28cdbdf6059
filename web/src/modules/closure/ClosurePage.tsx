import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseIsOpen } from '../../../../shared/values.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import { caseSummaryUrl, type CaseDetail } from '../cases/casesApi';
import { formatDay } from '../cases/format';
import { useClosure, type ClosureOverview } from './closureApi';
import { ProposalItem } from './ProposalItem';
import { ProposeForm } from './ProposeForm';
import { ReviewList } from './ReviewList';
import { FilingPanel } from '../filing/FilingPanel';

/**
 * Closure and re-review (/sager/:id/afslutning): the case's state, the proposal to close it
 * (./ProposeForm), the proposals with the coordinators' decision (./ProposalItem), the re-reviews
 * 6 and 12 months after closure (./ReviewList), and the case summary PDF. What the user may do
 * comes from the case's `abilities.closure` alone.
 */
export function ClosurePage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  usePageTitle(t('closure.title', { reference: detail.reference }));
  const found = useClosure(detail.id);

  return (
    <section className="case-section case-closure">
      <h2>{t('closure.heading')}</h2>
      <CaseState detail={detail} />
      <p>
        <a href={caseSummaryUrl(detail.id)} download={`sagsresume-${detail.reference}.pdf`}>
          {t('closure.summaryLink')}
        </a>
      </p>
      <QueryState query={found} loading={t('closure.loading')} loadError={t('closure.loadError')}>
        {(overview) => <ClosureContent detail={detail} overview={overview} />}
      </QueryState>
      <FilingPanel detail={detail} />
    </section>
  );
}

function CaseState({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const closedOn = detail.closedAt ? formatDay(detail.closedAt) : '';
  switch (detail.status) {
    case 'closed':
      return <p>{t('closure.state.closed', { date: closedOn })}</p>;
    case 'under_review':
      return <p>{t('closure.state.underReview', { date: closedOn })}</p>;
    case 'on_hold':
      return <p>{t('closure.state.onHold')}</p>;
    default:
      return <p>{t('closure.state.active')}</p>;
  }
}

function ClosureContent({ detail, overview }: { detail: CaseDetail; overview: ClosureOverview }) {
  const { t } = useTranslation();
  const proposalsId = useId();
  const reviewsId = useId();
  const doneId = useId();
  const open = caseIsOpen(detail.status);
  const pending = overview.closures.find((c) => c.status === 'proposed');
  const canPropose = detail.abilities.closure.write && !pending;
  const [proposed, setProposed] = useState(false);

  return (
    <>
      {proposed && (
        <div id={doneId}>
          <SuccessMessage>{t('closure.propose.done')}</SuccessMessage>
        </div>
      )}
      {canPropose && (
        <ProposeForm
          detail={detail}
          overview={overview}
          onDone={() => {
            setProposed(true);
            focusAfterSave(doneId);
          }}
        />
      )}
      {open && pending && <p>{t('closure.propose.pending')}</p>}

      <h3 id={proposalsId}>{t('closure.proposals.heading')}</h3>
      {overview.closures.length === 0 ? (
        <p>{t('closure.proposals.empty')}</p>
      ) : (
        <ul className="nobullet-list" aria-labelledby={proposalsId}>
          {overview.closures.map((closure) => (
            <li key={closure.id}>
              <ProposalItem
                detail={detail}
                closure={closure}
                needsAnother={overview.needsAnotherCoordinator.includes(closure.id)}
              />
            </li>
          ))}
        </ul>
      )}

      <h3 id={reviewsId}>{t('closure.reviews.heading')}</h3>
      {overview.reviews.length === 0 ? (
        <p>{t('closure.reviews.empty')}</p>
      ) : (
        <ReviewList detail={detail} reviews={overview.reviews} />
      )}
    </>
  );
}
