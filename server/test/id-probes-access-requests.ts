import { randomUUID } from 'node:crypto';
import type { IdProbe, ProbeWorld } from './record-ids.ts';
import { createPerson } from './records.ts';

/**
 * Record ids in the requests of the citizens' access requests (issue 13 part 7): a request (and
 * its items) of another municipality answers as a missing one, for the data-protection role of
 * municipality 101; a person of another municipality likewise; a client id already used by
 * another municipality's request is refused as one used by the caller's own.
 */
const URL = '/api/access-requests';

/** A request with one item, in municipality 147: its id and its item's id. */
async function foreignRequest(x: ProbeWorld): Promise<{ id: string; itemId: string }> {
  const db = x.t.database.db;
  const id = randomUUID();
  await db
    .insertInto('access_requests')
    .values({
      id,
      municipality_code: '147',
      person_id: x.other.personId,
      kind: 'data_subject_access',
      channel: 'letter',
      received_on: '2026-11-02',
      deadline_on: '2026-12-02',
      registered_by: x.other.user.caller.userId ?? '',
    })
    .execute();
  const item = await db
    .insertInto('access_request_items')
    .values({
      request_id: id,
      municipality_code: '147',
      position: 0,
      source: 'access_report',
      title: 'Opslag',
      lines: JSON.stringify([{ label: 'note', value: 'Ingen opslag' }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, itemId: item.id };
}

/** A request the caller registers through the API for a fresh person: its id and first item. */
async function ownRequest(x: ProbeWorld): Promise<{ id: string; itemId: string }> {
  const person = await createPerson(x.t.database.db);
  const res = await x.dpo.as.post(URL, registration(person.id));
  if (res.statusCode !== 201) throw new Error(`request not registered: ${res.body}`);
  const body = res.json() as { id: string; items: { id: string }[] };
  return { id: body.id, itemId: body.items[0]?.id ?? '' };
}

function registration(personId: string, id: string = randomUUID()) {
  return { id, kind: 'data_subject_access', personId, channel: 'letter', receivedOn: '2026-11-02' };
}

const dpo = (x: ProbeWorld) => x.dpo.caller;

function pathProbe(
  key: string,
  method: 'GET' | 'POST',
  url: (id: string) => string,
  body?: () => Record<string, unknown>,
): IdProbe {
  return {
    key,
    setup: async (x) => ({
      hidden: (await foreignRequest(x)).id,
      request: { caller: dpo(x), method, url, ...(body && { body }) },
    }),
  };
}

export const ACCESS_REQUEST_PROBES: IdProbe[] = [
  {
    key: 'POST /api/access-requests body.personId',
    setup: async (x) => ({
      hidden: x.other.personId,
      request: { caller: dpo(x), method: 'POST', url: () => URL, body: (id) => registration(id) },
    }),
  },
  {
    key: 'POST /api/access-requests body.id',
    setup: async (x) => {
      const person = await createPerson(x.t.database.db);
      return {
        hidden: (await foreignRequest(x)).id,
        request: {
          caller: dpo(x),
          method: 'POST',
          url: () => URL,
          body: (id) => registration(person.id, id),
        },
      };
    },
    // Another of the caller's own requests (for another citizen): refused alike.
    visibleTwin: async (x) => (await ownRequest(x)).id,
  },
  pathProbe('GET /api/access-requests/{id} path.id', 'GET', (id) => `${URL}/${id}`),
  {
    key: 'PUT /api/access-requests/{id}/items/{itemId} path.id',
    setup: async (x) => {
      const own = await ownRequest(x);
      return {
        hidden: (await foreignRequest(x)).id,
        request: {
          caller: dpo(x),
          method: 'PUT',
          url: (id) => `${URL}/${id}/items/${own.itemId}`,
          body: () => ({ decision: 'release', version: 1 }),
        },
      };
    },
  },
  {
    key: 'PUT /api/access-requests/{id}/items/{itemId} path.itemId',
    setup: async (x) => {
      const own = await ownRequest(x);
      return {
        hidden: (await foreignRequest(x)).itemId,
        request: {
          caller: dpo(x),
          method: 'PUT',
          url: (id) => `${URL}/${own.id}/items/${id}`,
          body: () => ({ decision: 'release', version: 1 }),
        },
      };
    },
  },
  pathProbe(
    'POST /api/access-requests/{id}/approve path.id',
    'POST',
    (id) => `${URL}/${id}/approve`,
    () => ({ version: 1 }),
  ),
  pathProbe(
    'POST /api/access-requests/{id}/release path.id',
    'POST',
    (id) => `${URL}/${id}/release`,
    () => ({ version: 1 }),
  ),
  pathProbe(
    'GET /api/access-requests/{id}/package.pdf path.id',
    'GET',
    (id) => `${URL}/${id}/package.pdf`,
  ),
];
