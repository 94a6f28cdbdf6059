import { sql, type Kysely } from 'kysely';

/**
 * A plain-text description of the public schema (tables, columns, constraints, indexes), used to
 * prove PGlite and PostgreSQL end up with the same schema after the same migrations.
 */
export async function describeSchema<T>(db: Kysely<T>): Promise<string[]> {
  const columns = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`select table_name, column_name, data_type, is_nullable, column_default
       from information_schema.columns where table_schema = 'public'
      order by table_name, ordinal_position`.execute(db);
  // PostgreSQL 18 (PGlite) also lists NOT NULL as constraints ('n'); columns already say that.
  const constraints = await sql<{ table_name: string; conname: string; def: string }>`
    select cl.relname as table_name, c.conname, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid
     where c.connamespace = 'public'::regnamespace and c.contype <> 'n'
     order by 1, 2`.execute(db);
  const indexes = await sql<{ indexdef: string }>`
    select indexdef from pg_indexes where schemaname = 'public' order by indexname`.execute(db);
  return [
    ...columns.rows.map(
      (c) =>
        `column ${c.table_name}.${c.column_name} ${c.data_type} ${c.is_nullable === 'YES' ? 'null' : 'not null'} default ${c.column_default ?? '-'}`,
    ),
    ...constraints.rows.map((c) => `constraint ${c.table_name}.${c.conname} ${c.def}`),
    ...indexes.rows.map((i) => `index ${i.indexdef}`),
  ];
}
