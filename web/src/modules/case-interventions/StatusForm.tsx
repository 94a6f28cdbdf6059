import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  BackdateFields,
  DateInput,
  dayOf,
  Form,
  isBackdated,
  RadioGroup,
  SuccessMessage,
  TextArea,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ChangeStale, useInterventionChange } from './formParts';
import type { CaseIntervention } from './interventionsApi';
import {
  STATUS_ACTIONS,
  StatusFormSchema,
  statusValues,
  type StatusAction,
} from './interventionValues';
import { hasFieldCode } from './shared';

/**
 * The next step of an intervention (start, pause, resume, end, cancel), with the start or end date
 * and the reason it asks for. A start that needs a missing consent says where to record it.
 */
export function StatusForm({
  detail,
  intervention,
  consentsAnchor,
  headingId,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  consentsAnchor: string;
  /** The intervention's heading, where focus goes after saving. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const actions = STATUS_ACTIONS[intervention.status];
  const form = useZodForm(StatusFormSchema, { defaultValues: statusValues(intervention) });
  const action = useWatch({ control: form.control, name: 'status' });
  const [startsOn, endsOn] = useWatch({ control: form.control, name: ['startsOn', 'endsOn'] });
  const openedOn = dayOf(detail.openedAt);
  const backdated =
    (action === 'start' && isBackdated(startsOn, openedOn)) ||
    (action === 'end' && isBackdated(endsOn, openedOn));
  const [done, setDone] = useState<StatusAction | null>(null);
  const mutation = useInterventionChange(detail, intervention, headingId, () => {
    setDone(form.getValues('status'));
    form.reset({ ...form.getValues(), status: null, endReason: '' });
  });
  if (actions.length === 0) return null;
  const consentMissing = hasFieldCode(mutation.error, 'consent_required');

  return (
    <Form
      form={form}
      className="case-status-form"
      onSubmit={(change) => mutation.mutateAsync(change)}
      error={mutation.error}
      errorTitle={t('caseInterventions.status.error')}
    >
      {/* The message of the step taken, until another step is chosen. */}
      {done && action === null && (
        <SuccessMessage>{t(`caseInterventions.status.done.${done}`)}</SuccessMessage>
      )}
      <ChangeStale mutation={mutation} />
      {consentMissing && (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {t('caseInterventions.status.consentHint')}{' '}
              <a href={`#${consentsAnchor}`}>{t('caseInterventions.status.goToConsents')}</a>
            </p>
          </div>
        </div>
      )}
      <RadioGroup<StatusAction>
        name="status"
        label={t('caseInterventions.status.action')}
        className="inquiry-inline-options"
        options={actions.map((a) => ({
          value: a,
          label: t(`caseInterventions.status.actions.${a}`),
        }))}
      />
      {action === 'start' && (
        <DateInput
          name="startsOn"
          label={t('caseInterventions.status.startsOn')}
          hint={
            intervention.type.consentRequired
              ? t('caseInterventions.status.startsOnConsentHint')
              : undefined
          }
        />
      )}
      {action === 'end' && <DateInput name="endsOn" label={t('caseInterventions.status.endsOn')} />}
      <BackdateFields show={backdated} />
      {(action === 'end' || action === 'cancel') && (
        <TextArea
          name="endReason"
          label={
            action === 'end'
              ? t('caseInterventions.status.endReason')
              : t('caseInterventions.status.cancelReason')
          }
          rows={3}
          maxLength={2000}
        />
      )}
      <button
        type="submit"
        className="button button-secondary"
        disabled={mutation.isPending || action === null}
      >
        {t('caseInterventions.status.submit')}
      </button>
    </Form>
  );
}
