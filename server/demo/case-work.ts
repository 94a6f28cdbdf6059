import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { nextReference } from '../modules/inquiries/queries.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import type { CaseEventKind } from '../modules/cases/chronology.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * Fictional case work in Demo Kommune, so every part of a case can be seen with a history:
 * - S-2026-0001 (Ahmad, his father and his younger brother), active: two final assessments
 *   (high, then moderate concern), an approved action plan with goals and sub-goals, a mentor
 *   (demo.mentor) for Ahmad, a parent coach for the father after a declined and renewed offer,
 *   three follow-ups with life-competence ratings, one overdue and one upcoming;
 * - S-2026-0002 (Mikkel), on hold: he has gone abroad for a while;
 * - a closed case (transferred to the ordinary system) with its re-reviews scheduled;
 * - a case under re-review: closed seven months ago, its 6-month re-review is due.
 * Everything is inserted directly, dated back in time, once (a marker in app_settings).
 */
const MARKER = 'demo_case_work_seeded_at';
const DAY = 24 * 60 * 60 * 1000;

interface Ctx {
  trx: Transaction<DB>;
  now: Date;
  user: (username: string) => { id: string; unitId: string | null };
}

/** A moment `days` ago (negative: in the future). */
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
/** The Danish date `days` ago. */
const dayAgo = (now: Date, days: number) => danishToday(ago(now, days));

async function event(
  c: Ctx,
  caseId: string,
  daysAgo: number,
  actor: string | null,
  kind: CaseEventKind,
  changes: Record<
    string,
    { from: string | number | boolean | null; to: string | number | boolean | null }
  > = {},
  note?: { text: string; compartment?: boolean },
) {
  await c.trx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      occurred_at: ago(c.now, daysAgo),
      actor_user_id: actor ? c.user(actor).id : null,
      kind,
      changes: JSON.stringify(changes),
      note_text: note?.text ?? null,
      compartment: note?.compartment ?? false,
    })
    .execute();
}

const DIMENSIONS = [
  'convictions_rhetoric',
  'personality',
  'violence',
  'mental_vulnerability',
  'criminal_history',
  'family',
  'socialisation_relationships',
  'network_leisure',
  'education_employment',
] as const;

function dimensions(texts: Partial<Record<(typeof DIMENSIONS)[number], [string, string]>>) {
  return JSON.stringify(
    Object.fromEntries(
      DIMENSIONS.map((d) => [d, { risk: texts[d]?.[0] ?? null, wellbeing: texts[d]?.[1] ?? null }]),
    ),
  );
}

async function typeId(c: Ctx, code: string): Promise<string> {
  const row = await c.trx
    .selectFrom('intervention_types')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('code', '=', code)
    .executeTakeFirst();
  if (row) return row.id;
  // A demo municipality whose catalogue was changed: add the offer back for the demo.
  const created = await c.trx
    .insertInto('intervention_types')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      code,
      name: code === 'parent_coach' ? 'Forældrecoachforløb' : 'Mentorforløb',
      level: 'anticipating',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

async function unitId(c: Ctx, kind: string): Promise<string | null> {
  const row = await c.trx
    .selectFrom('units')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('kind', '=', kind)
    .orderBy('name')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function caseByReference(c: Ctx, reference: string) {
  return c.trx
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('reference', '=', reference)
    .where('is_demo', '=', true)
    .executeTakeFirst();
}

async function personsOf(c: Ctx, caseId: string) {
  const rows = await c.trx
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', 'p.id', 'cp.person_id')
    .select(['p.id', 'p.given_name', 'cp.role'])
    .where('cp.case_id', '=', caseId)
    .execute();
  return new Map(rows.map((r) => [r.role, r]));
}

export async function seedDemoCaseWork(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411928)`.execute(trx);
    const marker = await trx
      .selectFrom('app_settings')
      .select('key')
      .where('key', '=', MARKER)
      .executeTakeFirst();
    if (marker) return;
    const users = await trx
      .selectFrom('users')
      .leftJoin('user_units', 'user_units.user_id', 'users.id')
      .select(['users.id', 'users.username', 'user_units.unit_id'])
      .where('users.is_demo', '=', true)
      .execute();
    const byName = new Map(users.map((u) => [u.username, { id: u.id, unitId: u.unit_id }]));
    const c: Ctx = {
      trx,
      now,
      user: (username) => {
        const found = byName.get(username);
        if (!found) throw new Error(`demo user ${username} missing`);
        return found;
      },
    };
    if (!byName.has('demo.tovholder') || !byName.has('demo.mentor')) return;

    await seedAhmad(c);
    await seedMikkel(c);
    await seedClosedCases(c);
    await trx
      .insertInto('app_settings')
      .values({ key: MARKER, value: JSON.stringify(now.toISOString()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
}

/** S-2026-0001: the full course of an active case, seven months in. */
async function seedAhmad(c: Ctx) {
  const found = await caseByReference(c, 'S-2026-0001');
  if (!found) return;
  const caseId = found.id;
  const persons = await personsOf(c, caseId);
  const ahmad = persons.get('citizen');
  const karim = persons.get('parent');
  const yusuf = persons.get('younger_sibling');
  if (!ahmad || !karim || !yusuf) return;
  const coordinator = 'demo.tovholder';
  const caseworker = 'demo.sagsbehandler';
  const mentor = c.user('demo.mentor');

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
  await event(c, caseId, 210, coordinator, 'opened');

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
      sources: 'Skolen, faderen, SSP og en samtale med Ahmad.',
      overall_judgement:
        'Vi vurderer en høj bekymring for radikalisering. Han skal have en mentor hurtigt og faderen støtte.',
      concern_level: 'high',
      recommended_interventions: 'Mentorforløb for Ahmad, forældrecoach til faderen.',
      intervention_targets: 'Isolation, skolefravær og faderens rolle.',
      follow_up_interval_days: 14,
      created_by: c.user(coordinator).id,
      created_at: ago(c.now, 200),
      updated_at: ago(c.now, 195),
      finalised_by: c.user(coordinator).id,
      finalised_at: ago(c.now, 195),
    })
    .execute();
  await event(c, caseId, 200, coordinator, 'assessment_started');
  await event(c, caseId, 195, coordinator, 'assessment_finalised', {
    concernLevel: { from: null, to: 'high' },
  });
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
      sources: 'Skolen, faderen, mentoren og SSP.',
      overall_judgement:
        'Bekymringen er faldet til moderat. Forløbet fortsætter med mentor og forældrecoach.',
      concern_level: 'moderate',
      recommended_interventions: 'Fortsat mentorforløb; forældrecoach; mentor til lillebroren.',
      intervention_targets: 'Skolefravær og den ældre vens indflydelse.',
      follow_up_interval_days: 30,
      created_by: c.user(coordinator).id,
      created_at: ago(c.now, 80),
      updated_at: ago(c.now, 75),
      finalised_by: c.user(coordinator).id,
      finalised_at: ago(c.now, 75),
    })
    .execute();
  await event(c, caseId, 80, coordinator, 'assessment_started');
  await event(c, caseId, 75, coordinator, 'assessment_finalised', {
    concernLevel: { from: 'high', to: 'moderate' },
  });

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

/** S-2026-0002: on hold while Mikkel is abroad. */
async function seedMikkel(c: Ctx) {
  const found = await caseByReference(c, 'S-2026-0002');
  if (!found || found.status !== 'active') return;
  const coordinator = 'demo.tovholder2';
  await c.trx
    .updateTable('cases')
    .set({
      opened_at: ago(c.now, 120),
      status: 'on_hold',
      on_hold_reason:
        'Mikkel er rejst til udlandet i en periode. Skolen giver besked, når han er tilbage.',
      on_hold_until: dayAgo(c.now, -45),
      concern_level: 'moderate',
      age_group: 'adult',
      authority_area: 'outside',
      primary_concern: true,
      subject_kind: 'person',
      environment: 'online',
      version: sql<number>`version + 1`,
    })
    .where('id', '=', found.id)
    .execute();
  await event(c, found.id, 120, coordinator, 'opened');
  await event(
    c,
    found.id,
    90,
    coordinator,
    'note',
    {},
    {
      text: 'Første samtale med Mikkel hos SSP. Han vil gerne tale om uddannelse.',
    },
  );
  await event(c, found.id, 20, coordinator, 'status_changed', {
    status: { from: 'active', to: 'on_hold' },
    until: { from: null, to: dayAgo(c.now, -45) },
  });
}

/** A closed case with its re-reviews ahead, and a case whose 6-month re-review is due. */
async function seedClosedCases(c: Ctx) {
  const coordinator = c.user('demo.tovholder');
  const year = Number(danishToday(c.now).slice(0, 4));
  const transferUnit = await unitId(c, 'children_youth');
  const cases = [
    {
      given: 'Sara Demo',
      family: 'Larsen',
      birth: '2006-03-14',
      closedDaysAgo: 60,
      status: 'closed',
    },
    {
      given: 'Jonas Demo',
      family: 'Petersen',
      birth: '2004-08-09',
      closedDaysAgo: 190,
      status: 'under_review',
    },
  ] as const;
  for (const d of cases) {
    const person = await c.trx
      .insertInto('persons')
      .values({
        municipality_code: DEMO_MUNICIPALITY_CODE,
        given_name: d.given,
        family_name: d.family,
        birth_date: d.birth,
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
        status: d.status,
        opened_at: ago(c.now, d.closedDaysAgo + 270),
        closed_at: ago(c.now, d.closedDaysAgo),
        extremism_form: 'right_wing',
        concern_summary: 'Fiktiv demosag: deltog i en højreekstremistisk onlinegruppe.',
        work_summary: 'Mentorforløb og vejledning om uddannelse.',
        age_group: 'adult',
        subject_kind: 'person',
        environment: 'online',
        primary_concern: true,
        authority_area: 'inside',
        concern_level: 'low',
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
    await event(c, created.id, d.closedDaysAgo + 270, 'demo.tovholder', 'opened');
    await event(c, created.id, d.closedDaysAgo + 200, 'demo.tovholder', 'follow_up_recorded', {
      concernLevel: { from: 'moderate', to: 'low' },
    });
    const closure = await c.trx
      .insertInto('case_closures')
      .values({
        case_id: created.id,
        outcome: transferUnit ? 'transferred' : 'handled',
        transferred_unit_id: transferUnit,
        reason:
          'Radikaliseringsbekymringen er håndteret; den fortsatte støtte ligger i det almindelige system.',
        status: 'approved',
        proposed_by: coordinator.id,
        proposed_at: ago(c.now, d.closedDaysAgo + 3),
        decided_by: coordinator.id,
        decided_at: ago(c.now, d.closedDaysAgo),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await event(c, created.id, d.closedDaysAgo + 3, 'demo.tovholder', 'closure_proposed');
    await event(c, created.id, d.closedDaysAgo, 'demo.tovholder', 'closure_approved', {
      status: { from: 'active', to: 'closed' },
    });
    const closedOn = dayAgo(c.now, d.closedDaysAgo);
    const due = (months: number) => {
      const [y, m, dd] = closedOn.split('-').map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1 + months, dd));
      return date.toISOString().slice(0, 10);
    };
    await c.trx
      .insertInto('case_reviews')
      .values(
        [6, 12].map((months) => ({
          case_id: created.id,
          closure_id: closure.id,
          months,
          due_on: due(months),
          notified_at: d.status === 'under_review' && months === 6 ? ago(c.now, 7) : null,
        })),
      )
      .execute();
    if (d.status === 'under_review') {
      await event(c, created.id, 7, null, 'status_changed', {
        status: { from: 'closed', to: 'under_review' },
      });
    }
  }
}
