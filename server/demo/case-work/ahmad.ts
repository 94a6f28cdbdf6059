import { ago, caseByReference, openedAgo, personsOf, type Ctx } from './context.ts';
import { seedAhmadAssessments } from './ahmad-assessments.ts';
import { seedAhmadNetworkMaps } from './ahmad-network-maps.ts';
import { seedAhmadInterventions } from './ahmad-interventions.ts';
import { seedAhmadFamilyTalks } from './ahmad-family-talks.ts';
import { seedAhmadFollowUps, seedAhmadPlan } from './ahmad-plan.ts';

/** S-2026-0001: the full course of an active case, seven months in. */
export async function seedAhmad(c: Ctx) {
  const found = await caseByReference(c, 'S-2026-0001');
  if (!found) return;
  const caseId = found.id;
  const persons = await personsOf(c, caseId);
  const ahmad = persons.get('citizen');
  const karim = persons.get('parent');
  const yusuf = persons.get('younger_sibling');
  if (!ahmad || !karim || !yusuf) return;
  const a = { caseId, ahmad, karim, yusuf };

  await c.trx
    .updateTable('cases')
    .set({
      opened_at: ago(c.now, 210),
      age_group: 'under_18',
      authority_area: 'inside',
      primary_concern: true,
      subject_kind: 'family',
      environment: 'both',
      concern_level: 'moderate',
    })
    .where('id', '=', caseId)
    .execute();
  await openedAgo(c, caseId, 210);
  await seedAhmadAssessments(c, a);
  await seedAhmadNetworkMaps(c, a);
  const plan = await seedAhmadPlan(c, a);
  await seedAhmadInterventions(c, a);
  await seedAhmadFamilyTalks(c, a);
  await seedAhmadFollowUps(c, a, plan);
}
