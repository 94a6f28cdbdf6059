import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import { addItem, useAgendaChanged, useProposals, type Agenda, type Proposal } from './agendaApi';

/** The agenda builder's proposals with "Tilføj" (for the chair or a forum manager). */
export function AgendaProposals({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const proposals = useProposals(agenda.meetingId, true);
  const changed = useAgendaChanged(agenda.meetingId);
  const add = useMutation({
    mutationFn: (p: Proposal) =>
      addItem(agenda.meetingId, agenda.meetingVersion, {
        id: crypto.randomUUID(),
        kind: p.kind,
        ...(p.record?.type === 'case' && { caseId: p.record.id }),
        ...(p.record?.type === 'inquiry' && { inquiryId: p.record.id }),
        ...(p.dueOn && { dueOn: p.dueOn }),
        ...(p.kind === 'numbers' && { title: t('agenda.kinds.numbers') }),
        proposed: true,
      }),
    onSuccess: changed,
  });
  return (
    <section aria-labelledby="agenda-proposals" className="mt-8">
      <h2 id="agenda-proposals">{t('agenda.proposals.heading')}</h2>
      {add.error ? (
        <ErrorAlert title={t('agenda.proposals.failedTitle')} error={add.error} />
      ) : null}
      <QueryState
        query={proposals}
        loading={t('agenda.proposals.loading')}
        loadError={t('agenda.proposals.loadError')}
      >
        {(data) => (
          <>
            <p>
              {t('agenda.proposals.window', {
                from: formatDate(data.from),
                until: formatDate(data.until),
              })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('agenda.proposals.empty')}</p>
            ) : (
              <ul className="nobullet-list">
                {data.items.map((p) => (
                  <li key={`${p.kind}:${p.record?.id ?? ''}`} className="mb-3">
                    <strong>
                      {t(`agenda.kinds.${p.kind}`)}
                      {p.record ? `: ${p.record.reference}` : ''}
                    </strong>
                    <ProposalFacts proposal={p} />{' '}
                    {p.onAgenda ? (
                      <span className="agenda-on">{t('agenda.proposals.onAgenda')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={add.isPending}
                        onClick={() => add.mutate(p)}
                      >
                        {t('agenda.proposals.add')}
                        <span className="sr-only">
                          {' '}
                          {t(`agenda.kinds.${p.kind}`)} {p.record?.reference ?? ''}
                        </span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ProposalFacts({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const facts = [
    p.dueOn ? t('agenda.list.due', { date: formatDate(p.dueOn) }) : null,
    p.months ? t('agenda.proposals.months', { count: p.months }) : null,
    p.weeksOnHold ? t('agenda.proposals.weeksOnHold', { count: p.weeksOnHold }) : null,
  ].filter(Boolean);
  return facts.length > 0 ? <span> – {facts.join(', ')}</span> : null;
}
