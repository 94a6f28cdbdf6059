import { isStale } from '../app/api';
import { ErrorAlert } from './ErrorAlert';
import { StaleNotice, type StaleNoticeProps } from './StaleNotice';

/** What MutationFailure needs of a change (`useMutation`'s result). */
export interface FailingChange {
  error: unknown;
  reset: () => void;
}

type MutationFailureProps = Omit<StaleNoticeProps, 'onReload'> & {
  /**
   * Fetches the latest version. Return the fetch's promise: the failures are cleared when it has
   * settled, so the notice stays until the latest version is on the page.
   */
  onReload: () => void | PromiseLike<unknown>;
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
 * reloading calls `onReload` to fetch the latest version and clears the failures once it has
 * arrived (at once when `onReload` returns no promise) — else, with an
 * `errorTitle`, the error alert; nothing while no change failed.
 *
 * ```tsx
 * <MutationFailure mutations={[approve, reject]} headingLevel="h4" onReload={() => refresh()} />
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
  const clear = () => {
    for (const change of changes) change.reset();
  };
  const reload = () => {
    const latest = onReload();
    if (latest === undefined) clear();
    else void Promise.resolve(latest).finally(clear);
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
