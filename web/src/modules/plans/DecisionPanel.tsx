import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { focusAfterSave, Form, MutationFailure, useZodForm } from '../../ui/form';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import { SendBackForm } from '../cases/SendBackForm';
import { ApproveFields } from './ApproveFields';
import { ApproveFormSchema, approveBody, MeetingFormSchema, RejectFormSchema } from './planValues';
import { approvePlan, rejectPlan, type Plan, type PlanList } from './plansApi';

type ApproveValues = z.input<typeof ApproveFormSchema>;

/** A submitted plan: the case's coordinator approves it or sends it back with a comment. */
export function DecisionPanel({
  detail,
  plan,
  approval,
  headingId,
  onNotice,
}: {
  detail: CaseDetail;
  plan: Plan;
  approval: PlanList['approval'];
  /** The page's heading, where focus goes after the decision (the message is under it). */
  headingId: string;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const steeringGroup = approval === 'steering_group';
  const approveForm = useZodForm(steeringGroup ? MeetingFormSchema : ApproveFormSchema, {
    defaultValues: { steeringGroupMeetingOn: steeringGroup ? '' : undefined },
  });
  const decided = (action: 'approve' | 'reject') => async () => {
    onNotice(t(`plans.notice.${action}`));
    await refresh();
    focusAfterSave(headingId);
  };
  const approve = useMutation({
    mutationFn: (values: ApproveValues) =>
      approvePlan(
        detail.id,
        plan.id,
        approveBody(plan.version, approval, values.steeringGroupMeetingOn),
      ),
    onMutate: () => onNotice(null),
    onSuccess: decided('approve'),
  });
  const reject = useMutation({
    mutationFn: (comment: string) =>
      rejectPlan(detail.id, plan.id, { version: plan.version, comment }),
    onMutate: () => onNotice(null),
    onSuccess: decided('reject'),
  });
  const deciding = approve.isPending || reject.isPending;

  return (
    <div className="plan-decision">
      <h4>{t('plans.decisionHeading')}</h4>
      <MutationFailure
        mutations={[approve, reject]}
        text={t('plans.stale')}
        reloadLabel={t('plans.reload')}
        headingLevel="h4"
        onReload={() => refresh()}
      />
      <Form
        id={`plan-approve-${plan.id}`}
        form={approveForm}
        onSubmit={(values) => approve.mutateAsync(values)}
        error={approve.error}
        errorTitle={t('plans.actionError')}
      >
        <ApproveFields steeringGroup={steeringGroup} disabled={deciding} />
      </Form>
      <SendBackForm
        id={`plan-reject-${plan.id}`}
        schema={RejectFormSchema}
        onSend={(comment) => reject.mutateAsync(comment)}
        error={reject.error}
        errorTitle={t('plans.actionError')}
        label={t('plans.rejectComment')}
        hint={t('plans.rejectHint')}
        submit={t('plans.reject')}
        disabled={deciding}
      />
    </div>
  );
}
