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

/** S-2026-0001's interventions with the mentor's sessions, and the offers to the father. */
export async function seedAhmadInterventions(c: Ctx, a: AhmadCase) {
  const { caseId, ahmad, karim, yusuf } = a;
  const coordinator = AHMAD_COORDINATOR;
  const mentor = c.user('demo.mentor');

  // Interventions: a mentor for Ahmad (demo.mentor), a parent coach for the father.
  const mentorType = await typeId(c, 'mentor_programme');
  const coachType = await typeId(c, 'parent_coach');
  const mentoring = randomUUID();
  await c.trx
    .insertInto('case_interventions')
    .values([
      {
        id: mentoring,
        case_id: caseId,
        intervention_type_id: mentorType,
        person_id: ahmad.id,
        provider_user_id: mentor.id,
        status: 'active',
        purpose: 'Fastholdelse i skolen og nye fællesskaber.',
        starts_on: dayAgo(c.now, 180),
        created_by: c.user(coordinator).id,
        created_at: ago(c.now, 182),
        updated_at: ago(c.now, 180),
      },
      {
        case_id: caseId,
        intervention_type_id: coachType,
        person_id: karim.id,
        provider_name: 'Demo Forældrecoach',
        status: 'active',
        purpose: 'Faderens rolle og grænser derhjemme.',
        starts_on: dayAgo(c.now, 55),
        created_by: c.user(coordinator).id,
        created_at: ago(c.now, 58),
        updated_at: ago(c.now, 55),
      },
      {
        case_id: caseId,
        intervention_type_id: mentorType,
        person_id: yusuf.id,
        provider_user_id: mentor.id,
        status: 'planned',
        purpose: 'Forebyggende samtaler med lillebroren.',
        created_by: c.user(coordinator).id,
        created_at: ago(c.now, 20),
        updated_at: ago(c.now, 20),
      },
    ])
    .execute();
  await event(c, caseId, 182, coordinator, 'intervention_added');
  await event(c, caseId, 180, coordinator, 'intervention_changed', {
    status: { from: 'planned', to: 'active' },
  });
  await c.trx
    .insertInto('intervention_sessions')
    .values(
      [170, 150, 120, 90, 60, 30, 7].map((d, i) => ({
        intervention_id: mentoring,
        held_on: dayAgo(c.now, d),
        note:
          i === 0
            ? 'Første møde. Ahmad var tavs, men gik med til at mødes igen.'
            : `Møde nr. ${i + 1}: skole, fodbold og det, han ser online.`,
        author_user_id: mentor.id,
        created_at: ago(c.now, d),
      })),
    )
    .execute();
  await event(c, caseId, 7, 'demo.mentor', 'intervention_session');

  // The father declined a parent coach, accepted the renewed offer three months later.
  const firstOffer = randomUUID();
  await c.trx
    .insertInto('case_offers')
    .values([
      {
        id: firstOffer,
        case_id: caseId,
        person_id: karim.id,
        kind: 'parent_coach',
        intervention_type_id: coachType,
        round: 1,
        status: 'declined',
        offered_on: dayAgo(c.now, 170),
        answered_on: dayAgo(c.now, 165),
        created_by: c.user(coordinator).id,
        created_at: ago(c.now, 170),
      },
      {
        case_id: caseId,
        person_id: karim.id,
        kind: 'parent_coach',
        intervention_type_id: coachType,
        round: 2,
        first_offer_id: firstOffer,
        status: 'accepted',
        due_on: dayAgo(c.now, 75),
        offered_on: dayAgo(c.now, 70),
        answered_on: dayAgo(c.now, 60),
        created_by: c.user(coordinator).id,
        created_at: ago(c.now, 165),
      },
      {
        case_id: caseId,
        person_id: karim.id,
        kind: 'parent_coach',
        intervention_type_id: coachType,
        round: 3,
        first_offer_id: firstOffer,
        status: 'cancelled',
        due_on: dayAgo(c.now, -15),
        created_by: c.user(coordinator).id,
        created_at: ago(c.now, 165),
      },
    ])
    .execute();
  await event(c, caseId, 170, coordinator, 'offer_made');
  await event(c, caseId, 165, coordinator, 'offer_answered', {
    answer: { from: null, to: 'declined' },
  });
  await event(c, caseId, 70, coordinator, 'offer_made');
  await event(c, caseId, 60, coordinator, 'offer_answered', {
    answer: { from: null, to: 'accepted' },
  });
  await event(c, caseId, 55, coordinator, 'intervention_added');
}
