import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PlanStatus } from '../../../../server/modules/plans/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { formatDate } from '../../ui/form';
import { MutationFailure } from '../../ui/MutationFailure';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { AgendaGuests } from './AgendaGuests';
import { AgendaNumbers } from './AgendaNumbers';
import { AgendaProposals } from './AgendaProposals';
import { AgendaTopics } from './AgendaTopics';
import {
  moveItem,
  removeItem,
  useAgenda,
  useAgendaChanged,
  type Agenda,
  type AgendaItem,
} from './agendaApi';

/**
 * The agenda of one meeting (/moeder/:id/dagsorden): the items the caller may see in order, how
 * many they may not see, and — for the chair or a forum manager (`mayEdit`, from the server) —
 * the builder's proposals, free topics, the playbook's templates, moving and removing items.
 */
export function AgendaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('agenda.title'));
  const agenda = useAgenda(id);
  return (
    <>
      <PageHeading>{t('agenda.title')}</PageHeading>
      <p>
        <Link to={`/moeder/${encodeURIComponent(id)}`}>{t('agenda.backToMeeting')}</Link>
      </p>
      <QueryState query={agenda} loading={t('agenda.loading')} loadError={t('agenda.loadError')}>
        {(data) => (
          <>
            <AgendaList agenda={data} reload={() => agenda.refetch()} />
            {data.mayEdit && <AgendaProposals agenda={data} />}
            {data.mayEdit && <AgendaGuests agenda={data} />}
            {data.mayEdit && data.allowedKinds.includes('topic') && <AgendaTopics agenda={data} />}
            {data.mayReadNumbers && data.allowedKinds.includes('numbers') && (
              <AgendaNumbers meetingId={data.meetingId} />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function AgendaList({ agenda, reload }: { agenda: Agenda; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const changed = useAgendaChanged(agenda.meetingId);
  const move = useMutation({
    mutationFn: ({ item, position }: { item: AgendaItem; position: number }) =>
      moveItem(agenda.meetingId, item.id, agenda.meetingVersion, position),
    onSuccess: changed,
  });
  const remove = useMutation({
    mutationFn: (item: AgendaItem) => removeItem(agenda.meetingId, item.id, agenda.meetingVersion),
    onSuccess: changed,
  });
  const busy = move.isPending || remove.isPending;
  const items = agenda.items;
  return (
    <section aria-labelledby="agenda-items" className="mt-6">
      <h2 id="agenda-items">{t('agenda.list.heading')}</h2>
      <MutationFailure
        mutations={[move, remove]}
        errorTitle={t('agenda.list.failedTitle')}
        headingLevel="h3"
        onReload={reload}
      />
      {items.length === 0 ? (
        <p>{t('agenda.list.empty')}</p>
      ) : (
        <ol className="agenda-list">
          {items.map((item, index) => (
            <li key={item.id} className="mb-4">
              <ItemText item={item} />
              {agenda.mayEdit && (
                <div className="mt-2">
                  <ItemButton
                    label={t('agenda.list.up')}
                    item={item}
                    disabled={busy || index === 0}
                    onClick={() => {
                      const above = items[index - 1];
                      if (above) move.mutate({ item, position: above.position });
                    }}
                  />
                  <ItemButton
                    label={t('agenda.list.down')}
                    item={item}
                    disabled={busy || index === items.length - 1}
                    onClick={() => {
                      const below = items[index + 1];
                      if (below) move.mutate({ item, position: below.position });
                    }}
                  />
                  <ItemButton
                    label={t('agenda.list.remove')}
                    item={item}
                    disabled={busy}
                    onClick={() => remove.mutate(item)}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {agenda.hiddenCount > 0 && (
        <p className="agenda-hidden" role="note">
          {agenda.hiddenCount === 1
            ? t('agenda.list.hiddenOne')
            : t('agenda.list.hiddenMany', { count: agenda.hiddenCount })}
        </p>
      )}
    </section>
  );
}

/** What an item says: its kind and the record's reference, or the topic's title. */
export function ItemText({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const record = item.record;
  return (
    <>
      <strong>
        {record ? `${t(`agenda.kinds.${item.kind}`)}: ${record.reference}` : item.title}
      </strong>
      {item.dueOn && <span> – {t('agenda.list.due', { date: formatDate(item.dueOn) })}</span>}
      {record?.planStatus && item.kind === 'plan_approval' && (
        <span> – {t(`agenda.planStatus.${record.planStatus as PlanStatus}`)}</span>
      )}
      {record?.concernLevel && (
        <span>
          {' '}
          – {t('agenda.list.concern', { level: t(`agenda.levels.${record.concernLevel}`) })}
        </span>
      )}
      {!record && item.kind !== 'topic' && <span> ({t(`agenda.kinds.${item.kind}`)})</span>}
      {item.description && <p className="mt-2 mb-0">{item.description}</p>}
    </>
  );
}

function ItemButton({
  label,
  item,
  disabled,
  onClick,
}: {
  label: string;
  item: AgendaItem;
  disabled: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-secondary button-small mr-3"
      disabled={disabled}
      onClick={onClick}
    >
      {label}
      <span className="sr-only"> {t('agenda.list.itemNumber', { number: item.position })}</span>
    </button>
  );
}
