import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cprDigest } from '../../modules/persons/service.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';

/** The demo's cases for the overview: added once, with an overdue follow-up and a CPR to find. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('gives the overview demo cases to filter, sort and search, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const { rows } = await sql<{ given_name: string; overdue: boolean; cpr: boolean }>`
    select p.given_name,
           exists (select 1 from case_follow_ups f where f.case_id = c.id and f.status = 'scheduled'
                    and f.due_on < current_date) as overdue,
           p.cpr_digest = ${cprDigest(testKeys.secret, '1204090000')} as cpr
      from cases c
      join case_persons cp on cp.case_id = c.id and cp.role = 'citizen'
      join persons p on p.id = cp.person_id
     where c.municipality_code = ${DEMO_MUNICIPALITY_CODE}
       and p.given_name in ('Emma Demo', 'Noah Demo', 'Ida Demo', 'Omar Demo')
     order by p.given_name`.execute(t.database.db);
  expect(rows).toEqual([
    { given_name: 'Emma Demo', overdue: true, cpr: true },
    { given_name: 'Ida Demo', overdue: false, cpr: null },
    { given_name: 'Noah Demo', overdue: false, cpr: null },
    { given_name: 'Omar Demo', overdue: false, cpr: null },
  ]);
  // Each demo case keeps its next due follow-up (0030), as the overview sorts by it.
  const { rows: drift } = await sql<{ id: string }>`
    select c.id from cases c
     where c.municipality_code = ${DEMO_MUNICIPALITY_CODE}
       and c.next_follow_up_due is distinct from (
         select min(f.due_on) from case_follow_ups f
          where f.case_id = c.id and f.municipality_code = c.municipality_code
            and f.status = 'scheduled')`.execute(t.database.db);
  expect(drift).toEqual([]);
  const { rows: kept } = await sql<{ n: number }>`
    select count(*)::int as n from cases
     where municipality_code = ${DEMO_MUNICIPALITY_CODE} and next_follow_up_due is not null`.execute(
    t.database.db,
  );
  expect(kept[0]?.n).toBeGreaterThan(0);
});
