import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DateInput,
  focusAfterSave,
  Form,
  MutationFailure,
  RadioGroup,
  TextArea,
  useZodForm,
} from '../../ui/form';
import { NumberInput } from '../../ui/form/NumberInput';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import { AgreementsEditor } from './AgreementsEditor';
import { ApproveFields } from './ApproveFields';
import { GoalsEditor } from './GoalsEditor';
import {
  approveBody,
  PlanFormSchema,
  planValues,
  toFormErrors,
  toPlanBody,
  type PlanValues,
} from './planValues';
import { approvePlan, savePlan, submitPlan, type Plan, type PlanList } from './plansApi';

type EditorAction = 'save' | 'submit' | 'approve';

/**
 * The draft (or a plan sent back) to write: saved as a draft, or saved and sent for approval;
 * the case's coordinator may also approve it at once (with the steering group's meeting date
 * when the municipality uses it). Each action saves first.
 */
export function PlanEditor({
  detail,
  plan,
  approval,
  canApprove,
  headingId,
  onNotice,
  onReset,
}: {
  detail: CaseDetail;
  plan: Plan;
  approval: PlanList['approval'];
  /** The caller may approve the plan (`abilities.plan.approve`): approving at once is offered. */
  canApprove: boolean;
  /** The page's heading, where focus goes after an action (the message is under it). */
  headingId: string;
  onNotice: (text: string | null) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const formId = `plan-${plan.id}`;
  const form = useZodForm(PlanFormSchema, { defaultValues: planValues(plan) });
  // The button that submitted the form (Enter in a field is "Gem kladde", the first).
  const action = useRef<EditorAction>('save');
  const mutation = useMutation({
    mutationFn: async ({ act, values }: { act: EditorAction; values: PlanValues }) => {
      try {
        const saved = await savePlan(detail.id, plan.id, toPlanBody(values, plan.version));
        if (act === 'submit') return await submitPlan(detail.id, saved.id, saved.version);
        if (act === 'approve') {
          const body = approveBody(saved.version, approval, values.steeringGroupMeetingOn);
          return await approvePlan(detail.id, saved.id, body);
        }
        return saved;
      } catch (failure) {
        throw toFormErrors(failure);
      }
    },
    onMutate: () => onNotice(null),
    onSuccess: (_, { act }) => {
      onNotice(t(`plans.notice.${act}`));
      focusAfterSave(headingId);
    },
    // Also after a failure: a save may have gone through before the submission was refused.
    onSettled: () => refresh(),
  });
  const press = (act: EditorAction) => {
    action.current = act;
  };

  return (
    <>
      <MutationFailure
        mutations={mutation}
        text={t('plans.stale')}
        reloadLabel={t('plans.reload')}
        headingLevel="h4"
        onReload={() => refresh().then(onReset)}
      />
      <Form
        id={formId}
        form={form}
        className="plan-form"
        onSubmit={(values) => {
          const act = action.current;
          action.current = 'save';
          return mutation.mutateAsync({ act, values });
        }}
        error={mutation.error}
        errorTitle={t('plans.actionError')}
      >
        <TextArea
          name="purpose"
          label={t('plans.fields.purpose')}
          hint={t('plans.purposeHint')}
          rows={3}
          maxLength={4000}
        />
        <GoalsEditor members={detail.members} formId={formId} />
        <AgreementsEditor />
        <TextArea
          name="citizenWishes"
          label={t('plans.fields.citizenWishes')}
          hint={t('plans.wishesHint')}
          rows={3}
          maxLength={4000}
        />
        <RadioGroup<'yes' | 'no'>
          name="citizenParticipated"
          label={t('plans.fields.citizenParticipated')}
          className="inquiry-inline-options"
          options={[
            { value: 'yes', label: t('plans.yes') },
            { value: 'no', label: t('plans.no') },
          ]}
        />
        <DateInput name="startsOn" label={t('plans.fields.startsOn')} />
        <DateInput name="endsOn" label={t('plans.fields.endsOn')} />
        <DateInput name="nextFollowUpOn" label={t('plans.fields.nextFollowUpOn')} />
        <NumberInput
          name="followUpIntervalDays"
          label={t('plans.fields.followUpIntervalDays')}
          hint={t('plans.intervalHint')}
          empty="null"
        />

        <div className="plan-actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={mutation.isPending}
            onClick={() => press('save')}
          >
            {t('plans.save')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() => press('submit')}
          >
            {t('plans.submit')}
          </button>
        </div>

        {canApprove && (
          <div className="plan-approve">
            <h4>{t('plans.approveHeading')}</h4>
            <p>{t('plans.approveDirectHint')}</p>
            <ApproveFields
              steeringGroup={approval === 'steering_group'}
              disabled={mutation.isPending}
              onClick={() => press('approve')}
            />
          </div>
        )}
      </Form>
    </>
  );
}
