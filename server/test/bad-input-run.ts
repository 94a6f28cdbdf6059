import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { TestApp } from './app.ts';
import type { LoggedIn } from './users.ts';
import { groupOf, mutationsFor, applyChange, type Mutation } from './bad-input.ts';
import {
  operationName,
  writeOperations,
  serialise,
  type JsonSchema,
  type WriteOperation,
} from './bad-input-openapi.ts';

/**
 * Sends the generated bad input of `bad-input.ts` and judges each answer: never a 5xx; a 400
 * names the field (only a body that is not JSON at all has no field to name); a body that is not
 * JSON is never accepted; and a rejected request stores nothing (every table compared before and
 * after, the audit log included).
 */
export interface Fixture {
  /** Real ids for the path's parameters, so that requests reach validation and the service. */
  params?: Record<string, string>;
  /** A valid body, read fresh before every request (e.g. with the row's current version). */
  body?: () => unknown;
  /** Valid request headers the operation needs (e.g. a fresh idempotency key). */
  headers?: () => Record<string, string>;
  /** Who calls (default: the file's caller); `null` for a public route. */
  as?: LoggedIn | null;
  /** Rejections this route records by design (failed logins are audited): tables left out. */
  rejectionWrites?: string[];
  /** Drawn requests for this route, if not the file's number (e.g. fewer for password checks). */
  count?: number;
}

export interface Finding {
  cause: '5xx' | '400 without field' | 'non-JSON body accepted' | 'stored on rejection';
  route: string;
  input: string;
  status: number;
  /** For a 5xx: what the server logged (error code and message). */
  detail?: string;
}

/** Tables that change on every request (a session's last use) or count failed logins. */
const UNCOMPARED = new Set(['sessions', 'login_throttle', 'schema_migrations']);

/** A minimal valid value for a schema, for routes without a fixture. */
export function exampleOf(s: JsonSchema | null | undefined): unknown {
  if (!s) return undefined;
  const t = s.anyOf?.find((o) => o.type !== 'null') ?? s;
  if (t.enum) return t.enum[0];
  switch (t.type) {
    case 'object':
      return Object.fromEntries(
        (t.required ?? []).map((key) => [key, exampleOf(t.properties?.[key])]),
      );
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return t.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (t.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (t.format === 'date') return new Date().toISOString().slice(0, 10);
      if (t.format === 'date-time') return new Date().toISOString();
      return 'Tekst'.padEnd(t.minLength ?? 1, 'x');
  }
}

export class BadInputRun {
  sent = 0;
  readonly findings: Finding[] = [];
  private counting = false;

  constructor(
    private readonly t: TestApp,
    readonly caller: LoggedIn,
    private readonly seed = 20_260_610,
  ) {}

  /**
   * How many rows each table has had written by committed transactions: a row trigger on every
   * table counts into `adversarial_writes`, in the writing transaction, so a rolled-back write
   * counts nothing. One small query per request instead of a checksum of every table.
   */
  async fingerprint(leaveOut: string[] = []): Promise<string> {
    const db = this.t.database.db;
    if (!this.counting) {
      this.counting = true;
      const tables = await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db);
      await sql`create table adversarial_writes (t text primary key, n bigint not null)`.execute(
        db,
      );
      await sql
        .raw(
          `create function adversarial_count() returns trigger language plpgsql as $$
        begin
          insert into adversarial_writes values (TG_TABLE_NAME, 1)
            on conflict (t) do update set n = adversarial_writes.n + 1;
          return null;
        end $$`,
        )
        .execute(db);
      for (const { name } of tables.rows.filter((r) => !UNCOMPARED.has(r.name))) {
        await sql
          .raw(
            `create trigger adversarial_count after insert or update or delete on "${name}"
          for each row execute function adversarial_count()`,
          )
          .execute(db);
      }
    }
    const r = await sql<{ sum: string | null }>`
      select string_agg(t || ':' || n, ',' order by t) as sum from adversarial_writes
      where not (t = any(${leaveOut}))`.execute(db);
    return r.rows[0]?.sum ?? '';
  }

  /** Sends the route's bad input; returns its findings (also kept for the file's report). */
  async route(op: WriteOperation, fixture: Fixture, count: number): Promise<Finding[]> {
    const found: Finding[] = [];
    const mutations = mutationsFor(op, count, this.seed);
    let before: string | undefined;
    for (const m of mutations) {
      const base = op.body ? ((await fixture.body?.()) ?? exampleOf(op.body)) : undefined;
      before ??= await this.fingerprint(fixture.rejectionWrites);
      const res = await this.send(op, fixture, m, base);
      this.sent += 1;
      const finding = (cause: Finding['cause'], detail?: string) =>
        found.push({
          cause,
          route: operationName(op),
          input: m.label,
          status: res.statusCode,
          ...(detail && { detail }),
        });
      const status = res.statusCode;
      if (status >= 500) finding('5xx', this.loggedError(String(res.headers['x-request-id'])));
      if (status === 400 && m.change.kind !== 'malformed' && !namesField(res.body)) {
        finding('400 without field', errorCode(res.body));
      }
      if (m.change.kind === 'content-type' && status < 300) finding('non-JSON body accepted');
      const after = await this.fingerprint(fixture.rejectionWrites);
      if (status >= 400 && after !== before) finding('stored on rejection');
      before = after;
    }
    this.findings.push(...found);
    return found;
  }

  private async send(op: WriteOperation, fixture: Fixture, m: Mutation, base: unknown) {
    const c = m.change;
    const params = fixture.params ?? {};
    const url = op.path.replace(/\{(\w+)\}/g, (_all, name: string) =>
      c.kind === 'param' && c.name === name
        ? c.value
        : (params[name] ?? '00000000-0000-4000-8000-000000000000'),
    );
    const as = fixture.as === undefined ? this.caller : fixture.as;
    let payload: string | undefined;
    let contentType = 'application/json';
    if (c.kind === 'malformed') payload = c.text;
    else if (c.kind === 'content-type') {
      contentType = c.contentType;
      if (c.contentType.includes('form-urlencoded')) payload = 'version=1&text=x';
      else payload = base === undefined ? 'x' : serialise(base);
    } else if (c.kind === 'param') payload = base === undefined ? undefined : serialise(base);
    else payload = serialise(applyChange(base, c));
    return this.t.app.inject({
      method: op.method,
      url,
      headers: {
        ...(as && { cookie: as.cookie, 'x-csrf-token': as.csrf }),
        ...fixture.headers?.(),
        ...(payload !== undefined && { 'content-type': contentType }),
      },
      ...(payload !== undefined && { payload }),
    });
  }

  /** What the app logged at error level for a request: the error's code or SQLSTATE, and message. */
  private loggedError(requestId: string): string {
    const line = this.t.logs.find((l) => l.reqId === requestId && Number(l.level) >= 50);
    if (!line) return 'nothing logged';
    const err = line.err as { code?: string; type?: string; message?: string } | undefined;
    const code = err?.code ?? (typeof line.sqlstate === 'string' ? line.sqlstate : err?.type);
    return `${code ?? ''} ${String(err?.message ?? line.msg ?? '').slice(0, 90)}`.trim();
  }

  /** Findings grouped by cause, one example each, for the test's failure message. */
  grouped(findings: Finding[] = this.findings): string[] {
    const groups = new Map<string, { n: number; example: Finding }>();
    for (const f of findings) {
      const key = `${f.cause} | ${f.route} | ${f.detail ?? ''}`;
      const g = groups.get(key);
      if (g) g.n += 1;
      else groups.set(key, { n: 1, example: f });
    }
    return [...groups.values()].map(
      ({ n, example: f }) =>
        `${f.cause}: ${f.route} ← ${f.input} → ${f.status}${f.detail ? ` (${f.detail})` : ''} ×${n}`,
    );
  }

  /** The line printed at the end of each file, so `npm test` output shows the counts. */
  report(name: string): string {
    const count = (cause: Finding['cause']) =>
      this.findings.filter((f) => f.cause === cause).length;
    return (
      `[adversarial] bad input ${name}: ${this.sent} requests, ${count('5xx')} × 5xx, ` +
      `${count('400 without field')} × 400 without field, ${count('non-JSON body accepted')} × non-JSON accepted, ` +
      `${count('stored on rejection')} × stored on rejection`
    );
  }
}

function parseError(body: string): { code?: string; fields?: unknown[] } | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string; fields?: unknown[] } }).error;
  } catch {
    return undefined;
  }
}
const namesField = (body: string) => (parseError(body)?.fields?.length ?? 0) > 0;
const errorCode = (body: string) => parseError(body)?.code ?? body.slice(0, 60);

/**
 * The tests of one route group: one per route, so that a failure names its route and no test
 * carries a whole group's requests, plus one that every write route of the group in the OpenAPI
 * document has a fixture here (so a new route cannot be left out). Fixtures are made when their
 * test runs, after the file's `beforeAll` has built the records they name.
 */
export function badInputTests(options: {
  group: string;
  fixtures: Record<string, () => Fixture>;
  perRoute: number;
  /** The app and the run, once the file's `beforeAll` has made them. */
  context: () => { t: TestApp; run: BadInputRun };
}) {
  const names = Object.keys(options.fixtures);
  let ops: WriteOperation[] = [];
  beforeAll(async () => {
    const all = await writeOperations(options.context().t.app);
    ops = all.filter((op) => groupOf(op.path) === options.group);
  });
  it('every write route of the group in the OpenAPI document is sent bad input here', () => {
    const routes = ops.map(operationName);
    expect(routes.filter((name) => !names.includes(name))).toEqual([]);
    expect(names.filter((name) => !routes.includes(name))).toEqual([]);
  });
  it.each(names)(
    'ASVS 2.2.1, 16.5.3, 2.3.3: %s answers bad input without a 5xx, names the field in every 400, stores nothing on a rejection',
    async (name) => {
      const op = ops.find((o) => operationName(o) === name);
      expect(op, 'route in the OpenAPI document').toBeDefined();
      if (!op) return;
      const fixture = options.fixtures[name]?.() ?? {};
      const { run } = options.context();
      const sent = run.sent;
      const found = await run.route(op, fixture, fixture.count ?? options.perRoute);
      expect(run.sent - sent).toBeGreaterThan(fixture.count ?? options.perRoute);
      expect(run.grouped(found)).toEqual([]);
    },
  );
}

/** Prints an adversarial file's counts at its end, so that `npm test`'s output shows them. */
export function printCounts(line: string): void {
  // eslint-disable-next-line no-console -- the counts are the tier's report, not a debug leftover
  console.log(line);
}
