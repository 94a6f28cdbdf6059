import { useOutletContext } from 'react-router';
import type { Area } from '../../../../server/modules/housing-areas/schema.ts';

/**
 * What the area page (AreaPage) hands to its tabs through the router's outlet: the area as the
 * server sent it, with the caller's abilities on it (server/access/area-access.ts
 * `areaAbilities`). A tab shows an action only when the ability says so.
 */
export interface AreaAbilities {
  readMap: boolean;
  edit: boolean;
  manage: boolean;
  contribute: boolean;
  readContributions: boolean;
  readOverview: boolean;
  manageRounds: boolean;
  identify: boolean;
  readPlan: boolean;
  writePlan: boolean;
  approvePlan: boolean;
  readInterventions: boolean;
  writeInterventions: boolean;
  readAggregates: boolean;
}

export interface AreaContextValue {
  area: {
    id: string;
    name: string;
    municipalityCode: string;
    cadence: 'quarterly' | 'half_yearly' | null;
    archived: boolean;
    version: number;
    standing: 'manager' | 'team' | 'partner' | 'aggregate';
    abilities: AreaAbilities;
  };
}

export function useAreaContext(): AreaContextValue {
  return useOutletContext<AreaContextValue>();
}

/**
 * The area as the server sent it (texts, shape, zones and places, partners for managers), for
 * the map tab (AreaPage hands it on next to `area`).
 */
export function useFullArea(): Area {
  return useOutletContext<{ full: Area }>().full;
}
