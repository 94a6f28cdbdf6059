import { randomUUID } from 'node:crypto';
import {
  AHMAD_CASEWORKER,
  AHMAD_COORDINATOR,
  ago,
  dayAgo,
  event,
  type AhmadCase,
  type Ctx,
} from './context.ts';

/** S-2026-0001's approved action plan; returns the plan's id and goals for the follow-ups. */
export async function seedAhmadPlan(c: Ctx, a: AhmadCase) {
  const { caseId } = a;
  const coordinator = AHMAD_COORDINATOR;
  const caseworker = AHMAD_CASEWORKER;
  const mentor = c.user('demo.mentor');

  // The action plan, approved by the coordinator.
  const school = randomUUID();
  const goals = [
    {
      key: school,
      parentKey: null,
      text: 'Ahmad går i skole hver dag',
      responsible: { name: 'Ahmad' },
      targetDate: dayAgo(c.now, -60),
      status: 'in_progress',
    },
    {
      key: randomUUID(),
      parentKey: school,
      text: 'Fraværet er under 10 % i næste kvartal',
      responsible: { userId: c.user(caseworker).id },
      targetDate: dayAgo(c.now, -30),
      status: 'in_progress',
    },
    {
      key: randomUUID(),
      parentKey: null,
      text: 'Ahmad mødes med sin mentor hver uge',
      responsible: { userId: mentor.id },
      targetDate: dayAgo(c.now, -90),
      status: 'achieved',
    },
    {
      key: randomUUID(),
      parentKey: null,
      text: 'Faderen sætter klare aftaler om skærmtid og fritid',
      responsible: { name: 'Faderen' },
      targetDate: dayAgo(c.now, -45),
      status: 'in_progress',
    },
  ];
  const plan = randomUUID();
  await c.trx
    .insertInto('case_plans')
    .values({
      id: plan,
      case_id: caseId,
      number: 1,
      status: 'approved',
      purpose: 'At Ahmad kommer tilbage i skole og i fællesskaber, og at faderen får redskaber.',
      goals: JSON.stringify(goals),
      agreements: JSON.stringify([
        'Ahmad ringer til sin mentor, hvis han ikke kan komme i skole.',
        'Faderen deltager i fire samtaler med forældrecoachen.',
      ]),
      citizen_wishes: 'Ahmad vil gerne spille fodbold igen og have en læreplads efter 9. klasse.',
      citizen_participated: true,
      starts_on: dayAgo(c.now, 185),
      ends_on: dayAgo(c.now, -180),
      next_follow_up_on: dayAgo(c.now, -10),
      follow_up_interval_days: 30,
      created_by: c.user(caseworker).id,
      created_at: ago(c.now, 190),
      updated_at: ago(c.now, 185),
      submitted_by: c.user(caseworker).id,
      submitted_at: ago(c.now, 188),
      decided_by: c.user(coordinator).id,
      decided_at: ago(c.now, 185),
    })
    .execute();
  await event(c, caseId, 190, caseworker, 'plan_drafted');
  await event(c, caseId, 188, caseworker, 'plan_submitted');
  await event(c, caseId, 185, coordinator, 'plan_approved');

  return { plan, goals };
}

/** S-2026-0001's follow-ups and a later note. */
export async function seedAhmadFollowUps(
  c: Ctx,
  a: AhmadCase,
  { plan, goals }: { plan: string; goals: { key: string; status: string }[] },
) {
  const { caseId } = a;
  const coordinator = AHMAD_COORDINATOR;
  const caseworker = AHMAD_CASEWORKER;
  // Follow-ups: high → high → moderate, with life-competence ratings; one overdue, one ahead.
  const held = [
    { days: 150, level: 'high', change: 'same', ratings: [1, 2, 1, 1, 2, 2, 2, 1, 2, 1] },
    { days: 100, level: 'high', change: 'same', ratings: [2, 2, 2, 1, 2, 2, 2, 2, 2, 2] },
    { days: 70, level: 'moderate', change: 'down', ratings: [2, 3, 2, 2, 3, 2, 3, 2, 3, 2] },
  ] as const;
  const competences = [
    'network',
    'frames',
    'education',
    'community',
    'focus',
    'pragmatism',
    'morality',
    'reflection',
    'empathy',
    'navigation',
  ];
  let previous: string | null = 'high';
  for (const f of held) {
    await c.trx
      .insertInto('case_follow_ups')
      .values({
        case_id: caseId,
        plan_id: plan,
        due_on: dayAgo(c.now, f.days),
        status: 'done',
        held_on: dayAgo(c.now, f.days),
        concern_level: f.level,
        concern_change: f.change,
        summary: 'Opfølgning med Ahmad, faderen, mentoren og skolen.',
        goal_progress: JSON.stringify(
          goals.map((g) => ({ goalKey: g.key, status: g.status, note: null })),
        ),
        competences: JSON.stringify(
          Object.fromEntries(competences.map((k, i) => [k, f.ratings[i]])),
        ),
        recorded_by: c.user(coordinator).id,
        recorded_at: ago(c.now, f.days),
        created_at: ago(c.now, 185),
      })
      .execute();
    await event(c, caseId, f.days, coordinator, 'follow_up_recorded', {
      concernLevel: { from: previous, to: f.level },
    });
    previous = f.level;
  }
  await c.trx
    .insertInto('case_follow_ups')
    .values([
      { case_id: caseId, plan_id: plan, due_on: dayAgo(c.now, 5), created_at: ago(c.now, 185) },
      { case_id: caseId, plan_id: plan, due_on: dayAgo(c.now, -25), created_at: ago(c.now, 185) },
    ])
    .execute();
  await event(
    c,
    caseId,
    3,
    caseworker,
    'note',
    {},
    {
      text: 'Skolen melder, at Ahmad har været til alle timer i denne uge.',
    },
  );
}
