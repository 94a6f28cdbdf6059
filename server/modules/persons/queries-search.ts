import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { decodeIdCursor, encodeIdCursor } from '../../platform/cursor.ts';
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
 * One page of the persons the user may see that match, by name (family name, given name, id;
 * keyset on the three); merged-away registrations never. The cursor is the last row's id: its
 * names are looked up among the persons the caller may see, so a hidden person's id positions
 * nothing (the page is empty). One round trip: `visiblePerson` holds both the tenant key (the
 * caller's area) and need-to-know, so a hidden person is neither returned nor counted.
 */
export async function searchPersonRows(
  db: Kysely<DB>,
  user: CurrentUser,
  match: PersonMatch,
  page: { after?: string | undefined; limit: number },
) {
  const afterId = decodeIdCursor(page.after, 'body.after');
  let query = db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date'])
    .where(visiblePerson(user))
    .where('merged_into', 'is', null)
    .where(personMatches('persons', match))
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .limit(page.limit + 1);
  if (afterId) {
    // Inside the subquery `persons` is the cursor's row; outside it, the row compared.
    const at = db
      .selectFrom('persons')
      .select(['persons.family_name', 'persons.given_name', 'persons.id'])
      .where('persons.id', '=', afterId)
      .where(visiblePerson(user));
    query = query.where(
      sql<SqlBool>`(persons.family_name, persons.given_name, persons.id) > (${at})`,
    );
  }
  const rows = await query.execute();
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    rows: shown,
    nextCursor: rows.length > page.limit && last ? encodeIdCursor(last.id) : null,
  };
}
