import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { Form, saidIssue, TextArea, useZodForm } from '../../ui/form';
import { MutationFailure } from '../../ui/MutationFailure';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { formatDateTime } from '../cases/format';
import {
  acceptTransfer,
  declineTransfer,
  TRANSFERS_KEY,
  useIncomingTransfers,
  type Transfer,
} from './transfersApi';

/** The page for those whose abilities allow it; everyone else gets the access-denied page. */
export function IncomingTransfersRoute() {
  const abilities = useSession().data?.abilities ?? null;
  return abilities?.transfers.incoming ? <IncomingTransfersPage /> : <AccessDeniedPage />;
}

/**
 * "Indgående overførsler" (/overfoersler, issue 13 part 5): the case transfers addressed to the
 * caller's municipality. Until accepted only the neutral facts show (from where, when, why, on
 * which basis, what would be copied); accepting opens the copy as a case here, declining needs
 * a reason. The route and the menu link are shown from `abilities.transfers.incoming`.
 */
export function IncomingTransfersPage() {
  const { t } = useTranslation();
  const title = t('transfers.incoming.title');
  usePageTitle(title);
  const incoming = useIncomingTransfers();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead">{t('transfers.incoming.intro')}</p>
      <QueryState
        query={incoming}
        loading={t('transfers.loading')}
        loadError={t('transfers.loadError')}
      >
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('transfers.incoming.empty')}</p>
          ) : (
            <ul className="nobullet-list">
              {list.items.map((item) => (
                <li key={item.id}>
                  <IncomingTransfer item={item} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function IncomingTransfer({ item }: { item: Transfer }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const accept = useMutation({
    mutationFn: () => acceptTransfer(item.id, item.version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...TRANSFERS_KEY] }),
  });
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>
        {t('transfers.incoming.itemHeading', {
          municipality: item.from.name,
          date: formatDateTime(item.proposedAt),
        })}
      </h2>
      <dl className="case-facts">
        <dt>{t('transfers.table.status')}</dt>
        <dd>{t(`transfers.status.${item.status}`)}</dd>
        <dt>{t('transfers.table.reason')}</dt>
        <dd>{item.reason}</dd>
        <dt>{t('transfers.table.basis')}</dt>
        <dd>{item.legalBasis}</dd>
        <dt>{t('transfers.case.parts')}</dt>
        <dd>{item.parts.map((p) => t(`transfers.parts.${p}`)).join(', ')}</dd>
        {item.declineReason && (
          <>
            <dt>{t('transfers.incoming.declineReason')}</dt>
            <dd>{item.declineReason}</dd>
          </>
        )}
      </dl>
      {item.receivedCaseId && (
        <p>
          <Link to={`/sager/${item.receivedCaseId}`} className="function-link">
            {t('transfers.incoming.openCase')}
          </Link>
        </p>
      )}
      {item.status === 'proposed' && (
        <>
          <MutationFailure
            mutations={accept}
            errorTitle={t('transfers.incoming.acceptFailedTitle')}
            onReload={() => queryClient.invalidateQueries({ queryKey: [...TRANSFERS_KEY] })}
          />
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={accept.isPending}
              onClick={() => accept.mutate()}
            >
              {t('transfers.incoming.accept')}
            </button>{' '}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setDeclining(true)}
            >
              {t('transfers.incoming.decline')}
            </button>
          </p>
          {declining && <DeclineForm item={item} />}
        </>
      )}
    </section>
  );
}

function DeclineForm({ item }: { item: Transfer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = z.object({ reason: z.string().nullable() }).superRefine((values, ctx) => {
    if (!values.reason?.trim())
      ctx.addIssue(saidIssue('reason', t('transfers.incoming.reasonRequired')));
  });
  const form = useZodForm(schema, { defaultValues: { reason: null } });
  const mutation = useMutation({
    mutationFn: (values: { reason: string | null }) =>
      declineTransfer(item.id, { version: item.version, reason: values.reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...TRANSFERS_KEY] }),
  });
  return (
    <Form
      id={`decline-${item.id}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('transfers.incoming.declineFailedTitle')}
    >
      <TextArea
        name="reason"
        label={t('transfers.incoming.declineReason')}
        hint={t('transfers.incoming.declineHint')}
        empty="null"
        maxLength={2000}
        rows={3}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('transfers.incoming.declineSubmit')}
      </button>
    </Form>
  );
}
