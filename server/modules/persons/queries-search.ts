import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { containsEvery } from '../../platform/db/text-search.ts';
import { visiblePerson } from '../../access/person-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';

/** What a person is searched by: name words, the CPR number's digest, a birth date. */
export interface PersonMatch {
  words: string[];
  cprDigest: string | null;
  birthDate: string | null;
}

/**
 * The condition on a person row (`alias`: `persons`, or `p` in another module's query) that it
 * matches: every criterion given. The inbox search uses it too, so both find a person alike.
 */
export function personMatches(alias: string, match: PersonMatch): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const clauses: RawBuilder<SqlBool>[] = [];
  if (match.words.length > 0) {
    const fullName = sql<string>`(${column('given_name')} || ' ' || ${column('family_name')})`;
    clauses.push(containsEvery(fullName, match.words));
  }
  if (match.cprDigest !== null)
    clauses.push(sql<SqlBool>`${column('cpr_digest')} = ${match.cprDigest}`);
  if (match.birthDate !== null)
    clauses.push(sql<SqlBool>`${column('birth_date')} = ${match.birthDate}`);
  return clauses.length > 0 ? sql<SqlBool>`(${sql.join(clauses, sql` and `)})` : sql<SqlBool>`true`;
}

/**
 * One page of the persons the user may see that match, newest registration first (keyset on
 * created_at, id); merged-away registrations never. One round trip: `visiblePerson` holds both
 * the tenant key (the caller's area) and need-to-know, so a hidden person is neither returned
 * nor counted.
 */
export async function searchPersonRows(
  db: Kysely<DB>,
  user: CurrentUser,
  match: PersonMatch,
  page: { after?: string | undefined; limit: number },
) {
  const cursor = decodeCursor(page.after, 'uuid');
  let query = db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'created_at'])
    .where(visiblePerson(user))
    .where('merged_into', 'is', null)
    .where(personMatches('persons', match))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (cursor) {
    query = query.where(
      sql<boolean>`(persons.created_at, persons.id) < (${new Date(cursor.t)}, ${cursor.id}::uuid)`,
    );
  }
  const rows = await query.execute();
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    rows: shown,
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}
