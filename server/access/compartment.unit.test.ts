import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allowCompartment, compartment, installCompartment, record } from './compartment.ts';

/**
 * The compartment rule on its own: a tiny app without a database, one route whose response
 * schema nests record(…) objects with compartment(…) fields in arrays, nullable objects, plain
 * sub-objects and unions. `?allow=kind:id,…` grants those records for the request.
 */
const Note = z.object({ text: z.string(), secret: compartment(z.string().nullable()) });
const Person = record(
  'person',
  z.object({ id: z.string(), name: z.string(), concern: compartment(z.string()) }),
);
const Case = record(
  'case',
  z.object({
    id: z.string(),
    reference: z.string(),
    concernSummary: compartment(z.string().nullable()),
    extremismForm: compartment(z.enum(['right_wing', 'other']).nullable()),
    // A plain object inside a record belongs to that record.
    assessment: z.object({ level: z.number(), reasoning: compartment(z.string()) }).nullable(),
    notes: z.array(Note),
    // A record inside a record is decided by its own kind and id.
    persons: z.array(Person),
  }),
);
const Response = z.object({
  items: z.array(Case),
  featured: Case.nullable().optional(),
  pinned: z.array(z.object({ case: Case.nullable() })),
  either: z.discriminatedUnion('type', [
    record(
      'case',
      z.object({ id: z.string(), type: z.literal('case'), hint: compartment(z.string()) }),
    ),
    z.object({ type: z.literal('none') }),
  ]),
  count: z.number(),
});

function aCase(id: string) {
  return {
    id,
    reference: `S-2026-000${id}`,
    concernSummary: `concern ${id}`,
    extremismForm: 'right_wing' as const,
    assessment: { level: 2, reasoning: `reasoning ${id}` },
    notes: [{ text: 'note', secret: `note secret ${id}` }],
    persons: [{ id: `p${id}`, name: `Person ${id}`, concern: `person concern ${id}` }],
  };
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function newApp() {
  const a = Fastify().withTypeProvider<ZodTypeProvider>();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  installCompartment(a);
  app = a;
  return a;
}

async function get(allow: string[] = []) {
  const a = newApp();
  a.get(
    '/thing',
    {
      schema: {
        querystring: z.object({ allow: z.string().optional() }),
        response: { 200: Response },
      },
    },
    async (request) => {
      for (const grant of request.query.allow?.split(',').filter(Boolean) ?? []) {
        const [kind, id] = grant.split(':') as ['case' | 'person', string];
        allowCompartment(request, kind, id);
      }
      return {
        items: [aCase('1'), aCase('2')],
        featured: aCase('3'),
        pinned: [{ case: aCase('1') }, { case: null }],
        either: { id: '1', type: 'case' as const, hint: 'hint 1' },
        count: 3,
      };
    },
  );
  const res = await a.inject({ url: `/thing?allow=${allow.join(',')}` });
  expect(res.statusCode).toBe(200);
  return { body: res.body, json: res.json() as z.infer<typeof Response> };
}

const SECRET_KEYS = ['concernSummary', 'extremismForm', 'reasoning', 'secret', 'concern', 'hint'];

describe('the compartment rule', () => {
  it('removes every compartment key of every record the request was not granted', async () => {
    const { body, json } = await get();
    for (const key of SECRET_KEYS) expect(body).not.toContain(`"${key}"`);
    expect(body).not.toMatch(/concern |reasoning |secret |hint /);
    // Everything else is left alone.
    expect(json.items.map((c) => c.reference)).toEqual(['S-2026-0001', 'S-2026-0002']);
    expect(json.items[0]?.assessment).toEqual({ level: 2 });
    expect(json.items[0]?.notes).toEqual([{ text: 'note' }]);
    expect(json.items[0]?.persons).toEqual([{ id: 'p1', name: 'Person 1' }]);
    expect(json.pinned[1]).toEqual({ case: null });
    expect(json.either).toEqual({ id: '1', type: 'case' });
    expect(json.count).toBe(3);
  });

  it('keeps the compartment of the granted record only, wherever it appears', async () => {
    const { json } = await get(['case:1']);
    const [first, second] = json.items;
    expect(first).toMatchObject({
      concernSummary: 'concern 1',
      extremismForm: 'right_wing',
      assessment: { level: 2, reasoning: 'reasoning 1' },
      notes: [{ text: 'note', secret: 'note secret 1' }],
    });
    // A person inside the case is its own record: not granted by the case.
    expect(first?.persons[0]).not.toHaveProperty('concern');
    expect(json.pinned[0]?.case).toMatchObject({ concernSummary: 'concern 1' });
    expect(json.either).toEqual({ id: '1', type: 'case', hint: 'hint 1' });
    for (const other of [second, json.featured]) {
      for (const key of ['concernSummary', 'extremismForm']) expect(other).not.toHaveProperty(key);
      expect(other?.assessment).toEqual({ level: 2 });
      expect(other?.notes).toEqual([{ text: 'note' }]);
    }
  });

  it('grants by kind and id: a person grant does not open a case with the same id', async () => {
    const { json } = await get(['person:p2', 'person:1']);
    expect(json.items[1]?.persons[0]).toEqual({
      id: 'p2',
      name: 'Person 2',
      concern: 'person concern 2',
    });
    expect(json.items[0]?.persons[0]).not.toHaveProperty('concern');
    expect(json.items[0]).not.toHaveProperty('concernSummary');
  });

  it('a route without compartment fields is not touched', async () => {
    const a = newApp();
    a.get('/plain', { schema: { response: { 200: z.object({ secret: z.string() }) } } }, () => ({
      secret: 'not a compartment field',
    }));
    expect((await a.inject({ url: '/plain' })).json()).toEqual({
      secret: 'not a compartment field',
    });
  });

  it('refuses to start when a compartment field is not inside a record(…) object', async () => {
    const a = newApp();
    const register = async () => {
      await a.register(async (plugin) => {
        plugin.get(
          '/leak',
          {
            schema: {
              response: {
                200: z.object({ items: z.array(z.object({ summary: compartment(z.string()) })) }),
              },
            },
          },
          () => ({ items: [] }),
        );
      });
      await a.ready();
    };
    await expect(register()).rejects.toThrow(/compartment field .*items\[\]\.summary/);
  });

  it('sees through records, tuples, intersections, pipes and readonly/catch wrappers', async () => {
    const Small = record('case', z.object({ id: z.string(), secret: compartment(z.string()) }));
    const Wrapped = z.object({
      byKey: z.record(z.string(), Small),
      frozen: Small.readonly(),
      caught: Small.catch({ id: 'x' }),
      pair: z.tuple([Small, z.string()]),
      both: z.intersection(Small, z.object({ extra: z.string() })),
      piped: Small.pipe(Small),
    });
    const small = (id: string) => ({ id, secret: `secret ${id}` });
    const a = newApp();
    a.get('/wrapped', { schema: { response: { 200: Wrapped } } }, (request) => {
      allowCompartment(request, 'case', '2');
      return {
        byKey: { a: small('1'), b: small('2') },
        frozen: small('1'),
        caught: small('1'),
        pair: [small('1'), 'text'] as [ReturnType<typeof small>, string],
        both: { ...small('1'), extra: 'extra' },
        piped: small('1'),
      };
    });
    const res = await a.inject({ url: '/wrapped' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('secret 1');
    expect(res.json()).toMatchObject({ byKey: { a: { id: '1' }, b: small('2') } });
  });

  it('keeps the mark on a compartment field that is described or wrapped again', async () => {
    const Marked = record(
      'case',
      z.object({
        id: z.string(),
        described: compartment(z.string()).describe('The concern'),
        wrapped: compartment(z.string()).nullable(),
      }),
    );
    const a = newApp();
    a.get('/marked', { schema: { response: { 200: Marked } } }, () => ({
      id: '1',
      described: 'secret described',
      wrapped: 'secret wrapped',
    }));
    expect((await a.inject({ url: '/marked' })).json()).toEqual({ id: '1' });
  });

  it('refuses a compartment field below z.lazy', () => {
    const Small = record('case', z.object({ id: z.string(), secret: compartment(z.string()) }));
    const a = newApp();
    expect(() =>
      a.get(
        '/lazy',
        { schema: { response: { 200: z.object({ m: z.lazy(() => Small) }) } } },
        () => ({ m: { id: '1' } }),
      ),
    ).toThrow(/below z\.lazy/);
  });

  it('refuses a compartment field directly at the top of a response', () => {
    const a = newApp();
    expect(() =>
      a.get(
        '/top',
        { schema: { response: { 200: z.object({ concern: compartment(z.string()) }) } } },
        () => ({}),
      ),
    ).toThrow(/is not inside a record/);
  });
});
