import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The steering group's and the Infohus network's figures (issue 14 part 7): counts the product
 * keeps anyway, for one municipality and a period of Danish days [from, until). Raw counts only:
 * the service suppresses small cells before anything leaves the server. One statement.
 */
export interface RawNumbers {
  new_inquiries: number;
  new_cases_by_form: { form: string | null; n: number }[];
  open_cases: { status: string; level: string | null; n: number }[];
  closed_cases: number;
  re_reviews_due: number;
  plans_awaiting_approval: number;
}

const DAY = (column: string) => sql.raw(`(${column} at time zone 'Europe/Copenhagen')::date`);

export async function rawNumbers(
  db: Kysely<DB>,
  municipalityCode: string,
  from: string,
  until: string,
): Promise<RawNumbers> {
  const code = municipalityCode;
  const result = await sql<RawNumbers>`select
    (select count(*)::int from inquiries where municipality_code = ${code}
      and ${DAY('received_at')} >= ${from}::date and ${DAY('received_at')} < ${until}::date
    ) as new_inquiries,
    (select coalesce(json_agg(json_build_object('form', form, 'n', n)), '[]'::json) from (
      select extremism_form as form, count(*)::int as n from cases where municipality_code = ${code}
        and ${DAY('opened_at')} >= ${from}::date and ${DAY('opened_at')} < ${until}::date
      group by extremism_form) f
    ) as new_cases_by_form,
    (select coalesce(json_agg(json_build_object('status', status, 'level', level, 'n', n)), '[]'::json) from (
      select status, concern_level as level, count(*)::int as n from cases
      where municipality_code = ${code} and status in ('active', 'on_hold')
      group by status, concern_level) o
    ) as open_cases,
    (select count(*)::int from cases where municipality_code = ${code} and closed_at is not null
      and ${DAY('closed_at')} >= ${from}::date and ${DAY('closed_at')} < ${until}::date
    ) as closed_cases,
    (select count(*)::int from case_reviews where municipality_code = ${code}
      and status = 'scheduled' and due_on >= ${from}::date and due_on < ${until}::date
    ) as re_reviews_due,
    (select count(*)::int from cases c where c.municipality_code = ${code}
      and c.status in ('active', 'on_hold')
      and (select p.status from case_plans p where p.case_id = c.id
        and p.municipality_code = c.municipality_code order by p.number desc limit 1) = 'submitted'
    ) as plans_awaiting_approval`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the numbers query answered no row');
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  return {
    ...row,
    new_cases_by_form: parse(row.new_cases_by_form),
    open_cases: parse(row.open_cases),
  };
}
