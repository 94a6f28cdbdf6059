import type { TFunction } from 'i18next';
import type da from './locales/da.json';
import type { PositionSummary } from './placesList';
import type { ShapeProblem } from './shapes';

/** The map's words that depend on values (issue 16 part 1), in one place. */
type Catalogue = (typeof da)['areaMap'];
export type ProblemKey = keyof Catalogue['problems'];
type KindKey = keyof Catalogue['kinds'];

const KINDS = new Set<string>([
  'area',
  'zone',
  'environment',
  'hangout',
  'shop',
  'club',
  'institution',
  'outdoor',
  'other',
]);

/** A zone's or place's kind in words; an unknown kind as it is. */
export function kindWord(t: TFunction, kind: string): string {
  return KINDS.has(kind) ? t(`areaMap.kinds.${kind as KindKey}`) : kind;
}

/** A shape problem as its Danish (or English) message. */
export function problemText(t: TFunction, problem: ShapeProblem): string {
  return t(`areaMap.problems.${problem.key as ProblemKey}`, problem.values ?? {});
}

/** Where a point or a shape is, in words (hectares with the language's decimal mark). */
export function positionText(t: TFunction, language: string, position: PositionSummary): string {
  if (position.kind === 'point') return t('areaMap.position.point', position);
  if (position.kind === 'polygon') {
    return t('areaMap.position.polygon', {
      ...position,
      hectares: position.hectares.toLocaleString(language, { maximumFractionDigits: 1 }),
    });
  }
  return t('areaMap.position.none');
}
