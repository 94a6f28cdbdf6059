import type { FastifyInstance } from 'fastify';

/** The write operations of the OpenAPI document and how a bad body is written (see bad-input.ts). */
export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
}

export interface WriteOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/cases/{id}/notes`. */
  path: string;
  body: JsonSchema | null;
  params: string[];
  /** Request headers the operation declares (e.g. `idempotency-key`). */
  headers: string[];
}

export const operationName = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

/** Every write operation under /api, from the app's own OpenAPI document. */
export async function writeOperations(app: FastifyInstance): Promise<WriteOperation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => method !== 'get' && path.startsWith('/api/'))
      .map(([method, op]) => ({
        method: method.toUpperCase() as WriteOperation['method'],
        path,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        headers: (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name),
      })),
  );
}

/** JSON text put into the body as is (numbers JSON.stringify cannot write, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serialises a body, writing RawJson values verbatim. */
export function serialise(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? '').replace(
    /"\\u0001raw(\d+)\\u0001"/g,
    (_m, i: string) => raws[Number(i)] ?? '',
  );
}
