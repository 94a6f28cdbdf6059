import type { Kysely } from 'kysely';
import type { DB } from '../../server/platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from '../../server/demo/seed.ts';

/**
 * The fictional case at the end of Copenhagen's strategy (Københavns Kommune 2016, "Case om
 * radikalisering"): a father and his 16-year-old son voice support for IS at a home visit about
 * the younger sister; the municipality offers a parent coach to the father and mentors to both
 * children. The case was opened from an inquiry decision ten months ago (the inquiry journey
 * covers that step); here it is inserted back-dated, so the journey can record nine months of
 * case work with real dates. Names are fictional and say "Demo".
 */
export const COPENHAGEN = {
  reference: 'S-2025-0950',
  son: 'Bilal Demo Hassan',
  father: 'Omar Demo Hassan',
  sister: 'Amira Demo Hassan',
  openedDaysAgo: 300,
} as const;

const DAY = 86_400_000;

/** A date `days` ago in Denmark, as YYYY-MM-DD. */
export function isoDaysAgo(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() - days * DAY),
  );
}

/** The same date as the Danish forms take it: dd.mm.åååå. */
export function danishDaysAgo(days: number): string {
  const [y, m, d] = isoDaysAgo(days).split('-');
  return `${d}.${m}.${y}`;
}

export async function prepareCopenhagenCase(db: Kysely<DB>): Promise<string> {
  const users = await db
    .selectFrom('users')
    .leftJoin('user_units', 'user_units.user_id', 'users.id')
    .select(['users.id', 'users.username', 'user_units.unit_id'])
    .where('users.username', 'in', ['demo.tovholder', 'demo.forum', 'demo.sagsbehandler'])
    .execute();
  const user = (name: string) => {
    const found = users.find((u) => u.username === name);
    if (!found) throw new Error(`demo user ${name} missing`);
    return found;
  };
  const birth = (years: number) =>
    isoDaysAgo(Math.round(years * 365.25) + COPENHAGEN.openedDaysAgo);
  const persons = await db
    .insertInto('persons')
    .values(
      [
        [COPENHAGEN.son, 16.3],
        [COPENHAGEN.father, 47.1],
        [COPENHAGEN.sister, 12.6],
      ].map(([name, years]) => {
        const [given, ...family] = String(name).split(' ');
        return {
          municipality_code: DEMO_MUNICIPALITY_CODE,
          given_name: `${given} ${family.slice(0, -1).join(' ')}`.trim(),
          family_name: family.at(-1) ?? '',
          birth_date: birth(Number(years)),
          is_demo: true,
        };
      }),
    )
    .returning('id')
    .execute();
  const opened = new Date(Date.now() - COPENHAGEN.openedDaysAgo * DAY);
  const created = await db
    .insertInto('cases')
    .values({
      municipality_code: DEMO_MUNICIPALITY_CODE,
      reference: COPENHAGEN.reference,
      opened_at: opened,
      created_at: opened,
      updated_at: opened,
      extremism_form: 'militant_islamism',
      concern_summary:
        'Ved et hjemmebesøg om lillesøsteren gav faderen og den 16-årige søn udtryk for støtte til IS og ønske om at rejse dertil.',
      work_summary: 'Forældrecoach til faderen, mentorer til begge børn og fastholdelse i skolen.',
      age_group: 'under_18',
      authority_area: 'inside',
      primary_concern: true,
      subject_kind: 'family',
      environment: 'physical',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [son, father, sister] = persons;
  await db
    .insertInto('case_persons')
    .values([
      { case_id: created.id, person_id: son?.id ?? '', role: 'citizen' },
      { case_id: created.id, person_id: father?.id ?? '', role: 'parent' },
      { case_id: created.id, person_id: sister?.id ?? '', role: 'younger_sibling' },
    ])
    .execute();
  await db
    .insertInto('case_members')
    .values(
      (
        [
          ['demo.tovholder', 'coordinator'],
          ['demo.forum', 'forum'],
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
