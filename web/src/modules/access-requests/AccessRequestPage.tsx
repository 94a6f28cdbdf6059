import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { MutationFailure } from '../../ui/MutationFailure';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { formatDate, formatDateTime } from '../cases/format';
import {
  ACCESS_REQUESTS_KEY,
  approveAccessRequest,
  packageUrl,
  releaseAccessRequest,
  useAccessRequest,
  type AccessRequest,
} from './accessRequestsApi';
import { ReviewItemForm } from './ReviewItemForm';

/**
 * One access request (/aktindsigt/:id): its facts, the draft file item by item with the review
 * controls, the approval by a second person, the release and the package. Every action is shown
 * from the abilities the server sends.
 */
export function AccessRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('accessRequests.request.title'));
  const query = useAccessRequest(id);
  return (
    <QueryState
      query={query}
      loading={t('accessRequests.request.loading')}
      loadError={t('accessRequests.request.loadError')}
    >
      {(request) => <RequestView request={request} />}
    </QueryState>
  );
}

/** The request's facts, draft items and actions (exported for its markup test). */
export function RequestView({ request }: { request: AccessRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = (next: AccessRequest) => {
    queryClient.setQueryData([...ACCESS_REQUESTS_KEY, 'one', next.id], next);
    void queryClient.invalidateQueries({ queryKey: [...ACCESS_REQUESTS_KEY, 'list'] });
  };
  const reload = () =>
    queryClient.invalidateQueries({ queryKey: [...ACCESS_REQUESTS_KEY, 'one', request.id] });
  const approve = useMutation({
    mutationFn: () => approveAccessRequest(request.id, request.version),
    onSuccess: saved,
  });
  const release = useMutation({
    mutationFn: () => releaseAccessRequest(request.id, request.version),
    onSuccess: saved,
  });
  return (
    <>
      <PageHeading>
        {t('accessRequests.request.heading', { name: request.person.name })}
      </PageHeading>
      <dl className="access-facts">
        <dt>{t('accessRequests.fields.kind')}</dt>
        <dd>{t(`accessRequests.kinds.${request.kind}`)}</dd>
        <dt>{t('accessRequests.fields.channel')}</dt>
        <dd>{t(`accessRequests.channels.${request.channel}`)}</dd>
        <dt>{t('accessRequests.fields.receivedOn')}</dt>
        <dd>{formatDate(request.receivedOn)}</dd>
        <dt>{t('accessRequests.fields.deadlineOn')}</dt>
        <dd>
          {formatDate(request.deadlineOn)}{' '}
          {request.overdue && (
            <span className="badge badge-warning">{t('accessRequests.overdue')}</span>
          )}
        </dd>
        <dt>{t('accessRequests.fields.status')}</dt>
        <dd>{t(`accessRequests.statuses.${request.status}`)}</dd>
        {request.approvedBy && request.approvedAt && (
          <>
            <dt>{t('accessRequests.request.approvedBy')}</dt>
            <dd>
              {request.approvedBy.name}, {formatDateTime(request.approvedAt)}
            </dd>
          </>
        )}
        {request.releasedBy && request.releasedAt && (
          <>
            <dt>{t('accessRequests.request.releasedBy')}</dt>
            <dd>
              {request.releasedBy.name}, {formatDateTime(request.releasedAt)}
            </dd>
          </>
        )}
      </dl>

      <h2>{t('accessRequests.request.items')}</h2>
      {request.items.map((item) => (
        <section key={item.id} className="access-item" aria-labelledby={`item-${item.id}`}>
          <h3 id={`item-${item.id}`}>{item.title}</h3>
          <p>
            <span className="badge">{t(`accessRequests.decisions.${item.decision}`)}</span>
            {item.decidedBy && (
              <span className="form-hint">
                {' '}
                {t('accessRequests.request.decidedBy', { name: item.decidedBy.name })}
              </span>
            )}
          </p>
          <ul>
            {item.lines.map((line, i) => (
              <li key={i}>
                {t(`accessRequests.lines.${line.label}`, { defaultValue: line.label })}:{' '}
                {item.redactedLines.includes(i) ? <s>{line.value}</s> : line.value}
              </li>
            ))}
          </ul>
          {item.exemption && (
            <p className="form-hint">
              {t(`accessRequests.exemptions.${item.exemption}`)}: {item.reason}
            </p>
          )}
          {request.abilities.review && (
            <ReviewItemForm
              key={`${item.id}-${item.version}`}
              request={request}
              item={item}
              onSaved={saved}
            />
          )}
        </section>
      ))}

      {request.abilities.approve && (
        <p>
          <button
            type="button"
            className="button button-primary"
            disabled={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t('accessRequests.request.approve')}
          </button>
        </p>
      )}
      {request.status === 'in_review' && !request.abilities.approve && (
        <p className="form-hint">{t('accessRequests.request.approveHint')}</p>
      )}
      <MutationFailure
        mutations={approve}
        errorTitle={t('accessRequests.request.approveFailed')}
        onReload={reload}
      />
      {request.abilities.release && (
        <p>
          <button
            type="button"
            className="button button-primary"
            disabled={release.isPending}
            onClick={() => release.mutate()}
          >
            {t('accessRequests.request.release')}
          </button>
        </p>
      )}
      <MutationFailure
        mutations={release}
        errorTitle={t('accessRequests.request.releaseFailed')}
        onReload={reload}
      />
      {request.abilities.download && (
        <p>
          <a className="button button-secondary" href={packageUrl(request.id)} download>
            {t('accessRequests.request.download')}
          </a>
        </p>
      )}
    </>
  );
}
