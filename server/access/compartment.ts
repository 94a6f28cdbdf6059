import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * The compartment: content that names the radicalisation concern (concern signs, the assessment,
 * the classification) is readable only by the coordinators and forum members of the record it
 * belongs to. It is enforced here, on the way out, for every route:
 *
 * - a response schema marks such fields with `compartment(…)` and the object that owns them with
 *   `record(kind, …)` (the object must have an `id`);
 * - before a response is serialised, every compartment field is removed from every record object
 *   whose `kind:id` the request was not granted with `allowCompartment` — default deny, so a
 *   module that returns a row without asking the access module leaks nothing;
 * - a compartment field outside a record object stops the app from starting.
 *
 * A field removed leaves no key behind; the web app shows a neutral marker in its place.
 */
export type RecordKind = 'case' | 'person' | 'inquiry';

const compartmentFields = z.registry<{ compartment: true }>();
const recordObjects = z.registry<{ kind: RecordKind }>();
/** Definitions of compartment fields: shared by the copies `.describe()` and `.meta()` make. */
const compartmentDefs = new WeakSet<object>();

/** Marks a field as compartment content (it becomes optional: absent when not allowed). */
export function compartment<T extends z.ZodType>(schema: T): z.ZodOptional<T> {
  const field = schema.optional();
  compartmentFields.add(field, { compartment: true });
  compartmentDefs.add(field._zod.def);
  return field;
}

/**
 * A compartment field, also once re-wrapped: `.describe()` and `.meta()` copy the schema (same
 * definition, new instance) and `.nullable()` etc. wrap it; neither may lose the mark.
 */
function isCompartment(schema: z.ZodType): boolean {
  let s: z.ZodType | undefined = schema;
  while (s) {
    if (compartmentFields.has(s) || compartmentDefs.has(s._zod.def)) return true;
    s = (s._zod.def as { innerType?: z.ZodType }).innerType;
  }
  return false;
}

/** Marks an object schema as one record of `kind`, identified by its `id` field. */
export function record<T extends z.ZodObject<{ id: z.ZodType<string> }>>(
  kind: RecordKind,
  schema: T,
): T {
  recordObjects.add(schema, { kind });
  return schema;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by installCompartment: how to redact each response status of the route. */
    compartmentPlans?: ReadonlyMap<string, CompartmentPlan>;
    /** The record kind named by the route's `:id`; the authorization matrix uses it. */
    record?: RecordKind;
  }
  interface FastifyRequest {
    /** `kind:id` of the records whose compartment this request may show. */
    compartmentGrants: Set<string> | null;
  }
}

/** Lets this request show the compartment of one record. Called only by the access module. */
export function allowCompartment(request: FastifyRequest, kind: RecordKind, id: string) {
  request.compartmentGrants ??= new Set();
  request.compartmentGrants.add(`${kind}:${id}`);
}

/** What the walker needs to know about a schema node. */
export type CompartmentPlan = Plan;
type Plan =
  | { type: 'object'; kind: RecordKind | null; fields: [string, Plan, boolean][] }
  | { type: 'array'; element: Plan }
  | { type: 'values'; value: Plan }
  | { type: 'union'; options: Plan[] }
  | { type: 'leaf' };

const LEAF: Plan = { type: 'leaf' };

/**
 * Builds the plan of a schema, or null when it holds no compartment field. Throws when a
 * compartment field has no record object above it.
 */
function planFor(schema: z.ZodType, kind: RecordKind | null, path: string): Plan | null {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return planFor(schema.unwrap() as z.ZodType, kind, path);
  }
  if (schema instanceof z.ZodDefault) return planFor(schema.unwrap() as z.ZodType, kind, path);
  if (schema instanceof z.ZodArray) {
    const element = planFor(schema.element as z.ZodType, kind, `${path}[]`);
    return element && { type: 'array', element };
  }
  if (schema instanceof z.ZodUnion) return anyOf(schema.options as z.ZodType[], kind, path);
  if (schema instanceof z.ZodObject) {
    const own = recordObjects.get(schema)?.kind ?? null;
    const fields: [string, Plan, boolean][] = [];
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const fieldPath = `${path}.${name}`;
      if (isCompartment(field)) {
        if (!own && !kind) {
          throw new Error(`compartment field ${fieldPath} is not inside a record(…) object`);
        }
        fields.push([name, LEAF, true]);
        continue;
      }
      const nested = planFor(field, own ?? kind, fieldPath);
      if (nested) fields.push([name, nested, false]);
    }
    if (fields.length === 0) return null;
    return { type: 'object', kind: own, fields };
  }
  // Other wrappers and containers are seen through too: a compartment field inside one must be
  // removed or refused, never passed on unseen.
  if (
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodCatch ||
    schema instanceof z.ZodNonOptional ||
    schema instanceof z.ZodPrefault
  ) {
    return planFor(schema._zod.def.innerType as z.ZodType, kind, path);
  }
  if (schema instanceof z.ZodPipe) return anyOf([schema.in, schema.out] as z.ZodType[], kind, path);
  if (schema instanceof z.ZodIntersection) {
    return anyOf([schema._zod.def.left, schema._zod.def.right] as z.ZodType[], kind, path);
  }
  if (schema instanceof z.ZodTuple) {
    const { items, rest } = schema._zod.def;
    const element = anyOf([...items, ...(rest ? [rest] : [])] as z.ZodType[], kind, `${path}[]`);
    return element && { type: 'array', element };
  }
  if (schema instanceof z.ZodRecord) {
    const value = planFor(schema.valueType as z.ZodType, kind, `${path}{}`);
    return value && { type: 'values', value };
  }
  if (schema instanceof z.ZodLazy) {
    // A recursive schema would need a cyclic plan: refuse compartment fields below z.lazy.
    if (expanding.has(schema)) return null;
    expanding.add(schema);
    try {
      if (planFor(schema.unwrap() as z.ZodType, kind, path)) {
        throw new Error(`compartment field below z.lazy at ${path} is not supported`);
      }
    } finally {
      expanding.delete(schema);
    }
  }
  return null;
}

const expanding = new Set<z.ZodType>();

/** The plan for a value matching one (union) or all (intersection) of the schemas. */
function anyOf(schemas: z.ZodType[], kind: RecordKind | null, path: string): Plan | null {
  const options = schemas.map((o) => planFor(o, kind, path));
  if (options.every((o) => o === null)) return null;
  return { type: 'union', options: options.map((o) => o ?? LEAF) };
}

/** Removes the compartment fields the request may not show; returns the same value. */
function redact(
  value: unknown,
  plan: Plan,
  grants: Set<string> | null,
  allowedAbove: boolean,
): void {
  if (value === null || typeof value !== 'object') return;
  switch (plan.type) {
    case 'leaf':
      return;
    case 'array':
      if (Array.isArray(value))
        for (const item of value) redact(item, plan.element, grants, allowedAbove);
      return;
    case 'values':
      for (const item of Object.values(value)) redact(item, plan.value, grants, allowedAbove);
      return;
    case 'union':
      // The value matches one option; redacting by each is safe (fields absent are skipped).
      for (const option of plan.options) redact(value, option, grants, allowedAbove);
      return;
    case 'object': {
      const target = value as Record<string, unknown>;
      let allowed = allowedAbove;
      if (plan.kind) {
        const id = target.id;
        allowed = typeof id === 'string' && grants !== null && grants.has(`${plan.kind}:${id}`);
      }
      for (const [name, nested, isCompartment] of plan.fields) {
        if (isCompartment) {
          if (!allowed) delete target[name];
        } else if (name in target) {
          redact(target[name], nested, grants, allowed);
        }
      }
    }
  }
}

/**
 * Installs the rule for every route: plans are built when a route is registered (so a misplaced
 * compartment field fails at start-up), and applied to each response before serialisation.
 */
export function installCompartment(app: FastifyInstance) {
  app.decorateRequest('compartmentGrants', null);

  app.addHook('onRoute', (route) => {
    const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
    const byStatus = new Map<string, Plan>();
    for (const [status, schema] of Object.entries(responses)) {
      if (!(schema instanceof z.ZodType)) continue;
      const plan = planFor(schema, null, `${route.method} ${route.url} ${status}`);
      if (plan) byStatus.set(status, plan);
    }
    if (byStatus.size > 0) route.config = { ...route.config, compartmentPlans: byStatus };
  });

  app.addHook('preSerialization', async (request, reply, payload) => {
    const byStatus = request.routeOptions.config.compartmentPlans;
    if (!byStatus) return payload;
    const plan = byStatus.get(String(reply.statusCode)) ?? byStatus.get('2xx');
    if (plan) redact(payload, plan, request.compartmentGrants, false);
    return payload;
  });
}
