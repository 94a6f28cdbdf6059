import { isStale } from '../app/api';
import { ErrorAlert } from './ErrorAlert';
import { StaleNotice, type StaleNoticeProps } from './StaleNotice';

/** What MutationFailure needs of a change (`useMutation`'s result). */
export interface FailingChange {
  error: unknown;
  reset: () => void;
}

type MutationFailureProps = StaleNoticeProps & {
  /** The change, or the changes of one panel (approve and reject), whose failure is shown. */
  mutations: FailingChange | readonly FailingChange[];
  /**
   * The title of the error alert for a failure that is not a stale edit. Leave it out where a
   * `<Form>` shows the change's failure itself.
   */
  errorTitle?: string;
  /** The error alert offers "Try again", which reloads as the stale notice does. */
  retry?: boolean;
};

/**
 * The answer to a change that failed: the one StaleNotice when someone else saved first (a 409) —
 * reloading clears the failures, then `onReload` fetches the latest version — else, with an
 * `errorTitle`, the error alert; nothing while no change failed.
 *
 * ```tsx
 * <MutationFailure mutations={[approve, reject]} headingLevel="h4" onReload={() => void refresh()} />
 * ```
 */
export function MutationFailure({
  mutations,
  errorTitle,
  retry = false,
  onReload,
  ...notice
}: MutationFailureProps) {
  const changes: readonly FailingChange[] = Array.isArray(mutations) ? mutations : [mutations];
  const reload = () => {
    for (const change of changes) change.reset();
    onReload();
  };
  if (changes.some((change) => isStale(change.error))) {
    return <StaleNotice {...notice} onReload={reload} />;
  }
  const failed = changes.find((change) => change.error != null);
  if (errorTitle === undefined || failed === undefined) return null;
  return (
    <ErrorAlert title={errorTitle} error={failed.error} onRetry={retry ? reload : undefined} />
  );
}
