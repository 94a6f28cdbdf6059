import { randomUUID } from 'node:crypto';
import {
  AHMAD_COORDINATOR,
  ago,
  dayAgo,
  event,
  typeId,
  type AhmadCase,
  type Ctx,
} from './context.ts';

/**
 * S-2026-0001's family conversations (issue 12, part 2): one group intervention with Ahmad, his
 * father and his younger brother taking part, the father its main person; and every other
 * intervention of the demo with its main person as its one participant, as db/migrations/0023
 * gives the interventions made before it.
 */
export async function seedAhmadFamilyTalks(c: Ctx, a: AhmadCase) {
  const { caseId, ahmad, karim, yusuf } = a;
  const talks = randomUUID();
  await c.trx
    .insertInto('case_interventions')
    .values({
      id: talks,
      case_id: caseId,
      intervention_type_id: await typeId(c, 'group_family_talks'),
      person_id: karim.id,
      form: 'group',
      provider_name: 'Demo Familiehuset',
      status: 'active',
      purpose: 'Samtaler med hele familien om hverdagen, brødrenes forhold og farens bekymring.',
      starts_on: dayAgo(c.now, 40),
      created_by: c.user(AHMAD_COORDINATOR).id,
      created_at: ago(c.now, 45),
      updated_at: ago(c.now, 40),
    })
    .execute();
  await c.trx
    .insertInto('case_intervention_participants')
    .values(
      [karim, ahmad, yusuf].map((p) => ({
        intervention_id: talks,
        person_id: p.id,
        added_at: ago(c.now, 45),
      })),
    )
    .execute();
  await event(c, caseId, 45, AHMAD_COORDINATOR, 'intervention_added', {
    participants: {
      from: null,
      to: 'Karim Demo Nielsen, Ahmad Demo Nielsen, Yusuf Demo Nielsen',
    },
  });
  await event(c, caseId, 40, AHMAD_COORDINATOR, 'intervention_changed', {
    status: { from: 'planned', to: 'active' },
  });
  await c.trx
    .insertInto('case_intervention_participants')
    .columns(['intervention_id', 'person_id'])
    .expression((eb) =>
      eb
        .selectFrom('case_interventions')
        .select(['id', 'person_id'])
        .where('case_id', '=', caseId)
        .where('id', '!=', talks),
    )
    .execute();
}
