import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverSources } from '../../test/source-files.ts';

/**
 * A module's SQL lives in its repository files: `queries.ts`, or `queries-<part>.ts` when one
 * grows (docs/CODE_STYLE.md, "One owner per table"). Services, routes, jobs and the access
 * checks call those functions and hold no query of their own, so whoever looks for how a table
 * is read or written finds every place in one or two files. This test reads the source of the
 * modules, the access module and the jobs and fails on a query builder call or an `sql` template
 * anywhere else. The platform (migrations, the audit writer, the mail outbox, the schema
 * description) is the database layer itself and is not a module; tests, fixtures, the demo seed
 * and the command-line tools are exempt too.
 *
 * Files that still hold SQL are listed in KNOWN with their count; the list may only shrink.
 */
const KNOWN: Record<string, number> = {};

const CHECKED = ['server/modules/', 'server/access/', 'server/jobs/'];
const SQL =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(|\bsql(?:`|<|\.(?:raw|ref|join|lit|id|table|val)\b)/g;

const isRepository = (file: string) => basename(file).startsWith('queries');

function sqlOutsideRepositories(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { file, text } of serverSources([])) {
    if (!CHECKED.some((prefix) => file.startsWith(prefix)) || isRepository(file)) continue;
    const n = [...text.matchAll(SQL)].length;
    if (n > 0) counts[file] = n;
  }
  return counts;
}

function sqlInRepositories(): number {
  return serverSources([])
    .filter(({ file }) => CHECKED.some((prefix) => file.startsWith(prefix)) && isRepository(file))
    .reduce((sum, { text }) => sum + [...text.matchAll(SQL)].length, 0);
}

describe('SQL only in repository files', () => {
  it('finds the queries it checks (the pattern still matches the code)', () => {
    expect(sqlInRepositories()).toBeGreaterThan(250);
  });

  it('no service, route, job or access check holds a query, beyond the listed remainders', () => {
    const found = sqlOutsideRepositories();
    expect(Object.keys(found).filter((file) => !(file in KNOWN))).toEqual([]);
    // A remainder that has gone (or shrunk) is taken off the list, so it never grows back.
    expect(Object.entries(KNOWN).filter(([file, n]) => (found[file] ?? 0) !== n)).toEqual([]);
  });
});
