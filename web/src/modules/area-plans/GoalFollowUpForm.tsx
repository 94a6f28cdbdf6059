import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FollowUpBody } from '../../../../server/modules/area-plans/schema.ts';
import { AREA_GOAL_STATUSES } from '../../../../shared/housing-areas.ts';
import {
  danishToday,
  DateInput,
  focusAfterSave,
  Form,
  Select,
  TextArea,
  useZodForm,
} from '../../ui/form';
import { followUpGoal, useRefreshAreaPlans, type AreaGoal } from './areaPlansApi';

const FollowUpForm = FollowUpBody.omit({ id: true });

/** A goal's follow-up: its status now, a note, the date and when it is looked at next. */
export function GoalFollowUpForm({
  areaId,
  planId,
  goal,
  onDone,
}: {
  areaId: string;
  planId: string;
  goal: AreaGoal;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshAreaPlans(areaId);
  const headingId = `follow-up-${goal.key}`;
  const form = useZodForm(FollowUpForm, {
    defaultValues: {
      status: goal.status,
      note: null,
      recordedOn: danishToday(),
      nextReviewOn: null,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: ReturnType<typeof FollowUpForm.parse>) =>
      followUpGoal(areaId, planId, goal.key, { ...values, id: crypto.randomUUID() }),
    onSuccess: async () => {
      await refresh();
      onDone(true);
      focusAfterSave(`goal-${goal.key}`);
    },
  });
  return (
    <Form
      id={headingId}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('areaPlans.saveError')}
    >
      <Select name="status" label={t('areaPlans.followUp.status')}>
        {AREA_GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`areaPlans.goalStatus.${s}`)}
          </option>
        ))}
      </Select>
      <TextArea
        name="note"
        label={t('areaPlans.followUp.note')}
        rows={2}
        maxLength={2000}
        empty="null"
      />
      <DateInput name="recordedOn" label={t('areaPlans.followUp.recordedOn')} />
      <DateInput name="nextReviewOn" label={t('areaPlans.followUp.nextReviewOn')} empty="null" />
      <div className="area-plan-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('areaPlans.followUp.save')}
        </button>
        <button type="button" className="button button-tertiary" onClick={() => onDone(false)}>
          {t('areaPlans.cancel')}
        </button>
      </div>
    </Form>
  );
}
