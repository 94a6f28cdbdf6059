import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordKind } from '../access/compartment.ts';
import { startTestApp, type TestApp } from './app.ts';
import { testEngine } from './database.ts';
import {
  changedTables,
  loadOperations,
  reportTally,
  send,
  snapshot,
  type Answer,
  type Caller,
  type Operation,
} from './access-matrix.ts';
import { prepareWrite, type PreparedWrite } from './need-to-know-writes.ts';
import { createPerson, createUnit, createForum } from './records.ts';
import { createMembers, createWorld, staff, type Staff, type World } from './write-world.ts';

/**
 * ASVS 8.2.2 and 8.3.1 for every way a record id can enter a request: path, query and body fields
 * that name another record. Each probe sends one valid request, otherwise unchanged, once with
 * the id of a record the caller may not see and once with an unused random id: the two answers
 * must be the same (status and body) and the first must change nothing (so nothing is linked).
 * The random id is new for every probe: an earlier probe may have made a record with the last one.
 * Probes are tables per route group (`server/test/id-probes-*.ts`); the coverage test
 * (record-ids-platform) fails for an id field of the OpenAPI document that has no probe.
 */
export interface ProbeWorld extends World {
  /** Members of the records another team works on, in the same municipality. */
  foreign: World;
  /** Records of another municipality (147), and a colleague of the same one (101). */
  other: {
    unitId: string;
    typeId: string;
    forumId: string;
    personId: string;
    user: Staff;
  };
  colleague: Staff;
  admin: Staff;
  hotline: Staff;
  /** The data-protection role of municipality 101. */
  dpo: Staff;
}

export interface ProbeRequest {
  caller: Caller;
  method: Operation['method'];
  /** The request with `id` where the probed field is. */
  url: (id: string) => string;
  body?: (id: string) => Record<string, unknown> | undefined;
  /** Headers of each request (made anew per request, e.g. an idempotency key). */
  headers?: () => Record<string, string>;
}

export interface IdProbe {
  /**
   * "METHOD path field", as the coverage test names the field (`body.persons.*.existingPersonId`),
   * optionally followed by a note (`… as hotline`).
   */
  key: string;
  /** Makes what the valid request needs; returns the request and the hidden record's id. */
  setup: (x: ProbeWorld) => Promise<{ request: ProbeRequest; hidden: string }>;
  /**
   * A client-generated id of a new record: an unused one creates it, so the hidden record's id is
   * compared with the id of a record of the same kind that the caller may see (in another of their
   * cases): both must be refused alike, whoever's record it is.
   */
  visibleTwin?: (x: ProbeWorld) => Promise<string>;
  /** Rows that link the hidden record (e.g. `inquiry_persons` naming the person): none after. */
  links?: (x: ProbeWorld, hidden: string) => Promise<number>;
  /** Both answers succeed (a filter, or a create): compare the status only, and this check. */
  successCheck?: (x: ProbeWorld, hidden: string) => Promise<void>;
}

/** An operation named by its key, with the record kind its path's {id} stands for. */
export function operationOf(key: string): Operation {
  const [method, path] = key.split(' ') as [Operation['method'], string];
  const record: RecordKind | undefined = path.startsWith('/api/cases/')
    ? 'case'
    : path.startsWith('/api/persons/')
      ? 'person'
      : path.startsWith('/api/inquiries/')
        ? 'inquiry'
        : undefined;
  return { method, path, policy: 'session', parameters: [], ...(record && { record }) };
}

/** The valid request of `valid-bodies.ts` for an operation, on fresh records of `w`. */
export async function validWrite(
  w: World,
  key: string,
): Promise<PreparedWrite & { caller: Caller }> {
  const write = await prepareWrite(w, operationOf(key));
  return { ...write, caller: w.members[write.fixture.as ?? 'coordinator'].caller };
}

/** A probe of a body field of a fixture's valid request; the hidden id comes from `hidden`. */
export function bodyProbe(
  key: string,
  field: string,
  put: (body: Record<string, unknown>, id: string) => Record<string, unknown>,
  hidden: (x: ProbeWorld) => Promise<string>,
): IdProbe {
  return {
    key: `${key} ${field}`,
    setup: async (x) => {
      const write = await validWrite(x, key);
      const [method] = key.split(' ') as [Operation['method']];
      return {
        hidden: await hidden(x),
        request: {
          caller: write.caller,
          method,
          url: () => write.url,
          body: (id) => put(write.body ?? {}, id),
        },
      };
    },
  };
}

/**
 * A probe of a second path id (`{assessmentId}` …): the caller's own case with a sub-record of a
 * case they may not see (made by the same fixture for another team).
 */
export function subPathProbe(key: string, param: string): IdProbe {
  return {
    key: `${key} path.${param}`,
    setup: async (x) => {
      const theirs = await validWrite(x.foreign, key);
      const write = await validWrite(x, key);
      const own = String(write.prepared[param]);
      const [method] = key.split(' ') as [Operation['method']];
      return {
        hidden: String(theirs.prepared[param]),
        request: {
          caller: write.caller,
          method,
          url: (id) => write.url.replace(own, id),
          body: () => write.body,
        },
      };
    },
  };
}

export async function createProbeWorld(t: TestApp): Promise<ProbeWorld> {
  const w = await createWorld(t);
  const db = t.database.db;
  const foreign: World = { ...w, members: await createMembers(t) };
  const unit = await createUnit(db, { municipalityCode: '147', name: 'Fremmed enhed' });
  const type = await db
    .insertInto('intervention_types')
    .values({
      municipality_code: '147',
      code: 'fremmed',
      name: 'Fremmed tilbud',
      level: 'building',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const forum = await createForum(db, { municipalityCode: '147' });
  const person = await createPerson(db, { municipalityCode: '147' });
  return {
    ...w,
    foreign,
    other: {
      unitId: unit.id,
      typeId: type.id,
      forumId: forum.id,
      personId: person.id,
      user: await staff(t, 'coordinator', '147'),
    },
    colleague: await staff(t, 'caseworker'),
    admin: await staff(t, 'municipal_admin'),
    hotline: await staff(t, 'hotline'),
    dpo: await staff(t, 'data_protection'),
  };
}

const same = (a: Answer, b: Answer) =>
  JSON.stringify(a.body) === JSON.stringify(b.body) && a.status === b.status;

/**
 * Id fields that name no record outside the request's own: client-made keys of a plan's goals,
 * and a follow-up's references to them (checked against the case's own plan: `unknown_goal`).
 */
export const NOT_RECORD_IDS: Record<string, string> = {
  'PUT /api/cases/{id}/plans/{planId} body.goals.*.key': 'made by the client for a new goal',
  'PUT /api/cases/{id}/plans/{planId} body.goals.*.parentKey': 'a goal key of the same body',
  'POST /api/cases/{id}/follow-ups body.goalProgress.*.goalKey': "a goal of the case's own plan",
  'POST /api/cases/{id}/follow-ups/{followUpId}/record body.goalProgress.*.goalKey':
    "a goal of the case's own plan",
  'POST /api/cases/{id}/persons body.personId':
    "made by the client for a new person; a retry finds it among the case's own persons",
  'POST /api/partner-organisations body.id':
    "made by the client for a new organisation; a retry finds it among the municipality's own",
  'POST /api/admin/retention/holds body.id':
    "made by the client for a new legal hold; a retry finds it among the municipality's own",
  'POST /api/admin/retention/exports body.id':
    "made by the client for a new archival export; a retry finds it among the municipality's own",
  'POST /api/cases/{id}/partner-access body.goalKeys.*': "a goal of the case's own plan",
  'PUT /api/cases/{id}/partner-access/{accessId} body.goalKeys.*': "a goal of the case's own plan",
  'POST /api/police-feedback/{inquiryId} body.id':
    'made by the client for new feedback; a retry by its sender on the same inquiry finds it',
  'POST /api/meetings/{id}/minutes body.id':
    "made by the client for new minutes; a retry finds them as the meeting's own (another id: 409)",
  'POST /api/meetings/{id}/minutes/versions body.id':
    "made by the client for a new version; a retry finds it as the meeting's latest",
  'POST /api/meetings/{id}/minutes/tasks body.id':
    "made by the client for a new task; a retry finds it among the meeting's own (another's: 409)",
  'POST /api/implementation/reviews body.id':
    "made by the client for a new review; a retry finds it among the municipality's own (another's: 409)",
  'POST /api/housing-areas/{id}/identifications body.id':
    "made by the client as the intake's idempotency key of its sender; a retry answers the sender's own receipt",
  'POST /api/housing-areas body.id':
    "made by the client for a new area; a retry finds it among the municipality's own (another's: 409)",
  'PUT /api/cases/{id}/network-maps/{mapId} body.relations.*.key':
    "made by the client for a relation of the map; compared only within the case's own versions",
  'PUT /api/housing-areas/{id}/analyses/{analysisId} body.groups.*.key':
    'made by the client for a group of concern of the analysis',
  'PUT /api/housing-areas/{id}/action-plans/{planId} body.goals.*.key':
    "made by the client for a goal; its follow-up is checked against the area's own plan",
};

/** The field a probe's key names, without its note (`… as hotline`). */
const fieldOf = (key: string) => key.split(' ').slice(0, 3).join(' ');

export async function describeRecordIds(
  name: string,
  probes: IdProbe[],
  options: { coverage?: IdProbe[] } = {},
): Promise<void> {
  const t = await startTestApp();
  const operations = options.coverage ? await loadOperations(t) : [];
  let x: ProbeWorld;
  beforeAll(async () => {
    x = await createProbeWorld(t);
  });
  afterAll(() => t.close());
  reportTally(`record ids, ${name}`);

  describe(`record ids in requests, ${name} (${testEngine})`, () => {
    const all = options.coverage;
    if (all) {
      it('every id field of a request in the OpenAPI document has a probe (the record path id: need-to-know tests)', () => {
        const fields = operations
          .flatMap(idFieldsOf)
          .filter((f) => !f.endsWith(' path.id') || !operationOf(f).record)
          .filter((f) => !NOT_RECORD_IDS[f]);
        expect(fields.length).toBeGreaterThan(50);
        const probed = new Set(all.map((p) => fieldOf(p.key)));
        expect(fields.filter((f) => !probed.has(f))).toEqual([]);
        const known = new Set(fields);
        expect([...probed].filter((f) => !known.has(f))).toEqual([]);
      });
    }
    for (const probe of probes) {
      it(`8.2.2 ${probe.key}: a record the caller may not see answers as an unused random id, and nothing is linked`, async () => {
        const db = t.database.db;
        const { request, hidden } = await probe.setup(x);
        const call = (id: string) =>
          send(
            t,
            request.caller,
            request.method,
            request.url(id),
            request.body?.(id),
            request.headers?.(),
          );
        const before = await snapshot(db);
        const answer = await call(hidden);
        const changed = changedTables(before, await snapshot(db));
        const other = await call(probe.visibleTwin ? await probe.visibleTwin(x) : randomUUID());
        const failures: string[] = [];
        if (answer.status >= 500) failures.push(`hidden id: ${answer.status}`);
        if (probe.successCheck) {
          if (answer.status !== other.status)
            failures.push(`hidden ${answer.status} ≠ ${other.status}`);
          await probe.successCheck(x, hidden);
        } else {
          if (!same(answer, other)) {
            failures.push(`hidden: ${answer.status} ${JSON.stringify(answer.body)}`);
            failures.push(
              `${probe.visibleTwin ? 'visible twin' : 'random'}: ${other.status} ${JSON.stringify(other.body)}`,
            );
          }
          if (request.method !== 'GET' && answer.status < 300)
            failures.push('the hidden id was accepted');
          if (changed.length > 0) failures.push(`the hidden id changed ${changed.join(', ')}`);
        }
        if (probe.links && (await probe.links(x, hidden)) > 0)
          failures.push('the hidden record is linked');
        expect(failures).toEqual([]);
      });
    }
  });
}

/** Every uuid field of a request in the OpenAPI document, as "METHOD path field". */
export function idFieldsOf(op: Operation): string[] {
  const fields: string[] = [];
  const walk = (schema: unknown, at: string) => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Record<string, unknown>;
    if (s.format === 'uuid') fields.push(at);
    for (const k of ['anyOf', 'oneOf', 'allOf']) {
      for (const sub of (s[k] as unknown[] | undefined) ?? []) walk(sub, at);
    }
    for (const [k, v] of Object.entries(
      (s.properties as Record<string, unknown> | undefined) ?? {},
    )) {
      walk(v, `${at}.${k}`);
    }
    if (s.items) walk(s.items, `${at}.*`);
  };
  walk(op.body, 'body');
  for (const p of op.parameters) if (p.schema?.format === 'uuid') fields.push(`${p.in}.${p.name}`);
  return fields.map((f) => `${op.method} ${op.path} ${f}`);
}
