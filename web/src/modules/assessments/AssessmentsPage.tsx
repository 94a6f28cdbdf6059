import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseIsOpen } from '../../../../shared/values.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage, focusAfterSave } from '../../ui/form';
import { CASES_QUERY_KEY, type CaseDetail } from '../cases/casesApi';
import { formatDateTime } from '../cases/format';
import { AssessmentCompare } from './AssessmentCompare';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentHistory } from './AssessmentHistory';
import { AssessmentView } from './AssessmentView';
import { NetworkMapLink } from '../network-maps/NetworkMapLink';
import { startAssessment, useAssessments, type Assessment } from './assessmentsApi';
import './assessments.css';

/**
 * The case's 360° assessment (/sager/:id/udredning), structured after NCFE's assessment tool:
 * the current (latest final) assessment, the draft if there is one — as a form for the case's
 * coordinators and forum members with the compartment, read only for everyone else — what changed
 * since the previous assessment, and every version. Compartment fields the reader may not see
 * arrive without their keys and are shown as a neutral note.
 */
export function AssessmentsPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  usePageTitle(t('assessments.title', { reference: detail.reference }));
  const queryClient = useQueryClient();
  const assessments = useAssessments(detail.id);
  const [formKey, setFormKey] = useState(0);
  const [finalised, setFinalised] = useState<Assessment | null>(null);
  const open = caseIsOpen(detail.status);
  const mayWrite = detail.abilities.assessment.write;

  const start = useMutation({
    mutationFn: () => startAssessment(detail.id),
    onMutate: () => setFinalised(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  const items = assessments.data?.items ?? [];
  const draft = items.find((a) => a.status === 'draft');
  const current = items.find((a) => a.status === 'final');
  const noCompartment = items.length > 0 && !('overallJudgement' in (items[0] ?? {}));

  return (
    <section aria-labelledby={headingId} className="case-section assessments">
      <h2 id={headingId}>{t('assessments.heading')}</h2>
      <p className="assessment-intro">{t('assessments.intro')}</p>
      <p className="form-hint">{t('assessments.source')}</p>

      <QueryState
        query={assessments}
        loading={t('assessments.loading')}
        loadError={t('assessments.loadError')}
      >
        {() => (
          <>
            {noCompartment && (
              <div className="alert alert-info">
                <Icon name="info" className="alert-icon" />
                <div className="alert-body">
                  <p className="alert-text">{t('assessments.compartmentNote')}</p>
                </div>
              </div>
            )}
            {!mayWrite && (
              <p className="assessment-read-only">
                {open ? t('assessments.readOnly') : t('assessments.closedCase')}
              </p>
            )}
            {finalised && (
              <SuccessMessage>
                {t('assessments.finalised', {
                  number: finalised.number,
                  level: finalised.concernLevel
                    ? t(`cases.concernLevel.${finalised.concernLevel}`)
                    : t('cases.concernLevel.none'),
                })}
              </SuccessMessage>
            )}

            {draft ? (
              <section aria-labelledby={`${headingId}-draft`} className="assessment-draft">
                <h3 id={`${headingId}-draft`}>
                  {t('assessments.draft.heading', { number: draft.number })}
                </h3>
                <p>
                  {draft.basedOnId
                    ? t('assessments.draft.basedOn', {
                        number: items.find((a) => a.id === draft.basedOnId)?.number ?? '',
                      })
                    : t('assessments.draft.first')}{' '}
                  {t('assessments.draft.meta', {
                    name: draft.createdBy.name,
                    created: formatDateTime(draft.createdAt),
                    updated: formatDateTime(draft.updatedAt),
                  })}
                </p>
                {mayWrite ? (
                  <AssessmentForm
                    key={`${draft.id}:${formKey}`}
                    caseId={detail.id}
                    draft={draft}
                    networkMapLink={
                      detail.abilities.networkMap.read ? (
                        <NetworkMapLink caseId={detail.id} />
                      ) : undefined
                    }
                    onReload={async () => {
                      await assessments.refetch();
                      setFormKey((k) => k + 1);
                    }}
                    onFinalised={(assessment) => {
                      setFinalised(assessment);
                      // The form is gone: continue from the page's heading, above the message.
                      focusAfterSave(headingId);
                    }}
                  />
                ) : (
                  <AssessmentView assessment={draft} />
                )}
              </section>
            ) : (
              mayWrite && (
                <div className="assessment-start">
                  {start.error ? (
                    <ErrorAlert title={t('assessments.start.error')} error={start.error} />
                  ) : null}
                  <p className="form-hint">
                    {current ? t('assessments.start.hintNew') : t('assessments.start.hintFirst')}
                  </p>
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={start.isPending}
                    onClick={() => start.mutate()}
                  >
                    {current ? t('assessments.start.buttonNew') : t('assessments.start.button')}
                  </button>
                </div>
              )
            )}

            <section aria-labelledby={`${headingId}-current`} className="assessment-current">
              <h3 id={`${headingId}-current`}>
                {current
                  ? t('assessments.current.heading', { number: current.number })
                  : t('assessments.current.headingNone')}
              </h3>
              {current ? (
                <>
                  {current.finalisedBy && current.finalisedAt && (
                    <p>
                      {t('assessments.current.finalisedBy', {
                        name: current.finalisedBy.name,
                        time: formatDateTime(current.finalisedAt),
                      })}
                    </p>
                  )}
                  <AssessmentView assessment={current} />
                </>
              ) : (
                <p>{t('assessments.current.none')}</p>
              )}
            </section>

            {items.length > 1 && <AssessmentCompare items={items} />}
            {items.length > 0 && <AssessmentHistory items={items} />}
          </>
        )}
      </QueryState>
    </section>
  );
}
