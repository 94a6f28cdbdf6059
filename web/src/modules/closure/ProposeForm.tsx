import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Form,
  MutationFailure,
  RadioGroup,
  renameServerErrors,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import {
  GOAL_STATUSES,
  OUTCOMES,
  interventionName,
  proposeClosure,
  type ClosureOutcome,
  type ClosureOverview,
  type Disposition,
} from './closureApi';
import { proposeBody, proposeDefaults, proposeRename, ProposeSchema } from './closureValues';
import { ListFieldset } from './GroupError';

const REASON_MAX = 4000;
const OTHER_MAX = 500;

/**
 * The proposal to close the case: the outcome (with the unit or a description), the reason, every
 * goal's status and what happens to every open intervention. A coordinator approves it.
 */
export function ProposeForm({
  detail,
  overview,
  onDone,
}: {
  detail: CaseDetail;
  overview: ClosureOverview;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const formId = `propose-${detail.id}`;
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(ProposeSchema, { defaultValues: proposeDefaults(overview) });
  const refresh = useRefreshCase();
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof proposeClosure>[1]) => proposeClosure(detail.id, body),
    onSuccess: async () => {
      setClientId(crypto.randomUUID());
      onDone();
      await refresh();
    },
  });
  const goalStatuses = GOAL_STATUSES.map((status) => ({
    value: status,
    label: t(`cases.goalStatus.${status}`),
  }));
  const dispositions: { value: Disposition; label: string }[] = [
    { value: 'end', label: t('closure.dispositions.end') },
    { value: 'continue_outside', label: t('closure.dispositions.continue_outside') },
  ];

  return (
    <Form
      id={formId}
      form={form}
      className="closure-propose"
      onSubmit={(values) =>
        mutation.mutateAsync(proposeBody(values, clientId)).catch((failure: unknown) => {
          throw renameServerErrors(failure, proposeRename(form.getValues()));
        })
      }
      error={mutation.error}
      errorTitle={t('closure.propose.error')}
    >
      <h3>{t('closure.propose.heading')}</h3>
      <p>{t('closure.propose.intro')}</p>
      <MutationFailure mutations={mutation} headingLevel="h4" onReload={() => refresh()} />
      <RadioGroup<ClosureOutcome>
        name="outcome"
        label={t('closure.propose.outcome')}
        options={OUTCOMES.map((value) => ({ value, label: t(`closure.outcomes.${value}`) }))}
        detail={(value) =>
          value === 'transferred' ? (
            <OptionSelect
              name="transferredUnitId"
              label={t('closure.propose.unit')}
              empty="null"
              none={t('closure.propose.chooseUnit')}
              choose={t('closure.propose.unitMissing')}
              options={overview.units.map((u) => ({ value: u.id, label: u.name }))}
            />
          ) : value === 'other' ? (
            <TextInput
              name="outcomeOther"
              label={t('closure.propose.other')}
              maxLength={OTHER_MAX}
              empty="null"
            />
          ) : null
        }
      />
      <TextArea
        name="reason"
        label={t('closure.propose.reason')}
        hint={t('closure.propose.reasonHint', { max: REASON_MAX })}
        rows={4}
        maxLength={REASON_MAX}
      />

      <ListFieldset
        name="goals"
        legend={t('closure.propose.goals')}
        firstId={`${formId}-goals-0-status`}
        items={overview.goals}
        empty={t('closure.propose.noGoals')}
      >
        {(goal, index) => (
          <OptionSelect
            key={goal.key}
            name={`goals.${index}.status`}
            label={goal.parentKey ? t('closure.propose.subGoal', { text: goal.text }) : goal.text}
            none={t('closure.propose.chooseStatus')}
            options={goalStatuses}
          />
        )}
      </ListFieldset>

      <ListFieldset
        name="dispositions"
        legend={t('closure.propose.interventions')}
        firstId={`${formId}-dispositions-0-disposition`}
        items={overview.openInterventions}
        empty={t('closure.propose.noInterventions')}
      >
        {(intervention, index) => (
          <RadioGroup<Disposition>
            key={intervention.id}
            name={`dispositions.${index}.disposition`}
            label={t('closure.propose.interventionLegend', {
              type: interventionName(t, intervention),
              person: intervention.personName,
            })}
            className="inquiry-inline-options"
            options={dispositions}
          />
        )}
      </ListFieldset>

      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('closure.propose.sending') : t('closure.propose.submit')}
      </button>
    </Form>
  );
}
