import { NETWORK_SECTORS, type NetworkSector, type RelationView } from './networkMapsApi';

/**
 * The one order of a map's relations, shared by the drawing and the list: by sector (the tool's
 * order), then closest first, then by role. The drawing places each sector in its own part of
 * each ring because the concentric layout keeps this order around the circle.
 */
export function inMapOrder<R extends Pick<RelationView, 'sector' | 'closeness' | 'label'>>(
  relations: readonly R[],
): R[] {
  const sectorIndex = (s: NetworkSector) => NETWORK_SECTORS.indexOf(s);
  return [...relations].sort(
    (a, b) =>
      sectorIndex(a.sector) - sectorIndex(b.sector) ||
      a.closeness - b.closeness ||
      a.label.localeCompare(b.label, 'da'),
  );
}

/** The relations grouped by sector, in the tool's order; empty sectors left out. */
export function bySector<R extends Pick<RelationView, 'sector' | 'closeness' | 'label'>>(
  relations: readonly R[],
): { sector: NetworkSector; relations: R[] }[] {
  const ordered = inMapOrder(relations);
  return NETWORK_SECTORS.map((sector) => ({
    sector,
    relations: ordered.filter((r) => r.sector === sector),
  })).filter((g) => g.relations.length > 0);
}
