import { randomUUID } from 'node:crypto';
import type { Prepared, WriteFixture } from './valid-bodies.ts';
import { ok, type Records, type World } from './write-world.ts';

/** Valid bodies for the network analysis map's writes (see valid-bodies.ts; 0050). */

const mapsUrl = (r: Records, rest = '') => `/api/cases/${r.caseId}/network-maps${rest}`;

/** A draft version of the case's map, started by its coordinator (in the compartment). */
export async function networkMapDraft(w: World, r: Records): Promise<Prepared> {
  const res = await w.members.coordinator.as.post(mapsUrl(r), {
    id: randomUUID(),
    drawnOn: w.today,
    occasion: 'Første møde',
  });
  const { map } = ok<{ map: { id: string; version: number } }>(res, 'network map');
  return { mapId: map.id, version: map.version };
}

export const networkMapContent = (w: World, version: number) => ({
  version,
  drawnOn: w.today,
  occasion: 'Første møde',
  relations: [
    {
      key: randomUUID(),
      sector: 'family',
      label: 'Ældre fætter',
      closeness: 2,
      quality: 'mixed',
      note: 'Ses i weekenderne.',
      personId: null,
    },
  ],
});

export const NETWORK_MAP_BODIES: Record<string, WriteFixture> = {
  'POST /api/cases/{id}/network-maps': {
    body: (w) => ({ id: randomUUID(), drawnOn: w.today, occasion: 'Første møde' }),
  },
  'PUT /api/cases/{id}/network-maps/{mapId}': {
    prepare: networkMapDraft,
    body: (w, _r, p) => networkMapContent(w, Number(p.version)),
  },
  'POST /api/cases/{id}/network-maps/{mapId}/finalise': {
    prepare: networkMapDraft,
    body: (_w, _r, p) => ({ version: p.version }),
  },
};
