import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ContributionBody } from '../../../../server/modules/partners/schema.ts';
import { NotFoundPage } from '../../app/NotFoundPage';
import { usePageTitle } from '../../app/usePageTitle';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RecordLoadFailure } from '../../ui/RecordLoadFailure';
import { focusAfterSave, Form, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import { formatDate, formatDateTime, isUuid } from '../cases/format';
import {
  addContribution,
  PARTNER_CASES_KEY,
  usePartnerCase,
  type PartnerCase,
} from './partnerAccessApi';

/**
 * One case as an invited partner sees it (/mine-sager/:caseId): a banner with the organisation,
 * the legal basis, the purpose and the end date, then only the parts granted. A case the partner
 * is not (or no longer) invited to answers 404, as one that does not exist.
 */
export function PartnerCasePage() {
  const { caseId } = useParams();
  if (!isUuid(caseId)) return <NotFoundPage />;
  return <PartnerCaseLoader caseId={caseId} />;
}

function PartnerCaseLoader({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const found = usePartnerCase(caseId);
  if (found.isPending) return <Loading label={t('partnerView.case.loading')} />;
  if (found.isError) {
    return (
      <RecordLoadFailure
        error={found.error}
        title={t('partnerView.case.titleUnknown')}
        loadError={t('partnerView.case.loadError')}
        onRetry={() => void found.refetch()}
      />
    );
  }
  return <PartnerCaseView view={found.data} />;
}

function PartnerCaseView({ view }: { view: PartnerCase }) {
  const { t } = useTranslation();
  const title = t('partnerView.case.title', { reference: view.reference });
  usePageTitle(title);
  const { banner } = view;
  return (
    <>
      <p className="case-back">
        <Link to="/mine-sager">{t('partnerView.case.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <div className="alert alert-info" role="note">
        <Icon name="info" className="alert-icon" />
        <div className="alert-body">
          <h2 className="alert-heading">
            {t('partnerView.banner.heading', { organisation: banner.organisation })}
          </h2>
          <p className="alert-text">
            {t('partnerView.banner.basis', { basis: banner.legalBasis })}
            <br />
            {t('partnerView.banner.purpose', { purpose: banner.purpose })}
            <br />
            {t('partnerView.banner.until', { date: formatDate(banner.endsOn) })}
          </p>
        </div>
      </div>
      {view.overview && <Overview overview={view.overview} />}
      {view.goals && (
        <section className="case-section">
          <h2>{t('partnerView.goals.heading')}</h2>
          {view.goals.length === 0 ? (
            <p>{t('partnerView.goals.empty')}</p>
          ) : (
            <ul>
              {view.goals.map((g) => (
                <li key={g.key}>
                  {g.text}
                  {g.targetDate &&
                    ` – ${t('partnerView.goals.target', { date: formatDate(g.targetDate) })}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {view.interventions && (
        <section className="case-section">
          <h2>{t('partnerView.interventions.heading')}</h2>
          <ul>
            {view.interventions.map((i) => (
              <li key={i.id}>
                {i.name ?? t('partnerAccess.invite.interventionNeutral')}
                {i.startsOn &&
                  ` – ${t('partnerView.interventions.from', { date: formatDate(i.startsOn) })}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.contributions && <Contributions caseId={view.caseId} items={view.contributions} />}
    </>
  );
}

function Overview({ overview }: { overview: NonNullable<PartnerCase['overview']> }) {
  const { t } = useTranslation();
  return (
    <section className="case-section">
      <h2>{t('partnerView.overview.heading')}</h2>
      <dl>
        {overview.citizen && (
          <>
            <dt>{t('partnerView.overview.citizen')}</dt>
            <dd>
              {overview.citizen.name}
              {overview.citizen.birthDate &&
                `, ${t('partnerView.overview.born', { date: formatDate(overview.citizen.birthDate) })}`}
            </dd>
          </>
        )}
        <dt>{t('partnerView.overview.status')}</dt>
        <dd>{t(`cases.status.${overview.status}`)}</dd>
        {overview.coordinator && (
          <>
            <dt>{t('partnerView.overview.coordinator')}</dt>
            <dd>
              {overview.coordinator.name}
              {overview.coordinator.email && (
                <>
                  {', '}
                  <a href={`mailto:${overview.coordinator.email}`}>{overview.coordinator.email}</a>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Contributions({
  caseId,
  items,
}: {
  caseId: string;
  items: NonNullable<PartnerCase['contributions']>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  const [done, setDone] = useState(false);
  const queryClient = useQueryClient();
  const form = useZodForm(ContributionBody, { defaultValues: { text: '' } });
  const mutation = useMutation({
    mutationFn: (values: { text: string }) => addContribution(caseId, values.text),
    onSuccess: async () => {
      form.reset();
      setDone(true);
      focusAfterSave(doneId);
      await queryClient.invalidateQueries({ queryKey: [...PARTNER_CASES_KEY] });
    },
  });
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('partnerView.contributions.heading')}</h2>
      <p>{t('partnerView.contributions.intro')}</p>
      {done && (
        <div id={doneId}>
          <SuccessMessage>{t('partnerView.contributions.saved')}</SuccessMessage>
        </div>
      )}
      <Form
        id={`partner-contribution-${caseId}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('partnerView.contributions.failedTitle')}
      >
        <TextArea
          name="text"
          label={t('partnerView.contributions.text')}
          maxLength={10000}
          rows={5}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('partnerView.contributions.submit')}
        </button>
      </Form>
      {items.length > 0 && (
        <>
          <h3>{t('partnerView.contributions.earlier')}</h3>
          <ul>
            {items.map((c) => (
              <li key={c.id}>
                <strong>{formatDateTime(c.at)}</strong>: {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
