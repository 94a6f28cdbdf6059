import { ApiError } from '../app/api';
import { NotFoundPage } from '../app/NotFoundPage';
import { ErrorAlert } from './ErrorAlert';
import { PageHeading } from './PageHeading';

/**
 * A record's page (a case, an inquiry, a person …) whose record could not be loaded. A 404 (one
 * the user may not see answers exactly like one that does not exist) is the ordinary not-found
 * page; any other failure is the page's heading (`title`) and the error alert (`loadError`) with
 * "Try again".
 */
export function RecordLoadFailure({
  error,
  title,
  loadError,
  onRetry,
}: {
  error: unknown;
  title: string;
  loadError: string;
  onRetry: () => void;
}) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ErrorAlert title={loadError} error={error} onRetry={onRetry} />
    </>
  );
}
