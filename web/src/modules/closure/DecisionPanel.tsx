import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RejectClosureBody } from '../../../../server/modules/closure/schema.ts';
import { focusAfterSave, MutationFailure } from '../../ui/form';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import { SendBackForm } from '../cases/SendBackForm';
import { approveClosure, rejectClosure, type Closure } from './closureApi';

/**
 * A coordinator's decision on a pending proposal: approve it (with the case's version read, so a
 * stale approval is refused), or send it back with a comment. Under four-eyes the proposer
 * cannot approve their own proposal: the panel names the case's other coordinators instead.
 */
export function DecisionPanel({
  detail,
  closure,
  headingId,
  needsAnother = false,
}: {
  detail: CaseDetail;
  closure: Closure;
  /** The proposal's heading, where focus goes once it is decided. */
  headingId: string;
  /** The caller proposed it and the municipality has four-eyes on closures. */
  needsAnother?: boolean;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const otherCoordinators = detail.members
    .filter((m) => m.role === 'coordinator' && m.userId !== closure.proposedBy.id)
    .map((m) => m.displayName)
    .join(', ');
  const approve = useMutation({
    mutationFn: () => approveClosure(detail.id, closure.id, detail.version),
    onSuccess: () => focusAfterSave(headingId),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (comment: string) => rejectClosure(detail.id, closure.id, comment),
    onSuccess: async () => {
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
        onReload={() => refresh()}
      />
      {needsAnother ? (
        <p className="closure-four-eyes">
          {t('closure.decision.fourEyes', {
            names: otherCoordinators || t('closure.decision.noOther'),
          })}
        </p>
      ) : (
        <>
          <p className="form-hint">{t('closure.decision.approveHint')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t('closure.decision.approve')}
          </button>
        </>
      )}
      <SendBackForm
        id={`reject-${closure.id}`}
        schema={RejectClosureBody}
        summary={false}
        onSend={(comment) => reject.mutateAsync(comment)}
        error={reject.error}
        errorTitle={t('closure.decision.rejectError')}
        label={t('closure.decision.comment')}
        hint={t('closure.decision.commentHint')}
        submit={t('closure.decision.reject')}
        disabled={reject.isPending}
      />
    </div>
  );
}
