import type { TFunction } from 'i18next';
import type { AreaPlanOptions } from './areaPlansApi';

type Connector = AreaPlanOptions['connectors'][number];

/** "Træneren i bokseklubben (positiv brobygger, runde 2)". */
export function connectorLabel(t: TFunction, c: Connector): string {
  return t('areaPlans.connectorLabel', {
    label: c.label,
    category: t(`areaPlans.connectorCategory.${c.category}`),
    round: c.roundNumber,
  });
}

/** The names of ids among the options (an id no longer offered shows as "ukendt"). */
export function namesOf(
  t: TFunction,
  ids: readonly string[],
  options: readonly { id: string; name?: string; label?: string }[],
): string {
  if (ids.length === 0) return t('areaPlans.none');
  return ids
    .map((id) => {
      const o = options.find((x) => x.id === id);
      return o ? (o.name ?? o.label ?? '') : t('areaPlans.unknown');
    })
    .join(', ');
}
