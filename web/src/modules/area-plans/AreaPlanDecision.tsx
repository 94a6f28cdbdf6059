import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReturnAreaPlanBody } from '../../../../server/modules/area-plans/schema.ts';
import { Form, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import {
  approveAreaPlan,
  sendBackAreaPlan,
  useRefreshAreaPlans,
  type AreaPlan,
} from './areaPlansApi';

const SendBackForm = ReturnAreaPlanBody.omit({ version: true });

/**
 * Deciding on a submitted version: approve it (a coordinator who did not write it — the server
 * sends `approve` only then) or send it back to draft with a comment.
 */
export function AreaPlanDecision({
  areaId,
  plan,
  onNotice,
}: {
  areaId: string;
  plan: AreaPlan;
  onNotice: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshAreaPlans(areaId);
  const form = useZodForm(SendBackForm, { defaultValues: { comment: '' } });
  const approve = useMutation({
    mutationFn: () => approveAreaPlan(areaId, plan.id, plan.version),
    onMutate: () => onNotice(null),
    onSuccess: async () => {
      await refresh();
      onNotice(t('areaPlans.plan.notice.approve'));
    },
  });
  const sendBack = useMutation({
    mutationFn: ({ comment }: { comment: string }) =>
      sendBackAreaPlan(areaId, plan.id, plan.version, comment),
    onMutate: () => onNotice(null),
    onSuccess: async () => {
      await refresh();
      onNotice(t('areaPlans.plan.notice.sendBack'));
    },
  });
  return (
    <section className="area-plan-decision">
      <h3>{t('areaPlans.plan.decisionHeading')}</h3>
      <MutationFailure
        mutations={[approve, sendBack]}
        onReload={() => refresh()}
        errorTitle={t('areaPlans.saveError')}
      />
      {plan.abilities.approve ? (
        <button
          type="button"
          className="button button-primary"
          disabled={approve.isPending}
          onClick={() => approve.mutate()}
        >
          {t('areaPlans.plan.approve')}
        </button>
      ) : (
        <p>{t('areaPlans.plan.fourEyes')}</p>
      )}
      <Form
        id={`send-back-${plan.id}`}
        form={form}
        onSubmit={(values) => sendBack.mutateAsync(values)}
        error={null}
        errorTitle={t('areaPlans.saveError')}
      >
        <TextArea
          name="comment"
          label={t('areaPlans.plan.sendBackComment')}
          rows={2}
          maxLength={2000}
        />
        <button type="submit" className="button button-secondary" disabled={sendBack.isPending}>
          {t('areaPlans.plan.sendBack')}
        </button>
      </Form>
    </section>
  );
}
