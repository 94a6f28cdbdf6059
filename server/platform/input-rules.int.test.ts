import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import {
  client,
  createCase,
  createInquiryRow,
  createPerson,
  fieldsOf,
  type Client,
  type ErrorBody,
} from '../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../test/users.ts';

/**
 * The input rules every route shares, proven on real routes: an integer must fit its column
 * (int4), a text must be well-formed UTF-16, a date must be one PostgreSQL can store in a sane
 * year range, and a body must be JSON. Each refusal is a 400 (or 415) that names the field, and
 * nothing is stored. Issue 10, defects 2, 3, 6 and 7.
 */

let t: TestApp;
let coordinator: TestUser;
let session: LoggedIn;
let as: Client;
let admin: Client;
let theCase: { id: string };
let citizen: { id: string };
let typeId = '';

const LONE = 'A\ud800';
const PAST_INT4 = 2_147_483_648;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  citizen = await createPerson(db);
  theCase = await createCase(db, {
    persons: [{ id: citizen.id }],
    members: [{ userId: coordinator.id, role: 'coordinator' }],
  });
  typeId = (
    await db
      .insertInto('intervention_types')
      .values({
        municipality_code: '101',
        code: `rules_${process.pid}`,
        name: 'Mentorforløb',
        level: 'building',
        age_group: 'all',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  session = await login(t.app, coordinator);
  as = client(t.app, session);
  admin = client(t.app, await login(t.app, await createUser(db, { roles: ['municipal_admin'] })));
});
afterAll(() => t.close());

const inquiryVersion = async (id: string) =>
  (
    await t.database.db
      .selectFrom('inquiries')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;

describe(`an integer past int4 (${testEngine})`, () => {
  it('a version of 2^31 on triage, edit and decision answers 400 naming body.version', async () => {
    const inquiry = await createInquiryRow(t.database.db, { createdBy: coordinator.id });
    const url = `/api/inquiries/${inquiry.id}`;
    const before = await inquiryVersion(inquiry.id);
    const probes = [
      as.post(`${url}/triage`, { version: PAST_INT4, seriousness: 'low' }),
      as.patch(url, { version: PAST_INT4, observation: 'Ny beskrivelse.' }),
      as.post(`${url}/decision`, {
        version: PAST_INT4,
        outcome: 'no_concern',
        reason: 'Ingen bekymring.',
        classification: { subjectKind: 'person' },
      }),
    ];
    for (const res of await Promise.all(probes)) {
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toEqual(['body.version:too_big_number']);
    }
    expect(await inquiryVersion(inquiry.id)).toBe(before);
  });
});

describe(`a lone UTF-16 surrogate (${testEngine})`, () => {
  it('is refused with a 400 naming the field, on interventions, assessments and inquiries', async () => {
    const inquiry = await createInquiryRow(t.database.db, { createdBy: coordinator.id });
    const draft = await as.post(`/api/cases/${theCase.id}/assessments`, {});
    expect(draft.statusCode, draft.body).toBe(201);
    const assessmentId = (draft.json() as { id: string }).id;
    const probes: [string, Promise<{ statusCode: number; body: string; json(): unknown }>][] = [
      [
        'body.providerName:invalid_characters',
        as.post(`/api/cases/${theCase.id}/interventions`, {
          interventionTypeId: typeId,
          personId: citizen.id,
          providerName: LONE,
        }),
      ],
      [
        'body.dimensions.family.risk:invalid_characters',
        as.put(`/api/cases/${theCase.id}/assessments/${assessmentId}`, {
          version: 1,
          dimensions: { family: { risk: LONE } },
        }),
      ],
      [
        'body.observation:invalid_characters',
        as.patch(`/api/inquiries/${inquiry.id}`, { version: 1, observation: LONE }),
      ],
      [
        'body.observation:invalid_characters',
        as.patch(`/api/inquiries/${inquiry.id}`, { version: 1, observation: 'B\udc00 og mere' }),
      ],
    ];
    for (const [field, probe] of probes) {
      const res = await probe;
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
    const stored = await t.database.db
      .selectFrom('case_interventions')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    expect(stored).toEqual([]);
    expect(await inquiryVersion(inquiry.id)).toBe(1);
  });

  it('accepts a well-formed pair (an emoji) in the same fields', async () => {
    const res = await as.post(`/api/cases/${theCase.id}/interventions`, {
      interventionTypeId: typeId,
      personId: citizen.id,
      providerName: 'Mentorhuset \ud83d\ude00',
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe(`a date outside 1900–2999 (${testEngine})`, () => {
  it('answers 400 naming the field, never a database error without one', async () => {
    const probes: [string, Promise<{ statusCode: number; body: string; json(): unknown }>][] = [
      [
        'body.endsOn:date_out_of_range',
        as.post(`/api/cases/${theCase.id}/interventions`, {
          interventionTypeId: typeId,
          personId: citizen.id,
          endsOn: '0000-01-01',
        }),
      ],
      [
        'body.startsOn:date_out_of_range',
        as.post(`/api/cases/${theCase.id}/interventions`, {
          interventionTypeId: typeId,
          personId: citizen.id,
          startsOn: '1899-12-31',
        }),
      ],
      [
        'body.birthDate:date_out_of_range',
        as.patch(`/api/persons/${citizen.id}`, { version: 1, birthDate: '0000-03-14' }),
      ],
      ['query.from:date_out_of_range', admin.get('/api/admin/audit?from=0000-01-01')],
    ];
    for (const [field, probe] of probes) {
      const res = await probe;
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    }
  });

  it('answers 400 naming the field for a time in year 0 (receivedAt)', async () => {
    const res = await as.post(
      '/api/inquiries',
      {
        source: 'teacher',
        channel: 'phone',
        reporter: { anonymous: true },
        receivedAt: '0000-01-01T00:00:00Z',
        observation: 'En elev taler om vold.',
        subjectKind: 'person',
        persons: [{ new: { givenName: 'Omar', familyName: 'Testsen' } }],
      },
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.receivedAt:date_out_of_range']);
  });
});

describe(`content types (${testEngine})`, () => {
  it('refuses a text/plain body on a JSON route with 415, and stores nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${theCase.id}/notes`,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'text/plain',
      },
      payload: JSON.stringify({ text: 'En note' }),
    });
    expect(res.statusCode, res.body).toBe(415);
    expect((res.json() as ErrorBody).error.code).toBe('unsupported_media_type');
    const notes = await t.database.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', theCase.id)
      .where('kind', '=', 'note')
      .execute();
    expect(notes).toEqual([]);
  });
});

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Every schema of a request (body, query, path, headers), with where it is. */
async function requestSchemas(): Promise<[string, Schema][]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]): [string, Schema][] => [
      ...(op.parameters ?? []).flatMap((p): [string, Schema][] =>
        p.schema ? [[`${method.toUpperCase()} ${path} ${p.in}.${p.name}`, p.schema]] : [],
      ),
      ...Object.values(op.requestBody?.content ?? {}).flatMap((c): [string, Schema][] =>
        c.schema ? [[`${method.toUpperCase()} ${path} body`, c.schema]] : [],
      ),
    ]),
  );
}

/** Each subschema with its path inside the request part. */
function walk(schema: unknown, at: string, visit: (s: Schema, at: string) => void): void {
  if (Array.isArray(schema)) {
    schema.forEach((s) => walk(s, at, visit));
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as Schema;
  visit(s, at);
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, sub] of Object.entries(value)) walk(sub, `${at}.${name}`, visit);
    } else if (['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'not'].includes(key)) {
      walk(value, key === 'items' ? `${at}[]` : at, visit);
    }
  }
}

const isType = (s: Schema, type: string) =>
  s.type === type || (Array.isArray(s.type) && s.type.includes(type));
const patterns = (s: Schema): string[] => [
  ...(typeof s.pattern === 'string' ? [s.pattern] : []),
  ...(Array.isArray(s.allOf) ? (s.allOf as Schema[]).flatMap(patterns) : []),
];

describe('the OpenAPI document states the input bounds', () => {
  it('every integer a request accepts fits an int4 column (both bounds stated)', async () => {
    const unbounded: string[] = [];
    for (const [where, schema] of await requestSchemas()) {
      walk(schema, where, (s, at) => {
        if (!isType(s, 'integer')) return;
        const max = typeof s.maximum === 'number' ? s.maximum : Infinity;
        const min = typeof s.minimum === 'number' ? s.minimum : -Infinity;
        if (max > 2_147_483_647 || min < -2_147_483_648) unbounded.push(at);
      });
    }
    expect(unbounded).toEqual([]);
  });

  it('every date and time a request accepts states the year range (1900–2999)', async () => {
    const open: string[] = [];
    let dates = 0;
    for (const [where, schema] of await requestSchemas()) {
      walk(schema, where, (s, at) => {
        if (s.format !== 'date' && s.format !== 'date-time') return;
        dates += 1;
        const sample = s.format === 'date' ? '0000-01-01' : '0000-01-01T00:00:00Z';
        const refused = patterns(s).some((p) => !new RegExp(p).test(sample));
        if (!refused) open.push(at);
      });
    }
    expect(dates).toBeGreaterThan(10);
    expect(open).toEqual([]);
  });

  it('a goal of an action plan requires its target date, as the service does', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const put = doc.paths['/api/cases/{id}/plans/{planId}']?.put;
    const body = put?.requestBody?.content?.['application/json']?.schema as {
      properties: { goals: { items: { required?: string[]; properties: Schema } } };
    };
    const goal = body.properties.goals.items;
    expect(goal.required).toContain('targetDate');
    expect(goal.properties.targetDate).not.toMatchObject({ nullable: true });
  });
});
