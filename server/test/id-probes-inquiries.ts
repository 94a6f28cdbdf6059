import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Caller } from './access-matrix.ts';
import { freshRecords, ok, type Staff } from './write-world.ts';
import {
  bodyProbe,
  validWrite,
  type IdProbe,
  type ProbeRequest,
  type ProbeWorld,
} from './record-ids.ts';

/**
 * Record ids in inquiry and person requests: an existing person named in a new inquiry, a draft,
 * forum or unit of someone else, and persons of another team's case named in a merge or relation.
 */
const theirCitizen = async (x: ProbeWorld) => (await freshRecords(x.foreign)).citizenId;
const newKey = () => ({ 'idempotency-key': `k-${randomUUID()}` });
const otherUnit = async (x: ProbeWorld) => x.other.unitId;

/** The inbox filtered by a unit of another municipality, asked by a coordinator of 101. */
const unitFilterProbe = (key: string, request: Omit<ProbeRequest, 'caller'>): IdProbe => ({
  key,
  setup: async (x) => {
    await freshRecords(x);
    return {
      hidden: x.other.unitId,
      request: { caller: x.members.coordinator.caller, ...request },
    };
  },
});
const searchOfUnit = (unitId: string) => ({ status: 'all', text: 'Hansen', unitId });

/** A valid new inquiry that names `personId` as its (existing) person. */
export const newInquiry = (personId: string, draftId: string | null = null) => ({
  source: 'teacher',
  channel: 'phone',
  reporter: { name: 'Lærer på skolen' },
  receivedAt: new Date().toISOString(),
  observation: 'Eleven viser voldelige videoer til klassekammerater.',
  subjectKind: 'person',
  persons: [{ existingPersonId: personId }],
  draftId,
});

/** A draft of the colleague's, saved through the API. */
async function colleaguesDraft(colleague: Staff): Promise<string> {
  const id = randomUUID();
  const res = await colleague.as.put(`/api/inquiry-drafts/${id}`, {
    version: 0,
    content: { observation: 'Kladde' },
  });
  ok(res, 'draft');
  return id;
}

async function draftStillThere(x: ProbeWorld, id: string) {
  const row = await x.t.database.db
    .selectFrom('inquiry_drafts')
    .select(['id', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
  expect(row, 'the colleague’s draft is untouched').toEqual({ id, version: 1 });
}

/** Inquiries that name the person, and relations to them. */
async function inquiriesNaming(x: ProbeWorld, personId: string): Promise<number> {
  const row = await x.t.database.db
    .selectFrom('inquiry_persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function relationsTo(x: ProbeWorld, personId: string): Promise<number> {
  const row = await x.t.database.db
    .selectFrom('person_relations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('related_person_id', '=', personId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new inquiry, recorded by `caller`, that names a person the caller may not see. */
const namingProbe = (suffix: string, caller: (x: ProbeWorld) => Caller): IdProbe => ({
  key: `POST /api/inquiries body.persons.*.existingPersonId${suffix}`,
  setup: async (x) => ({
    hidden: await theirCitizen(x),
    request: {
      caller: caller(x),
      method: 'POST',
      url: () => '/api/inquiries',
      headers: newKey,
      body: (id) => newInquiry(id),
    },
  }),
  links: inquiriesNaming,
});

/** A caseworker's request (with `body`) on the colleague's draft. */
const draftProbe = (
  method: 'PUT' | 'DELETE',
  suffix = '',
  body?: Record<string, unknown>,
): IdProbe => ({
  key: `${method} /api/inquiry-drafts/{id} path.id${suffix}`,
  setup: async (x) => ({
    hidden: await colleaguesDraft(x.colleague),
    request: {
      caller: x.members.caseworker.caller,
      method,
      url: (id) => `/api/inquiry-drafts/${id}`,
      ...(body && { body: () => body }),
    },
  }),
});

export const INQUIRY_PROBES: IdProbe[] = [
  // Issue 10, defect 1: naming a person one may not see must not link (and so open) them.
  namingProbe('', (x) => x.members.coordinator.caller),
  // The hotline records inquiries and sees nothing afterwards: the same rule holds for it.
  namingProbe(' as hotline', (x) => x.hotline.caller),
  {
    key: 'POST /api/inquiries body.draftId',
    setup: async (x) => {
      const r = await freshRecords(x);
      return {
        hidden: await colleaguesDraft(x.colleague),
        request: {
          caller: x.members.caseworker.caller,
          method: 'POST',
          url: () => '/api/inquiries',
          headers: newKey,
          body: (id) => newInquiry(r.citizenId, id),
        },
      };
    },
    successCheck: draftStillThere,
  },
  bodyProbe(
    'PATCH /api/inquiries/{id}',
    'body.forumId',
    (b, id) => ({ ...b, forumId: id }),
    (x) => Promise.resolve(x.other.forumId),
  ),
  bodyProbe(
    'POST /api/inquiries/{id}/contributions',
    'body.unitId',
    (b, id) => ({ ...b, unitId: id }),
    otherUnit,
  ),
  bodyProbe(
    'POST /api/inquiries/{id}/decision',
    'body.referredUnitId',
    (b, id) => ({ ...b, outcome: 'other_concern', referredUnitId: id }),
    otherUnit,
  ),
  unitFilterProbe('GET /api/inquiries query.unitId', {
    method: 'GET',
    url: (id) => `/api/inquiries?status=all&unitId=${id}`,
  }),
  {
    ...unitFilterProbe('POST /api/inquiries/search body.unitId', {
      method: 'POST',
      url: () => '/api/inquiries/search',
      body: (id) => searchOfUnit(id),
    }),
    // A search answers 200 for any unit: what it must not do is find the other unit's inquiries.
    successCheck: async (x, hidden) => {
      const res = await x.members.coordinator.as.post(
        '/api/inquiries/search',
        searchOfUnit(hidden),
      );
      expect(res.statusCode).toBe(200);
      expect((res.json() as { items: unknown[] }).items).toEqual([]);
    },
  },
  bodyProbe(
    'POST /api/persons/{id}/merge',
    'body.intoPersonId',
    (b, id) => ({ ...b, intoPersonId: id }),
    theirCitizen,
  ),
  {
    ...bodyProbe(
      'POST /api/persons/{id}/relations',
      'body.relatedPersonId',
      (b, id) => ({ ...b, relatedPersonId: id }),
      theirCitizen,
    ),
    links: relationsTo,
  },
  {
    // A relation to a person the caller may not see (linked by someone who sees both) stays.
    key: 'DELETE /api/persons/{id}/relations/{relatedPersonId} path.relatedPersonId',
    setup: async (x) => {
      const own = await validWrite(x, 'POST /api/persons/{id}/relations');
      const hidden = await theirCitizen(x);
      await x.t.database.db
        .insertInto('person_relations')
        .values({ person_id: own.records.citizenId, related_person_id: hidden, relation: 'friend' })
        .execute();
      return {
        hidden,
        request: {
          caller: own.caller,
          method: 'DELETE',
          url: (id) => `/api/persons/${own.records.citizenId}/relations/${id}`,
        },
      };
    },
  },
  // Issue 10, defect 5: another user's draft answers as an unused id.
  draftProbe('PUT', '', { version: 1, content: { observation: 'Overskrevet' } }),
  // … also when the caller saves a new draft under that id: theirs, not the colleague's.
  {
    ...draftProbe('PUT', ' as a new draft', {
      version: 0,
      content: { observation: 'Min egen kladde' },
    }),
    successCheck: draftStillThere,
  },
  draftProbe('DELETE'),
];
