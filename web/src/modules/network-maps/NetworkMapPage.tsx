import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseIsOpen } from '../../../../shared/values.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QueryState } from '../../ui/QueryState';
import { danishToday } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import { Guidance } from '../guidance/Guidance';
import { NetworkCompare } from './NetworkCompare';
import { NetworkGraph } from './NetworkGraph';
import { NetworkList } from './NetworkList';
import { NetworkMapForm } from './NetworkMapForm';
import { networkMapsKey, startNetworkMap, useNetworkMaps, type NetworkMap } from './networkMapsApi';
import './networkMaps.css';

/**
 * The case's network analysis map (/sager/:id/netvaerkskort; the housing-area model's tool 6):
 * the latest version drawn and as a table, the draft's form for those who may write, a new
 * version started as a copy of the latest, two versions side by side, every version. The map
 * sits in the compartment: the tab is shown only to those the case's abilities let read it.
 */
export function NetworkMapPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  usePageTitle(t('networkMaps.title', { reference: detail.reference }));
  const queryClient = useQueryClient();
  const maps = useNetworkMaps(detail.id);
  const [formKey, setFormKey] = useState(0);
  const mayWrite = detail.abilities.networkMap.write && caseIsOpen(detail.status);

  const start = useMutation({
    mutationFn: () =>
      startNetworkMap(detail.id, {
        id: crypto.randomUUID(),
        drawnOn: danishToday(),
        occasion: null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkMapsKey(detail.id) });
    },
  });

  const name = (m: NetworkMap) =>
    t('networkMaps.versionName', { number: m.number, date: formatDate(m.drawnOn) });

  return (
    <section aria-labelledby={headingId} className="case-section network-maps">
      <h2 id={headingId}>{t('networkMaps.heading')}</h2>
      <p>{t('networkMaps.intro')}</p>
      <Guidance keys={['networkMap', 'networkMapPrivacy']} />
      <QueryState
        query={maps}
        loading={t('networkMaps.loading')}
        loadError={t('networkMaps.loadError')}
      >
        {(list) => {
          const items = list.items;
          const draft = items.find((m) => m.status === 'draft');
          const latest = items.find((m) => m.status === 'final');
          return (
            <>
              {latest ? (
                <section aria-labelledby={`${headingId}-latest`} className="network-latest">
                  <h3 id={`${headingId}-latest`}>
                    {t('networkMaps.latest', { version: name(latest) })}
                  </h3>
                  {latest.occasion && <p>{latest.occasion}</p>}
                  {latest.finalisedBy && latest.finalisedAt && (
                    <p className="form-hint">
                      {t('networkMaps.finalisedBy', {
                        name: latest.finalisedBy.name,
                        time: formatDateTime(latest.finalisedAt),
                      })}
                    </p>
                  )}
                  <button
                    type="button"
                    className="button button-tertiary no-print"
                    onClick={() => window.print()}
                  >
                    {t('networkMaps.print')}
                  </button>
                  <div className="network-view">
                    <NetworkList
                      relations={latest.relations ?? []}
                      caption={t('networkMaps.list.caption', { version: name(latest) })}
                    />
                    <NetworkGraph
                      relations={latest.relations ?? []}
                      label={t('networkMaps.graph.label', { version: name(latest) })}
                      fileName={`netvaerkskort-${latest.number}.png`}
                    />
                  </div>
                </section>
              ) : (
                <p>{t('networkMaps.none')}</p>
              )}

              {draft ? (
                <section aria-labelledby={`${headingId}-draft`} className="network-draft no-print">
                  <h3 id={`${headingId}-draft`}>
                    {t('networkMaps.draft', { number: draft.number })}
                  </h3>
                  {mayWrite ? (
                    <NetworkMapForm
                      key={`${draft.id}:${formKey}`}
                      caseId={detail.id}
                      draft={draft}
                      persons={detail.persons.map((p) => ({ id: p.id, name: p.name }))}
                      onReload={async () => {
                        await maps.refetch();
                        setFormKey((k) => k + 1);
                      }}
                    />
                  ) : (
                    <NetworkList
                      relations={draft.relations ?? []}
                      caption={t('networkMaps.list.caption', { version: name(draft) })}
                    />
                  )}
                </section>
              ) : (
                mayWrite && (
                  <div className="network-start no-print">
                    {start.error ? (
                      <ErrorAlert title={t('networkMaps.start.error')} error={start.error} />
                    ) : null}
                    <p className="form-hint">
                      {latest ? t('networkMaps.start.hintNew') : t('networkMaps.start.hintFirst')}
                    </p>
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={start.isPending}
                      onClick={() => start.mutate()}
                    >
                      {latest ? t('networkMaps.start.buttonNew') : t('networkMaps.start.button')}
                    </button>
                  </div>
                )
              )}

              {items.length > 1 && <NetworkCompare caseId={detail.id} items={items} />}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
