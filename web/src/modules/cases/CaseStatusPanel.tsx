import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { FormError, fieldErrors } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import {
  CASES_QUERY_KEY,
  caseSummaryUrl,
  setCaseStatus,
  type CaseDetail,
  type StatusRequest,
} from './casesApi';
import { formatDate, formatDay } from './format';

const REASON_MAX = 2000;

/**
 * The case's state on the overview: status, the professionals' concern level (never computed),
 * when the case was closed and whether it is under re-review, the reason and date of a period on
 * hold, and the case summary PDF. The case's coordinators can put an active case on hold (reason,
 * optional date) or resume it here; closing and re-review live on the closure tab.
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
          <StatusForm detail={detail} />
        </div>
      )}
    </section>
  );
}

function StatusForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const untilId = useId();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const putOnHold = detail.status === 'active';
  const mutation = useMutation({
    mutationFn: (body: StatusRequest) => setCaseStatus(detail.id, body),
    onSuccess: async () => {
      setReason('');
      setUntil('');
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY, 'detail', detail.id] });
      await queryClient.invalidateQueries({
        queryKey: [...CASES_QUERY_KEY, 'chronology', detail.id],
      });
    },
  });
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      putOnHold
        ? {
            version: detail.version,
            status: 'on_hold',
            reason,
            ...(until && { until }),
          }
        : { version: detail.version, status: 'active' },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="case-status-form">
      {stale ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('cases.statusPanel.stale')}</p>
            <button
              type="button"
              className="button button-secondary mt-4"
              onClick={() => {
                mutation.reset();
                void queryClient.invalidateQueries({
                  queryKey: [...CASES_QUERY_KEY, 'detail', detail.id],
                });
              }}
            >
              {t('cases.statusPanel.reload')}
            </button>
          </div>
        </div>
      ) : (
        <FormError
          error={mutation.error}
          fields={[
            { name: 'body.reason', id: reasonId, label: t('cases.statusPanel.reason') },
            { name: 'body.until', id: untilId, label: t('cases.statusPanel.until') },
            { name: 'body.status', id: reasonId, label: t('cases.statusPanel.heading') },
          ]}
          title={t('cases.statusPanel.error')}
        />
      )}
      {putOnHold ? (
        <>
          <div className={errors['body.reason'] ? 'form-group form-error' : 'form-group'}>
            <label className="form-label" htmlFor={reasonId}>
              {t('cases.statusPanel.reason')}
            </label>
            {errors['body.reason'] && (
              <span className="form-error-message" id={`${reasonId}-error`}>
                {errors['body.reason']}
              </span>
            )}
            <textarea
              id={reasonId}
              className="form-input case-note-input"
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              aria-invalid={errors['body.reason'] ? true : undefined}
              aria-describedby={errors['body.reason'] ? `${reasonId}-error` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <TextField
            id={untilId}
            type="date"
            label={t('cases.statusPanel.untilOptional')}
            hint={t('cases.statusPanel.untilHint')}
            value={until}
            error={errors['body.until']}
            widthClass="input-width-s"
            onChange={(e) => setUntil(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('cases.statusPanel.putOnHold')}
          </button>
        </>
      ) : (
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('cases.statusPanel.resume')}
        </button>
      )}
    </form>
  );
}
