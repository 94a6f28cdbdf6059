import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { formatDate } from '../cases/format';
import { NetworkGraph } from './NetworkGraph';
import { useNetworkMapComparison, type NetworkMap, type RelationChange } from './networkMapsApi';

/**
 * Two versions side by side ("what changed in his network since the spring"): the two drawings
 * next to each other and, computed by the server, the changes in words — added, removed, moved
 * closer or further, turned from protective to risky and so on.
 */
export function NetworkCompare({ caseId, items }: { caseId: string; items: NetworkMap[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [from, setFrom] = useState(items[1]?.id ?? '');
  const [to, setTo] = useState(items[0]?.id ?? '');
  const comparison = useNetworkMapComparison(caseId, from, to);
  const name = (m: NetworkMap) =>
    t('networkMaps.versionName', { number: m.number, date: formatDate(m.drawnOn) });
  const left = items.find((m) => m.id === from);
  const right = items.find((m) => m.id === to);

  return (
    <section aria-labelledby={headingId} className="network-compare">
      <h3 id={headingId}>{t('networkMaps.compare.heading')}</h3>
      <div className="network-compare-pickers no-print">
        {(
          [
            ['from', from, setFrom],
            ['to', to, setTo],
          ] as const
        ).map(([which, value, set]) => (
          <div key={which} className="form-group">
            <label className="form-label" htmlFor={`${headingId}-${which}`}>
              {t(`networkMaps.compare.${which}`)}
            </label>
            <select
              id={`${headingId}-${which}`}
              className="form-select"
              value={value}
              onChange={(e) => set(e.target.value)}
            >
              {items.map((m) => (
                <option key={m.id} value={m.id}>
                  {name(m)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {from === to ? (
        <p>{t('networkMaps.compare.same')}</p>
      ) : (
        <>
          <div className="network-side-by-side">
            {[left, right].map(
              (m) =>
                m && (
                  <div key={m.id} className="network-side">
                    <h4>{name(m)}</h4>
                    <NetworkGraph
                      relations={m.relations ?? []}
                      label={t('networkMaps.graph.label', { version: name(m) })}
                      fileName={`netvaerkskort-${m.number}.png`}
                    />
                  </div>
                ),
            )}
          </div>
          <QueryState
            query={comparison}
            loading={t('networkMaps.compare.loading')}
            loadError={t('networkMaps.compare.loadError')}
          >
            {(data) => (
              <>
                <p>{t('networkMaps.compare.unchanged', { count: data.unchanged ?? 0 })}</p>
                {(data.changes ?? []).length === 0 ? (
                  <p>{t('networkMaps.compare.none')}</p>
                ) : (
                  <ul className="network-changes">
                    {(data.changes ?? []).map((c) => (
                      <li key={c.key}>
                        <ChangeText change={c} />
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </QueryState>
        </>
      )}
    </section>
  );
}

/** One change in words. */
function ChangeText({ change: c }: { change: RelationChange }) {
  const { t } = useTranslation();
  const label = (c.after ?? c.before)?.label ?? '';
  if (c.kind === 'added' && c.after) {
    const added = t('networkMaps.change.added', {
      label,
      sector: t(`networkMaps.sector.${c.after.sector}`),
      quality: t(`networkMaps.quality.${c.after.quality}`),
    });
    return <>{added}</>;
  }
  if (c.kind === 'removed') return <>{t('networkMaps.change.removed', { label })}</>;
  const parts: string[] = [];
  if (c.moved) parts.push(t(`networkMaps.change.${c.moved}`));
  if (c.qualityChanged && c.before && c.after) {
    parts.push(
      t('networkMaps.change.quality', {
        from: t(`networkMaps.quality.${c.before.quality}`),
        to: t(`networkMaps.quality.${c.after.quality}`),
      }),
    );
  }
  if (c.sectorChanged && c.after) {
    parts.push(
      t('networkMaps.change.sector', { sector: t(`networkMaps.sector.${c.after.sector}`) }),
    );
  }
  if (c.labelChanged && c.before)
    parts.push(t('networkMaps.change.label', { from: c.before.label }));
  if (c.noteChanged) parts.push(t('networkMaps.change.note'));
  if (c.personChanged) parts.push(t('networkMaps.change.person'));
  return <>{`${label}: ${parts.join(', ')}`}</>;
}
