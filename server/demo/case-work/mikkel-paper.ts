import { randomUUID } from 'node:crypto';
import { ago, dayAgo, personsOf, typeId, type Ctx } from './context.ts';

/**
 * S-2026-0002 was moved in from paper (issue 12): the case was registered here 120 days ago, but
 * the paper file's mentor course, a session and a follow-up happened before. They are recorded
 * with their real dates, when they were registered (a few days after the case was opened) and
 * why: "flyttet fra papir".
 */
const REASON = 'moved_from_paper';

export async function seedMikkelFromPaper(c: Ctx, caseId: string, coordinator: string) {
  const mikkel = (await personsOf(c, caseId)).get('citizen');
  if (!mikkel) return;
  const by = c.user(coordinator).id;
  const mentoring = randomUUID();
  await c.trx
    .insertInto('case_interventions')
    .values({
      id: mentoring,
      case_id: caseId,
      intervention_type_id: await typeId(c, 'mentor_programme'),
      person_id: mikkel.id,
      provider_name: 'SSP-mentor (fra papirsagen)',
      status: 'ended',
      purpose: 'Samtaler om uddannelse og om det, Mikkel ser online.',
      starts_on: dayAgo(c.now, 190),
      ends_on: dayAgo(c.now, 125),
      end_reason: 'Mentoren stoppede, da sagen blev flyttet til Tovholder.',
      backdate_reason: REASON,
      created_by: by,
      created_at: ago(c.now, 118),
      updated_at: ago(c.now, 118),
    })
    .execute();
  await c.trx
    .insertInto('intervention_sessions')
    .values({
      intervention_id: mentoring,
      held_on: dayAgo(c.now, 170),
      note: 'Skrevet af fra papirjournalen: første samtale med mentoren på skolen.',
      author_user_id: by,
      backdate_reason: REASON,
      created_at: ago(c.now, 118),
    })
    .execute();
  await c.trx
    .insertInto('case_follow_ups')
    .values({
      case_id: caseId,
      due_on: dayAgo(c.now, 150),
      status: 'done',
      held_on: dayAgo(c.now, 150),
      concern_level: 'moderate',
      summary: 'Skrevet af fra papirjournalen: opfølgning med skolen og forældrene.',
      goal_progress: '[]',
      recorded_by: by,
      recorded_at: ago(c.now, 117),
      backdate_reason: REASON,
      created_at: ago(c.now, 117),
    })
    .execute();
  // The chronology: recorded after the case opened, each with the day it really happened.
  await c.trx
    .insertInto('case_events')
    .values(
      (
        [
          [118, 190, 'intervention_added', mentoring],
          [118, 170, 'intervention_session', mentoring],
          [117, 150, 'follow_up_recorded', null],
        ] as const
      ).map(([recorded, happened, kind, interventionId]) => ({
        case_id: caseId,
        occurred_at: ago(c.now, recorded),
        actor_user_id: by,
        kind,
        changes: JSON.stringify({}),
        intervention_id: interventionId,
        happened_on: dayAgo(c.now, happened),
        backdate_reason: REASON,
      })),
    )
    .execute();
}
