import { ago, insertDemoCitizenCase, type Ctx } from './context.ts';

/**
 * A case opened 18 days ago that still has neither an assessment nor an action plan: past the
 * default 14 days, so demo.tovholder's start page lists it under "Sager uden vurdering eller plan".
 */
export async function seedCaseWithoutPlan(c: Ctx) {
  await insertDemoCitizenCase(
    c,
    { given: 'Lærke Demo', family: 'Madsen', birth: '2010-05-21' },
    {
      opened_at: ago(c.now, 18),
      status: 'active',
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
    },
    [['demo.tovholder', 'coordinator']],
  );
}
