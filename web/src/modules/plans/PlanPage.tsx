import { useMutation } from '@tanstack/react-query';
import { Guidance } from '../guidance/Guidance';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QueryState } from '../../ui/QueryState';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import { DecisionPanel } from './DecisionPanel';
import { PlanEditor } from './PlanEditor';
import { ApprovalFacts, PlanView, WorkingState } from './PlanView';
import { createDraft, planPdfUrl, usePlans, type PlanList } from './plansApi';
import { VersionHistory } from './VersionHistory';
import './plans.css';

/**
 * "Handleplan" (NCFE tool 5, goals and agreements): the approved plan, the version being worked
 * on (draft, submitted or sent back) with its state and the coordinator's comment, the version
 * history, and for the members with the whole case a form to write the draft. The case's
 * coordinators approve or send back; with the steering group as approver (model 3) they record
 * the date of its meeting. The plan can be downloaded as a PDF for the citizen. What the user
 * may do comes from the case's abilities (`detail.abilities.plan`) alone.
 */
export function PlanPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  usePageTitle(`${t('plans.title')} – ${t('cases.detail.title', { reference: detail.reference })}`);
  const plans = usePlans(detail.id);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby={headingId} className="case-section plan-page">
      <h2 id={headingId}>{t('plans.title')}</h2>
      <p>{t('plans.intro')}</p>
      <Guidance keys={['actionPlanReflection']} />
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      <QueryState query={plans} loading={t('plans.loading')} loadError={t('plans.loadError')}>
        {(list) => (
          <PlanContent detail={detail} list={list} headingId={headingId} onNotice={setNotice} />
        )}
      </QueryState>
    </section>
  );
}

function PlanContent({
  detail,
  list,
  headingId,
  onNotice,
}: {
  detail: CaseDetail;
  list: PlanList;
  headingId: string;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const { items, approval } = list;
  const approved = items.find((p) => p.status === 'approved') ?? null;
  const newest = items[0] ?? null;
  // The version being worked on: the newest, when it is not (yet) approved or replaced.
  const working =
    newest &&
    (newest.status === 'draft' || newest.status === 'submitted' || newest.status === 'rejected')
      ? newest
      : null;
  const canWrite = detail.abilities.plan.write;
  const canApprove = detail.abilities.plan.approve;
  const [resets, setResets] = useState(0);

  return (
    <>
      {items.length > 0 && (
        <p>
          <a className="icon-link" href={planPdfUrl(detail.id)} download>
            {t('plans.downloadPdf')}
          </a>
        </p>
      )}

      {items.length === 0 && <p>{t('plans.none')}</p>}

      {approved && (
        <section className="plan-version" aria-labelledby={`plan-approved-${approved.id}`}>
          <h3 id={`plan-approved-${approved.id}`}>
            {t('plans.approvedHeading', { number: approved.number })}
          </h3>
          <ApprovalFacts plan={approved} />
          <PlanView plan={approved} />
        </section>
      )}

      {working && (
        <section className="plan-version" aria-labelledby={`plan-working-${working.id}`}>
          <h3 id={`plan-working-${working.id}`}>
            {t('plans.workingHeading', { number: working.number })}
          </h3>
          <WorkingState plan={working} />
          {working.status === 'submitted' ? (
            <>
              <PlanView plan={working} />
              {canApprove && (
                <DecisionPanel
                  detail={detail}
                  plan={working}
                  approval={approval}
                  headingId={headingId}
                  onNotice={onNotice}
                />
              )}
            </>
          ) : canWrite ? (
            <PlanEditor
              key={`${working.id}-${resets}`}
              detail={detail}
              plan={working}
              approval={approval}
              canApprove={canApprove}
              headingId={headingId}
              onNotice={onNotice}
              onReset={() => setResets((n) => n + 1)}
            />
          ) : (
            <PlanView plan={working} />
          )}
        </section>
      )}

      {canWrite && !working && (
        <NewVersion
          detail={detail}
          hasPlan={items.length > 0}
          headingId={headingId}
          onNotice={onNotice}
        />
      )}

      {items.length > 0 && <VersionHistory caseId={detail.id} items={items} />}
    </>
  );
}

/** The first draft of the plan, or a new version of the approved one. */
function NewVersion({
  detail,
  hasPlan,
  headingId,
  onNotice,
}: {
  detail: CaseDetail;
  hasPlan: boolean;
  headingId: string;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const mutation = useMutation({
    mutationFn: () => createDraft(detail.id),
    onMutate: () => onNotice(null),
    onSuccess: async () => {
      onNotice(t('plans.notice.created'));
      await refresh();
      focusAfterSave(headingId);
    },
  });
  return (
    <div className="plan-actions">
      {mutation.error !== null && (
        <ErrorAlert title={t('plans.actionError')} error={mutation.error} />
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {hasPlan ? t('plans.newVersion') : t('plans.create')}
      </button>
    </div>
  );
}
