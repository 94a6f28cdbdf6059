import { freshRecords } from './write-world.ts';
import { bodyProbe, subPathProbe, type IdProbe, type ProbeWorld } from './record-ids.ts';
import { networkMapDraft } from './valid-bodies-network-maps.ts';

/**
 * Record ids in the network analysis map's requests (0050): a version of another team's map named
 * in the path or the comparison's query, a client id that is another case's version, and a
 * linked person of another case.
 */
const PUT = 'PUT /api/cases/{id}/network-maps/{mapId}';
const CREATE = 'POST /api/cases/{id}/network-maps';

const theirCitizen = async (x: ProbeWorld) => (await freshRecords(x.foreign)).citizenId;

/** A version of a map on a fresh case of `w`: its id. */
async function mapIn(w: ProbeWorld['foreign']): Promise<string> {
  return String((await networkMapDraft(w, await freshRecords(w))).mapId);
}

/** The comparison with one of its two ids hidden, the other the caller's own. */
function compareProbe(param: 'from' | 'to'): IdProbe {
  return {
    key: `GET /api/cases/{id}/network-maps/compare query.${param}`,
    setup: async (x) => {
      const r = await freshRecords(x);
      const own = String((await networkMapDraft(x, r)).mapId);
      return {
        hidden: await mapIn(x.foreign),
        request: {
          caller: x.members.coordinator.caller,
          method: 'GET',
          url: (id) =>
            `/api/cases/${r.caseId}/network-maps/compare?` +
            (param === 'from' ? `from=${id}&to=${own}` : `from=${own}&to=${id}`),
        },
      };
    },
  };
}

export const NETWORK_MAP_PROBES: IdProbe[] = [
  subPathProbe(PUT, 'mapId'),
  subPathProbe('POST /api/cases/{id}/network-maps/{mapId}/finalise', 'mapId'),
  {
    ...bodyProbe(
      CREATE,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => mapIn(x.foreign),
    ),
    visibleTwin: (x) => mapIn(x),
  },
  bodyProbe(
    PUT,
    'body.relations.*.personId',
    (b, id) => {
      const relations = (b.relations as Record<string, unknown>[]).map((r) => ({
        ...r,
        personId: id,
      }));
      return { ...b, relations };
    },
    theirCitizen,
  ),
  compareProbe('from'),
  compareProbe('to'),
];
