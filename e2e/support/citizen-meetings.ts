import type { Kysely } from 'kysely';
import type { DB } from '../../server/platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from '../../server/demo/seed.ts';
import type { Journey } from './browser.ts';
import { danishDaysAgo, isoDaysAgo } from './copenhagen.ts';
import type { Tab } from './session.ts';

/**
 * The meeting-the-citizen journey's story (e2e/citizen-meetings.e2e.ts, issue 15): a 19-year-old
 * woman who has refused contact. Her case was opened from an inquiry decision four months ago
 * (the inquiry journey covers that step); here it is inserted back-dated, so the contact tries,
 * the first meeting and her first network map lie about three months back, and the second map is
 * drawn today. Names are fictional and say "Demo".
 */
export const SARA = {
  reference: 'S-2026-0815',
  given: 'Sara Demo',
  family: 'Lind',
  name: 'Sara Demo Lind',
  openedDaysAgo: 130,
} as const;

/** The story's days, counted back from today (Danish days). */
export const DAYS = {
  phone: 112,
  text: 108,
  letter: 104,
  aunt: 100,
  /** The first meeting, and her first network map. */
  meeting: 95,
  nextMeeting: 81,
} as const;

export const dayOf = (key: keyof typeof DAYS) => danishDaysAgo(DAYS[key]);

export const LIFELINE = {
  who: 'Hendes moster',
  phone: '20 30 40 50',
  when: 'Hver dag efter kl. 16, indtil næste møde',
} as const;

export const PRECAUTIONS = 'Vi er to. Mosteren venter i caféen ved indgangen.';
export const COLLEAGUE = 'Dennis Demo-Sagsbehandler';

export class CitizenStory {
  /** Set before the first step (beforeAll). */
  journey!: Journey;
  /** The case's coordinator, logged in once (a TOTP code works only once per 30 s per user). */
  coordinator!: Tab;
  /** The case's id, known from the set-up. */
  caseId = '';
}

/** Her case, back-dated, with the coordinator, a second coordinator and a caseworker on it. */
export async function prepareSaraCase(db: Kysely<DB>): Promise<string> {
  const users = await db
    .selectFrom('users')
    .leftJoin('user_units', 'user_units.user_id', 'users.id')
    .select(['users.id', 'users.username', 'user_units.unit_id'])
    .where('users.username', 'in', ['demo.tovholder', 'demo.tovholder2', 'demo.sagsbehandler'])
    .execute();
  const user = (name: string) => {
    const found = users.find((u) => u.username === name);
    if (!found) throw new Error(`demo user ${name} missing`);
    return found;
  };
  const person = await db
    .insertInto('persons')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      given_name: SARA.given,
      family_name: SARA.family,
      birth_date: isoDaysAgo(Math.round(19.4 * 365.25)),
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const opened = new Date(Date.now() - SARA.openedDaysAgo * 86_400_000);
  const created = await db
    .insertInto('cases')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      reference: SARA.reference,
      opened_at: opened,
      created_at: opened,
      updated_at: opened,
      extremism_form: 'right_wing',
      concern_summary:
        'Sara deler højreekstremistisk indhold online og har trukket sig fra uddannelse og familie.',
      work_summary: 'Få kontakt til Sara og et første møde; hendes moster er en mulig brobygger.',
      age_group: 'adult',
      authority_area: 'inside',
      primary_concern: true,
      subject_kind: 'person',
      environment: 'online',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_persons')
    .values({ case_id: created.id, person_id: person.id, role: 'citizen' })
    .execute();
  await db
    .insertInto('case_members')
    .values(
      (
        [
          ['demo.tovholder', 'coordinator'],
          ['demo.tovholder2', 'coordinator'],
          ['demo.sagsbehandler', 'member'],
        ] as const
      ).map(([name, role]) => ({
        case_id: created.id,
        user_id: user(name).id,
        role,
        unit_id: user(name).unit_id,
        added_at: opened,
      })),
    )
    .execute();
  await db
    .insertInto('case_events')
    .values({
      case_id: created.id,
      occurred_at: opened,
      actor_user_id: user('demo.tovholder').id,
      kind: 'opened',
    })
    .execute();
  return created.id;
}
