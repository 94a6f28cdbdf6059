import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AREA_PLAN_REFLECTIONS } from '../../../../shared/housing-areas.ts';
import { focusAfterSave, Form, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import { Guidance } from '../guidance/Guidance';
import { AreaGoalsEditor } from './AreaGoalsEditor';
import {
  saveAreaPlan,
  submitAreaPlan,
  useRefreshAreaPlans,
  type AreaPlan,
  type AreaPlanOptions,
} from './areaPlansApi';
import {
  AreaPlanFormSchema,
  areaPlanValues,
  toAreaPlanBody,
  toAreaPlanFormErrors,
  type AreaPlanValues,
} from './areaPlanValues';

type Action = 'save' | 'submit';

/**
 * The draft to write: the reflection questions answered (with the guidance text of the
 * housing-area model), the goals, saved as a draft or saved and submitted for approval.
 */
export function AreaPlanForm({
  areaId,
  plan,
  options,
  headingId,
  onNotice,
}: {
  areaId: string;
  plan: AreaPlan;
  options: AreaPlanOptions;
  headingId: string;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshAreaPlans(areaId);
  const form = useZodForm(AreaPlanFormSchema, { defaultValues: areaPlanValues(plan) });
  const action = useRef<Action>('save');
  const mutation = useMutation({
    mutationFn: async ({ act, values }: { act: Action; values: AreaPlanValues }) => {
      try {
        const saved = await saveAreaPlan(areaId, plan.id, toAreaPlanBody(values, plan.version));
        if (act === 'submit') return await submitAreaPlan(areaId, saved.id, saved.version);
        return saved;
      } catch (failure) {
        throw toAreaPlanFormErrors(failure);
      }
    },
    onMutate: () => onNotice(null),
    onSuccess: (_, { act }) => {
      onNotice(t(`areaPlans.plan.notice.${act}`));
      focusAfterSave(headingId);
    },
    onSettled: () => refresh(),
  });
  return (
    <>
      <MutationFailure
        mutations={mutation}
        text={t('areaPlans.stale')}
        reloadLabel={t('areaPlans.reload')}
        headingLevel="h4"
        onReload={() => refresh()}
      />
      <Form
        id={`area-plan-${plan.id}`}
        form={form}
        onSubmit={(values) => {
          const act = action.current;
          action.current = 'save';
          return mutation.mutateAsync({ act, values });
        }}
        error={mutation.error}
        errorTitle={t('areaPlans.saveError')}
      >
        <fieldset>
          <legend className="form-label">{t('areaPlans.plan.reflection')}</legend>
          <Guidance keys={['areaPlanReflection']} />
          {AREA_PLAN_REFLECTIONS.map((q) => (
            <TextArea
              key={q}
              name={`reflection.${q}`}
              label={t(`areaPlans.reflection.${q}`)}
              rows={3}
              maxLength={4000}
              empty="null"
            />
          ))}
        </fieldset>
        <AreaGoalsEditor options={options} />
        <div className="area-plan-actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={mutation.isPending}
            onClick={() => {
              action.current = 'save';
            }}
          >
            {t('areaPlans.plan.save')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() => {
              action.current = 'submit';
            }}
          >
            {t('areaPlans.plan.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
