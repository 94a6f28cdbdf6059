import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Text search in SQL that any PostgreSQL answers the same way (no extension): typed words as
 * LIKE patterns with the wildcards escaped. Lower case is made by the database on both sides, so
 * æ, ø and å compare as the column does whatever the collation.
 */

/** `%`, `_` and `\` as themselves in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The words of a typed text: split on spaces and hyphens, at most `max` of them. */
export function searchWords(text: string, max = 5): string[] {
  return text
    .split(/[\s\-‐–]+/)
    .filter((word) => word !== '')
    .slice(0, max);
}

/** Every word occurs in `expression` (case-insensitive, anywhere). */
export function containsEvery(
  expression: RawBuilder<string>,
  words: string[],
): RawBuilder<SqlBool> {
  if (words.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(
    words.map((word) => sql`lower(${expression}) like lower(${`%${escapeLike(word)}%`})`),
    sql` and `,
  )})`;
}

/** `expression` starts with `prefix` (upper case; references are). */
export function startsWith(expression: RawBuilder<string>, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${expression} like ${`${escapeLike(prefix.toUpperCase())}%`}`;
}
