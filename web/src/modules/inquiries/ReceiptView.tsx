import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { formatDateTime } from '../cases/format';
import { formatTimeLeft } from './format';
import type { Receipt } from './inquiriesApi';
import { ForwardPanel } from '../transfers/ForwardPanel';
import { PoliceAlert } from './SignsSection';

/**
 * The receipt after recording an inquiry: its reference, the deadline for a decision and whether
 * it is urgent. Only those who may open the inquiry get a link; everyone else is told that the
 * coordinator has it now.
 */
export function ReceiptView({ receipt, onNew }: { receipt: Receipt; onNew: () => void }) {
  const { t } = useTranslation();
  const title = t('inquiries.receipt.title');
  usePageTitle(title);
  const factsId = useId();

  // The page changed without a new address: start screen readers and keyboards at the heading.
  useEffect(() => {
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('#main-content h1')?.focus();
  }, []);

  return (
    <div className="inquiry-receipt">
      <PageHeading>{title}</PageHeading>
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <p className="alert-text">
            {t('inquiries.receipt.text', { reference: receipt.reference })}
          </p>
        </div>
      </div>
      {receipt.policeAdvice && <PoliceAlert />}
      <section aria-labelledby={factsId}>
        <h2 id={factsId} className="sr-only">
          {t('inquiries.receipt.factsHeading')}
        </h2>
        <dl className="case-facts">
          <dt>{t('inquiries.receipt.reference')}</dt>
          <dd>{receipt.reference}</dd>
          <dt>{t('inquiries.receipt.deadline')}</dt>
          <dd>
            {formatDateTime(receipt.deadlineAt)} ({formatTimeLeft(receipt.deadlineAt)})
          </dd>
          <dt>{t('inquiries.receipt.urgent')}</dt>
          <dd>
            {receipt.urgent ? t('inquiries.receipt.urgentYes') : t('inquiries.receipt.urgentNo')}
          </dd>
        </dl>
      </section>
      {receipt.canOpen ? (
        <p>
          <Link to={`/henvendelser/${receipt.id}`} className="function-link">
            {t('inquiries.receipt.open', { reference: receipt.reference })}
          </Link>
        </p>
      ) : (
        <p className="font-lead">{t('inquiries.receipt.handedOver')}</p>
      )}
      <ForwardPanel inquiryId={receipt.id} />
      <p>
        <button type="button" className="button button-secondary" onClick={onNew}>
          {t('inquiries.receipt.new')}
        </button>
      </p>
    </div>
  );
}
