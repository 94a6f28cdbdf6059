import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RejectClosureBody } from '../../../../server/modules/closure/schema.ts';
import { focusAfterSave, Form, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import { approveClosure, rejectClosure, type Closure } from './closureApi';

const COMMENT_MAX = 2000;

/**
 * A coordinator's decision on a pending proposal: approve it (with the case's version read, so a
 * stale approval is refused), or send it back with a comment.
 */
export function DecisionPanel({
  detail,
  closure,
  headingId,
}: {
  detail: CaseDetail;
  closure: Closure;
  /** The proposal's heading, where focus goes once it is decided. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(RejectClosureBody, { defaultValues: { comment: '' } });
  const approve = useMutation({
    mutationFn: () => approveClosure(detail.id, closure.id, detail.version),
    onSuccess: () => focusAfterSave(headingId),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (comment: string) => rejectClosure(detail.id, closure.id, comment),
    onSuccess: async () => {
      form.reset();
      await refresh();
      focusAfterSave(headingId);
    },
  });

  return (
    <div className="closure-decision no-print">
      <MutationFailure
        mutations={approve}
        errorTitle={t('closure.decision.approveError')}
        headingLevel="h4"
        onReload={() => void refresh()}
      />
      <p className="form-hint">{t('closure.decision.approveHint')}</p>
      <button
        type="button"
        className="button button-primary"
        disabled={approve.isPending}
        onClick={() => approve.mutate()}
      >
        {t('closure.decision.approve')}
      </button>
      <Form
        id={`reject-${closure.id}`}
        form={form}
        summary={false}
        onSubmit={(values) => reject.mutateAsync(values.comment)}
        error={reject.error}
        errorTitle={t('closure.decision.rejectError')}
      >
        <TextArea
          name="comment"
          label={t('closure.decision.comment')}
          hint={t('closure.decision.commentHint')}
          rows={3}
          maxLength={COMMENT_MAX}
        />
        <button type="submit" className="button button-secondary" disabled={reject.isPending}>
          {t('closure.decision.reject')}
        </button>
      </Form>
    </div>
  );
}
