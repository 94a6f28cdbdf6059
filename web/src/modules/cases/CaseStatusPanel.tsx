import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { StatusBody } from '../../../../server/modules/cases/schema.ts';
import { DateInput, Form, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import {
  CASES_QUERY_KEY,
  caseSummaryUrl,
  setCaseStatus,
  type CaseDetail,
  type StatusRequest,
} from './casesApi';
import { formatDate, formatDay } from './format';
import { REASON_MAX, ResumeForm } from './ResumeForm';

/**
 * The case's state on the overview: status, the professionals' concern level (never computed),
 * when the case was closed and whether it is under re-review, the reason and date of a period on
 * hold, and the case summary PDF. The case's coordinators can put an active case on hold (reason,
 * optional date) or resume it here (reason, and a choice for each waiting intervention:
 * ResumeForm); closing and re-review live on the closure tab.
 */
export function CaseStatusPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const holdHeadingId = useId();
  const helpId = useId();
  const mayChangeStatus = detail.abilities.case.write;
  const changeable = detail.status === 'active' || detail.status === 'on_hold';
  const closed = detail.status === 'closed' || detail.status === 'under_review';

  return (
    <section aria-labelledby={headingId} className="case-section case-status">
      <h2 id={headingId}>{t('cases.statusPanel.stateHeading')}</h2>
      <dl className="case-facts">
        <dt>{t('cases.statusPanel.status')}</dt>
        <dd>{t(`cases.status.${detail.status}`)}</dd>
        <dt>{t('cases.concernLevel.label')}</dt>
        <dd aria-describedby={helpId}>
          {detail.concernLevel
            ? t(`cases.concernLevel.${detail.concernLevel}`)
            : t('cases.concernLevel.none')}
          <span className="form-hint case-concern-help" id={helpId}>
            {t('cases.concernLevel.help')}
          </span>
        </dd>
        {closed && detail.closedAt && (
          <>
            <dt>{t('cases.statusPanel.closedAt')}</dt>
            <dd>{formatDay(detail.closedAt)}</dd>
          </>
        )}
        {detail.status === 'on_hold' && (
          <>
            <dt>{t('cases.statusPanel.reason')}</dt>
            <dd className="case-text">{detail.onHoldReason ?? t('cases.common.notGiven')}</dd>
            <dt>{t('cases.statusPanel.until')}</dt>
            <dd>
              {detail.onHoldUntil ? formatDate(detail.onHoldUntil) : t('cases.statusPanel.noUntil')}
            </dd>
          </>
        )}
      </dl>
      {detail.status === 'under_review' && (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {t('cases.statusPanel.underReviewText')}{' '}
              {detail.abilities.closure.read && (
                <Link to={`/sager/${detail.id}/afslutning`}>
                  {t('cases.statusPanel.closureLink')}
                </Link>
              )}
            </p>
          </div>
        </div>
      )}
      {detail.status === 'closed' && (
        <p>
          {t('cases.statusPanel.closedText')}{' '}
          {detail.abilities.closure.read && (
            <Link to={`/sager/${detail.id}/afslutning`}>{t('cases.statusPanel.closureLink')}</Link>
          )}
        </p>
      )}
      {detail.abilities.closure.read && (
        <p className="no-print">
          <a href={caseSummaryUrl(detail.id)} download={`sagsresume-${detail.reference}.pdf`}>
            {t('cases.statusPanel.summaryLink')}
          </a>
          <span className="form-hint">{t('cases.statusPanel.summaryHint')}</span>
        </p>
      )}
      {mayChangeStatus && changeable && (
        <div className="no-print">
          <h3 id={holdHeadingId}>{t('cases.statusPanel.heading')}</h3>
          <StatusForm key={detail.status} detail={detail} />
        </div>
      )}
    </section>
  );
}

/** Putting a case on hold: a reason (required here) and an optional date. */
const HoldValues = z.object({
  reason: StatusBody.shape.reason.unwrap(),
  until: StatusBody.shape.until,
});

function useStatusChange(detail: CaseDetail) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: StatusRequest) => setCaseStatus(detail.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY, 'detail', detail.id] });
      await queryClient.invalidateQueries({
        queryKey: [...CASES_QUERY_KEY, 'chronology', detail.id],
      });
      await queryClient.invalidateQueries({
        queryKey: [...CASES_QUERY_KEY, 'interventions', detail.id],
      });
    },
  });
  const reload = () =>
    void queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY, 'detail', detail.id] });
  return { mutation, reload };
}

/** Puts an active case on hold, or resumes a case on hold (the case's coordinators). */
function StatusForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const putOnHold = detail.status === 'active';
  const { mutation, reload } = useStatusChange(detail);
  const holdForm = useZodForm(HoldValues, { defaultValues: { reason: '', until: undefined } });
  const common = {
    id: `status-${detail.id}`,
    className: 'case-status-form',
    error: mutation.error,
    errorTitle: t('cases.statusPanel.error'),
  };
  const button = (label: string) => (
    <button type="submit" className="button button-primary" disabled={mutation.isPending}>
      {label}
    </button>
  );

  return (
    <>
      <MutationFailure
        mutations={mutation}
        text={t('cases.statusPanel.stale')}
        reloadLabel={t('cases.statusPanel.reload')}
        onReload={reload}
      />
      {putOnHold ? (
        <Form
          {...common}
          form={holdForm}
          onSubmit={(values) =>
            mutation.mutateAsync({ version: detail.version, status: 'on_hold', ...values })
          }
        >
          <TextArea
            name="reason"
            label={t('cases.statusPanel.reason')}
            widthClass="case-note-input"
            rows={3}
            maxLength={REASON_MAX}
          />
          <DateInput
            name="until"
            label={t('cases.statusPanel.untilOptional')}
            hint={t('cases.statusPanel.untilHint')}
            empty="undefined"
          />
          {button(t('cases.statusPanel.putOnHold'))}
        </Form>
      ) : (
        <ResumeForm detail={detail} mutation={mutation} formProps={common} />
      )}
    </>
  );
}
