import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { addMonths } from '../modules/follow-ups/schedule.ts';
import { itemKey } from '../modules/area-rounds/overview-diff.ts';
import type { OverviewItem } from '../modules/area-rounds/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * Mapping rounds to look at on Demo Kommune's fictional area "Nørrevang" (issue 16 part 2): three
 * quarterly rounds — the first two held half a year and a quarter ago and systematised into area
 * overviews, the third open — with contributions from the coordinator (demo.tovholder), a member
 * of the area's team, and the housing social worker demo.boligsocial when the areas' demo data
 * made them. The second round names a positive connector, by role and how to reach them; it is
 * systematised, so the plan may name it (only frozen rounds' connectors are offered). Fictional text
 * only. Seeds nothing when the area is missing or already has rounds (idempotent, one query).
 */
const AREA_NAME = 'Nørrevang';

interface Seed {
  by: string;
  partId: string | null;
  stance: 'challenge' | 'resource';
  category: OverviewItem['category'];
  sign?: string;
  label: string;
  description?: string;
  howToReach?: string;
}

export async function seedDemoAreaRounds(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411961)`.execute(trx);
    const area = await trx
      .selectFrom('housing_areas')
      .select(['id', 'team_forum_id', 'created_by'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', AREA_NAME)
      .executeTakeFirst();
    if (!area) return;
    const existing = await trx
      .selectFrom('area_rounds')
      .select('id')
      .where('area_id', '=', area.id)
      .executeTakeFirst();
    if (existing) return;
    const people = await contributors(trx, area);
    const parts = await trx
      .selectFrom('housing_area_parts')
      .select(['id', 'level', 'name'])
      .where('area_id', '=', area.id)
      .orderBy('level', 'desc')
      .orderBy('name')
      .execute();
    const zone = parts.find((p) => p.level === 'zone')?.id ?? null;
    const place = parts.find((p) => p.level === 'place')?.id ?? zone;
    const today = danishToday(now);
    const firstDay = addMonths(today, -6);
    const secondDay = addMonths(today, -3);

    const first = randomUUID();
    const second = randomUUID();
    const third = randomUUID();
    const systematised = {
      systematised_at: now,
      systematised_by: people.coordinator,
      status: 'systematised' as const,
    };
    await trx
      .insertInto('area_rounds')
      .values([
        {
          id: first,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          area_id: area.id,
          number: 1,
          due_on: firstDay,
          held_on: firstDay,
          participants: 'Boligsocial medarbejder, SSP-konsulent, klubmedarbejder, nærpolitiet',
          opened_by: people.coordinator,
          created_at: now,
          updated_at: now,
          ...systematised,
        },
        {
          id: second,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          area_id: area.id,
          number: 2,
          due_on: secondDay,
          held_on: secondDay,
          participants: 'Områdeteamet og boligsociale medarbejdere',
          opened_by: people.coordinator,
          created_at: now,
          updated_at: now,
          ...systematised,
        },
        {
          id: third,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          area_id: area.id,
          number: 3,
          due_on: today,
          held_on: null,
          participants: 'Områdeteamet og boligsociale medarbejdere',
          opened_by: people.coordinator,
          created_at: now,
          updated_at: now,
        },
      ])
      .execute();
    const firstSeeds: Seed[] = [
      {
        by: people.coordinator,
        partId: place,
        stance: 'challenge',
        category: 'place',
        label: 'Kælderen i blok 4',
        description: 'En gruppe unge samles om aftenen; beboere føler sig utrygge.',
      },
      {
        by: people.member,
        partId: zone,
        stance: 'challenge',
        category: 'area_sign',
        sign: 'vandalism_burglary',
        label: 'Hærværk ved cykelkælderne',
        description: 'Flere indbrud og ødelagte døre det seneste kvartal.',
      },
      {
        by: people.housing,
        partId: null,
        stance: 'resource',
        category: 'association',
        label: 'Lektiecaféen i beboerhuset',
        description: 'Frivillige hjælper mellemtrinsbørn tirsdag og torsdag.',
      },
    ];
    const secondSeeds: Seed[] = [
      {
        by: people.member,
        partId: place,
        stance: 'challenge',
        category: 'place',
        label: 'Kælderen i blok 4',
        description: 'Gruppen er der stadig; klubben vil prøve at holde åbent om aftenen.',
      },
      {
        by: people.housing,
        partId: null,
        stance: 'resource',
        category: 'positive_connector',
        label: 'Træner i bokseklubben',
        description: 'Har de unges tillid og vil gerne bruges i indsatser.',
        howToReach: 'Via klubbens formand eller i hallen mandag aften',
      },
    ];
    const thirdSeeds: Seed[] = [
      {
        by: people.member,
        partId: place,
        stance: 'challenge',
        category: 'place',
        label: 'Kælderen i blok 4',
        description: 'Færre unge end sidst, efter at klubben har åbnet om aftenen.',
      },
    ];
    const rows = [
      ...firstSeeds.map((s) => contribution(first, s, now)),
      ...secondSeeds.map((s) => contribution(second, s, now)),
      ...thirdSeeds.map((s) => contribution(third, s, now)),
    ];
    await trx.insertInto('area_round_contributions').values(rows).execute();
    const item = (s: Seed): OverviewItem => ({
      key: itemKey({ category: s.category, partId: s.partId, label: s.label }),
      partId: s.partId,
      category: s.category,
      stance: s.stance,
      sign: s.sign ?? null,
      label: s.label,
      description: s.description ?? null,
      howToReach: s.howToReach ?? null,
      sameAs: null,
    });
    const firstItems = firstSeeds.map(item);
    // The second overview carries the first's items on, the second round's replacing by key.
    const secondItems = new Map(firstItems.map((i) => [i.key, i]));
    for (const s of secondSeeds) secondItems.set(item(s).key, item(s));
    await trx
      .insertInto('area_round_overviews')
      .values(
        [
          [first, firstItems],
          [second, [...secondItems.values()]],
        ].map(([roundId, items]) => ({
          round_id: roundId as string,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          items: JSON.stringify(items),
          created_by: people.coordinator,
          updated_by: people.coordinator,
        })),
      )
      .execute();
  });
}

function contribution(roundId: string, s: Seed, now: Date) {
  return {
    id: randomUUID(),
    municipality_code: DEMO_MUNICIPALITY_CODE,
    round_id: roundId,
    contributor_id: s.by,
    part_id: s.partId,
    stance: s.stance,
    category: s.category,
    sign: s.sign ?? null,
    label: s.label,
    description: s.description ?? null,
    how_to_reach: s.howToReach ?? null,
    created_at: now,
    updated_at: now,
  };
}

/** The coordinator, a team member (else the coordinator) and the housing partner (else the member). */
async function contributors(
  trx: Transaction<DB>,
  area: { id: string; team_forum_id: string | null; created_by: string },
) {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['demo.tovholder', 'demo.boligsocial'])
    .execute();
  const coordinator = users.find((u) => u.username === 'demo.tovholder')?.id ?? area.created_by;
  const member =
    area.team_forum_id === null
      ? undefined
      : await trx
          .selectFrom('forum_members')
          .select('user_id')
          .where('forum_id', '=', area.team_forum_id)
          .where('user_id', '!=', coordinator)
          .orderBy('user_id')
          .executeTakeFirst();
  const housing = users.find((u) => u.username === 'demo.boligsocial')?.id;
  const granted =
    housing === undefined
      ? undefined
      : await trx
          .selectFrom('housing_area_partners')
          .select('user_id')
          .where('area_id', '=', area.id)
          .where('user_id', '=', housing)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
  const memberId = member?.user_id ?? coordinator;
  return { coordinator, member: memberId, housing: granted?.user_id ?? memberId };
}
