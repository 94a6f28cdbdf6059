import { nextReference } from '../../modules/inquiries/queries.ts';
import { danishToday } from '../../modules/cases/chronology.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { ago, event, type Ctx } from './context.ts';

/**
 * A case opened 18 days ago that still has neither an assessment nor an action plan: past the
 * default 14 days, so demo.tovholder's start page lists it under "Sager uden vurdering eller plan".
 */
export async function seedCaseWithoutPlan(c: Ctx) {
  const coordinator = c.user('demo.tovholder');
  const year = Number(danishToday(c.now).slice(0, 4));
  const person = await c.trx
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: 'Lærke Demo',
      family_name: 'Madsen',
      birth_date: '2010-05-21',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reference = await nextReference(c.trx, DEMO_MUNICIPALITY_CODE, 'S', year);
  const created = await c.trx
    .insertInto('cases')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      reference,
      status: 'active',
      opened_at: ago(c.now, 18),
      extremism_form: 'militant_islamism',
      concern_summary:
        'Fiktiv demosag: deler propaganda fra en militant gruppe med klassekammerater.',
      work_summary: 'Første samtale med pigen og hendes mor er aftalt.',
      age_group: 'under_18',
      subject_kind: 'person',
      environment: 'online',
      primary_concern: true,
      authority_area: 'inside',
      concern_level: 'moderate',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await c.trx
    .insertInto('case_persons')
    .values({ case_id: created.id, person_id: person.id, role: 'citizen' })
    .execute();
  await c.trx
    .insertInto('case_members')
    .values({
      case_id: created.id,
      user_id: coordinator.id,
      role: 'coordinator',
      unit_id: coordinator.unitId,
    })
    .execute();
  await event(c, created.id, 18, 'demo.tovholder', 'opened');
}
