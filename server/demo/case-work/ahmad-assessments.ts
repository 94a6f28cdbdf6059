import { randomUUID } from 'node:crypto';
import { AHMAD_COORDINATOR, event, ago, dimensions, type AhmadCase, type Ctx } from './context.ts';

/** S-2026-0001's two final assessments. */
export async function seedAhmadAssessments(c: Ctx, a: AhmadCase) {
  const { caseId } = a;
  const coordinator = AHMAD_COORDINATOR;
  // Both written by the coordinator: started one day, finalised (with the concern level) later.
  const finalised = (startedDaysAgo: number, finalisedDaysAgo: number) => ({
    created_by: c.user(coordinator).id,
    created_at: ago(c.now, startedDaysAgo),
    updated_at: ago(c.now, finalisedDaysAgo),
    finalised_by: c.user(coordinator).id,
    finalised_at: ago(c.now, finalisedDaysAgo),
  });
  const events = async (
    startedDaysAgo: number,
    finalisedDaysAgo: number,
    from: 'high' | null,
    to: 'high' | 'moderate',
  ) => {
    await event(c, caseId, startedDaysAgo, coordinator, 'assessment_started');
    await event(c, caseId, finalisedDaysAgo, coordinator, 'assessment_finalised', {
      concernLevel: { from, to },
    });
  };
  // Two final assessments: high concern at the start, moderate four months later.
  const first = randomUUID();
  await c.trx
    .insertInto('case_assessments')
    .values({
      id: first,
      case_id: caseId,
      number: 1,
      status: 'superseded',
      dimensions: dimensions({
        convictions_rhetoric: [
          'Deler videoer fra militante kanaler og taler om "os og dem".',
          'Er nysgerrig og stiller spørgsmål, når han bliver mødt roligt.',
        ],
        family: [
          'Faderen er bekymret, men har svært ved at tale med ham om det.',
          'Familien ønsker hjælp og møder op til samtaler.',
        ],
        education_employment: [
          'Højt fravær i 9. klasse.',
          'Har tidligere klaret sig godt i matematik.',
        ],
        network_leisure: [
          'Har trukket sig fra sine gamle venner.',
          'Har spillet fodbold i klubben.',
        ],
      }),
      risk_factors: JSON.stringify([
        'Isolation fra jævnaldrende',
        'Ekstremistisk indhold online',
        'Højt skolefravær',
      ]),
      protective_factors: JSON.stringify([
        'Engageret far',
        'Tidligere glæde ved fodbold',
        'God kontakt til en lærer',
      ]),
      resources: 'Ahmad er reflekteret og kan lide at diskutere.',
      citizen_perspective: 'Ahmad siger, at han føler sig overset i skolen.',
      // Ahmad is under 18: the assessment holds his own view and how he was involved.
      child_view:
        'Ahmad vil gerne blive i sin klasse og spille fodbold igen. Han vil ikke have, at hans far skal straffes.',
      child_involvement: 'Samtale med Ahmad på skolen med hans lærer som bisidder.',
      sources: 'Skolen, faderen, SSP og en samtale med Ahmad.',
      overall_judgement:
        'Vi vurderer en høj bekymring for radikalisering. Han skal have en mentor hurtigt og faderen støtte.',
      concern_level: 'high',
      recommended_interventions: 'Mentorforløb for Ahmad, forældrecoach til faderen.',
      intervention_targets: 'Isolation, skolefravær og faderens rolle.',
      follow_up_interval_days: 14,
      ...finalised(200, 195),
    })
    .execute();
  await events(200, 195, null, 'high');
  await c.trx
    .insertInto('case_assessments')
    .values({
      case_id: caseId,
      number: 2,
      based_on_id: first,
      status: 'final',
      dimensions: dimensions({
        convictions_rhetoric: [
          'Deler ikke længere videoer, men forsvarer stadig enkelte holdninger.',
          'Taler åbent med sin mentor om det, han ser online.',
        ],
        family: ['Faderen er stadig usikker på grænser.', 'Faderen deltager i forældrecoaching.'],
        education_employment: ['Fraværet er faldet, men ikke væk.', 'Går i skole de fleste dage.'],
        network_leisure: ['Ser stadig en ældre ven fra miljøet.', 'Er begyndt til fodbold igen.'],
      }),
      risk_factors: JSON.stringify(['Kontakt til en ældre ven fra miljøet', 'Højt skolefravær']),
      protective_factors: JSON.stringify(['Engageret far', 'Fodbold igen', 'Tillid til mentoren']),
      resources:
        'Ahmad er reflekteret og kan lide at diskutere; han tager ansvar for sin skolegang.',
      citizen_perspective: 'Ahmad siger, at mentoren er den første voksne, der lytter.',
      child_view:
        'Ahmad siger, at det hjælper at tale med mentoren, og at han gerne vil have mere hjælp til lektierne.',
      child_involvement:
        'To samtaler med Ahmad, den ene sammen med mentoren; observation til fodboldtræning.',
      sources: 'Skolen, faderen, mentoren og SSP.',
      overall_judgement:
        'Bekymringen er faldet til moderat. Forløbet fortsætter med mentor og forældrecoach.',
      concern_level: 'moderate',
      recommended_interventions: 'Fortsat mentorforløb; forældrecoach; mentor til lillebroren.',
      intervention_targets: 'Skolefravær og den ældre vens indflydelse.',
      follow_up_interval_days: 30,
      ...finalised(80, 75),
    })
    .execute();
  await events(80, 75, 'high', 'moderate');
}
