import { randomUUID } from 'node:crypto';
import type { Caller } from './access-matrix.ts';
import type { IdProbe, ProbeWorld } from './record-ids.ts';

/**
 * Record ids in the area work's requests (issue 16 parts 3 and 5; server/modules/area-work): an
 * area of another municipality in the path, an intervention of another area, a client id taken
 * by another municipality's intervention or follow-up, and a connector another area's mapping
 * found. The caller is municipality 101's coordinator (a forum manager: every area of 101).
 */
const SQUARE = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [12.55, 55.68],
      [12.56, 55.68],
      [12.56, 55.69],
      [12.55, 55.69],
      [12.55, 55.68],
    ],
  ],
});

const caller = (x: ProbeWorld): Caller => x.members.coordinator.caller;

/** An area of `municipality` (a fresh name each time); its id. */
async function area(x: ProbeWorld, municipality: '101' | '147'): Promise<string> {
  const db = x.t.database.db;
  const creator = await db
    .selectFrom('users')
    .select('id')
    .where('municipality_code', '=', municipality)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('housing_areas')
    .values({
      id,
      municipality_code: municipality,
      name: `Probeområde ${id.slice(0, 8)}`,
      geometry: SQUARE,
      created_by: creator.id,
    })
    .execute();
  return id;
}

/** An intervention (with one follow-up) in a fresh area of `municipality`. */
async function intervention(x: ProbeWorld, municipality: '101' | '147') {
  const db = x.t.database.db;
  const areaId = await area(x, municipality);
  const { created_by } = await db
    .selectFrom('housing_areas')
    .select('created_by')
    .where('id', '=', areaId)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('area_interventions')
    .values({
      id,
      municipality_code: municipality,
      area_id: areaId,
      kind: 'upskilling',
      title: 'Probekursus',
      created_by,
    })
    .execute();
  const followUpId = randomUUID();
  await db
    .insertInto('area_intervention_entries')
    .values({
      id: followUpId,
      municipality_code: municipality,
      area_intervention_id: id,
      kind: 'follow_up',
      happened_on: '2026-11-01',
      note: 'Set',
      created_by,
    })
    .execute();
  return { areaId, id, followUpId };
}

/** A positive connector found by a round of a fresh area of 147. */
async function foreignConnector(x: ProbeWorld): Promise<string> {
  const db = x.t.database.db;
  const areaId = await area(x, '147');
  const { created_by } = await db
    .selectFrom('housing_areas')
    .select('created_by')
    .where('id', '=', areaId)
    .executeTakeFirstOrThrow();
  const roundId = randomUUID();
  await db
    .insertInto('area_rounds')
    .values({
      id: roundId,
      area_id: areaId,
      number: 1,
      due_on: '2026-10-01',
      opened_by: created_by,
    })
    .execute();
  const id = randomUUID();
  await db
    .insertInto('area_round_contributions')
    .values({
      id,
      round_id: roundId,
      contributor_id: created_by,
      stance: 'resource',
      category: 'positive_connector',
      label: 'Fremmed connector',
    })
    .execute();
  return id;
}

const identification = () => ({
  id: randomUUID(),
  tool: '4b',
  person: { givenName: 'Probe', familyName: 'Person', birthDate: null, age: 17 },
  signs: ['during_or_after_prison'],
  observation: null,
});
const newIntervention = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind: 'area_civil_society',
  title: 'Probeindsats',
  ...over,
});
const BASE = '/api/housing-areas';
const I = `${BASE}/{id}/interventions`;

/** The area in the path: another municipality's area answers as a random id. */
function areaPathProbe(
  method: 'GET' | 'POST',
  path: string,
  body?: () => Record<string, unknown>,
): IdProbe {
  return {
    key: `${method} ${BASE}/{id}${path} path.id`,
    setup: async (x) => ({
      hidden: await area(x, '147'),
      request: {
        caller: caller(x),
        method,
        url: (id) => `${BASE}/${id}${path}`,
        body: body && (() => body()),
      },
    }),
  };
}

/** An intervention's route with the area (`path.id`) or the intervention hidden. */
function interventionProbe(
  method: 'GET' | 'PUT' | 'POST',
  suffix: '' | '/status' | '/follow-ups',
  param: 'id' | 'interventionId',
  body?: () => Record<string, unknown>,
): IdProbe {
  return {
    key: `${method} ${I}/{interventionId}${suffix} path.${param}`,
    setup: async (x) => {
      const own = await intervention(x, '101');
      const theirs = await intervention(x, '147');
      return {
        hidden: param === 'id' ? theirs.areaId : theirs.id,
        request: {
          caller: caller(x),
          method,
          url: (id) =>
            param === 'id'
              ? `${BASE}/${id}/interventions/${own.id}${suffix}`
              : `${BASE}/${own.areaId}/interventions/${id}${suffix}`,
          body: body && (() => body()),
        },
      };
    },
  };
}

const update = () => ({ title: 'Ændret', version: 1 });
const followUp = () => ({ id: randomUUID(), version: 1, on: '2026-11-02', note: 'Set igen' });
const status = () => ({ version: 1, status: 'active' });

export const AREA_WORK_PROBES: IdProbe[] = [
  areaPathProbe('POST', '/identifications', identification),
  areaPathProbe('GET', '/interventions'),
  areaPathProbe('POST', '/interventions', () => newIntervention()),
  interventionProbe('GET', '', 'id'),
  interventionProbe('GET', '', 'interventionId'),
  interventionProbe('PUT', '', 'id', update),
  interventionProbe('PUT', '', 'interventionId', update),
  interventionProbe('POST', '/status', 'id', status),
  interventionProbe('POST', '/status', 'interventionId', status),
  interventionProbe('POST', '/follow-ups', 'id', followUp),
  interventionProbe('POST', '/follow-ups', 'interventionId', followUp),
  {
    key: `POST ${I} body.id`,
    setup: async (x) => {
      const areaId = await area(x, '101');
      return {
        hidden: (await intervention(x, '147')).id,
        request: {
          caller: caller(x),
          method: 'POST',
          url: () => `${BASE}/${areaId}/interventions`,
          body: (id) => newIntervention({ id }),
        },
      };
    },
    visibleTwin: async (x) => (await intervention(x, '101')).id,
  },
  {
    key: `POST ${I}/{interventionId}/follow-ups body.id`,
    setup: async (x) => {
      const own = await intervention(x, '101');
      return {
        hidden: (await intervention(x, '147')).followUpId,
        request: {
          caller: caller(x),
          method: 'POST',
          url: () => `${BASE}/${own.areaId}/interventions/${own.id}/follow-ups`,
          body: (id) => ({ ...followUp(), id }),
        },
      };
    },
    visibleTwin: async (x) => (await intervention(x, '101')).followUpId,
  },
  {
    key: `POST ${I} body.connectorIds.*`,
    setup: async (x) => {
      const areaId = await area(x, '101');
      return {
        hidden: await foreignConnector(x),
        request: {
          caller: caller(x),
          method: 'POST',
          url: () => `${BASE}/${areaId}/interventions`,
          body: (id) => newIntervention({ connectorIds: [id] }),
        },
      };
    },
  },
  {
    key: `PUT ${I}/{interventionId} body.connectorIds.*`,
    setup: async (x) => {
      const own = await intervention(x, '101');
      return {
        hidden: await foreignConnector(x),
        request: {
          caller: caller(x),
          method: 'PUT',
          url: () => `${BASE}/${own.areaId}/interventions/${own.id}`,
          body: (id) => ({ ...update(), connectorIds: [id] }),
        },
      };
    },
  },
];
