import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormError, fieldErrors } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { CASES_QUERY_KEY, setCaseStatus, type CaseDetail, type StatusRequest } from './casesApi';
import { formatDate } from './format';

const REASON_MAX = 2000;

/**
 * The case's status "on hold": its reason and date for every member, and for the case's
 * coordinators the way to put an active case on hold (reason, optional date) or resume it.
 * Closing (with its outcome) and re-review come with their own issue.
 */
export function CaseStatusPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const isCoordinator = detail.access.role === 'coordinator';
  const changeable = detail.status === 'active' || detail.status === 'on_hold';
  if (detail.status !== 'on_hold' && !(isCoordinator && changeable)) return null;

  return (
    <section aria-labelledby={headingId} className="case-section case-status no-print">
      <h2 id={headingId}>{t('cases.statusPanel.heading')}</h2>
      {detail.status === 'on_hold' && (
        <dl className="case-facts">
          <dt>{t('cases.statusPanel.reason')}</dt>
          <dd className="case-text">{detail.onHoldReason ?? t('cases.common.notGiven')}</dd>
          <dt>{t('cases.statusPanel.until')}</dt>
          <dd>
            {detail.onHoldUntil ? formatDate(detail.onHoldUntil) : t('cases.statusPanel.noUntil')}
          </dd>
        </dl>
      )}
      {isCoordinator && changeable && <StatusForm detail={detail} />}
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
