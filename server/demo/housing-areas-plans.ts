import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { connectorsOf } from '../modules/area-rounds/queries-connectors.ts';
import { areaPartsOf } from '../modules/housing-areas/queries-parts.ts';
import { DEMO_MUNICIPALITY_CODE } from './seed.ts';

/**
 * The demo's area analysis and approved area action plan on "Nørrevang" (issue 16 part 4): an
 * analysis naming a zone and the positive connector the rounds found (when the areas' and the
 * rounds' demo data are there), a plan with three goals — one using that connector — written by
 * demo.tovholder2 and approved by demo.tovholder (four-eyes), and one goal followed up. All
 * fictional, about places, groups and roles. Seeds nothing without the area; once seeded (the
 * area has an analysis) it is left as it is.
 */
export async function seedDemoAreaPlans(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411961)`.execute(trx);
    const area = await trx
      .selectFrom('housing_areas')
      .select(['id', 'team_forum_id'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', 'Nørrevang')
      .executeTakeFirst();
    if (!area) return;
    const done = await trx
      .selectFrom('area_analyses')
      .select('id')
      .where('area_id', '=', area.id)
      .executeTakeFirst();
    if (done) return;
    const users = await trx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['demo.tovholder', 'demo.tovholder2'])
      .execute();
    const author = users.find((u) => u.username === 'demo.tovholder2')?.id;
    const approver = users.find((u) => u.username === 'demo.tovholder')?.id;
    if (!author || !approver) return;

    const zones = (await areaPartsOf(trx, DEMO_MUNICIPALITY_CODE, area.id)).filter(
      (p) => p.level === 'zone',
    );
    const connector = (await connectorsOf(trx, DEMO_MUNICIPALITY_CODE, area.id)).find(
      (c) => c.category === 'positive_connector',
    );
    await trx
      .insertInto('area_analyses')
      .values({
        id: randomUUID(),
        area_id: area.id,
        number: 1,
        based_on_id: null,
        content: JSON.stringify({
          groups: [
            {
              key: randomUUID(),
              label: 'Drenge 14–17 år ved indkøbscentret om aftenen',
              description:
                'En gruppe, der samles ved kiosken efter lukketid; naboer oplever utryghed.',
            },
          ],
          zoneIds: zones.slice(0, 1).map((z) => z.id),
          environments: 'Et lukket online-fællesskab, som nogle af de unge nævner i klubben.',
          connectorIds: connector ? [connector.id] : [],
          areaSigns: ['vandalism_burglary', 'young_people_at_risk_of_crime'],
          groupSigns: ['distances_from_neighbourhood'],
          summary:
            'Utrygheden samler sig om gården og indkøbscentret om aftenen. Bokseklubben og fritidsjob er de stærkeste ressourcer.',
        }),
        created_by: author,
        updated_by: author,
      })
      .execute();

    const planId = randomUUID();
    const goalKeys = [randomUUID(), randomUUID(), randomUUID()];
    const day = (offset: number) =>
      new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await trx
      .insertInto('area_action_plans')
      .values({
        id: planId,
        area_id: area.id,
        number: 1,
        based_on_id: null,
        status: 'approved',
        reflection: JSON.stringify({
          first: 'Tryghed i gården om aftenen, før der sættes ind over for enkelte.',
          efforts:
            'Området: lys og aktiviteter. Familier: forældrenetværk. Fagpersoner: opkvalificering.',
          responsibility: 'Områdeteamet med Boligselskabets boligsociale medarbejdere.',
          connectors: 'Bokseklubbens træner inviterer gruppen til åben træning.',
        }),
        goals: JSON.stringify([
          {
            key: goalKeys[0],
            title: 'Åben træning i bokseklubben to aftener om ugen',
            description: null,
            responsibleUserId: null,
            responsibleRole: 'Bokseklubbens formand',
            dueOn: day(90),
            reviewOn: day(30),
            connectorIds: connector ? [connector.id] : [],
            connectors: connector ? [connector] : [],
          },
          {
            key: goalKeys[1],
            title: 'Forældrenetværk i blok 4 og 6',
            description: 'To forældremøder i beboerhuset.',
            responsibleUserId: author,
            responsibleRole: null,
            dueOn: day(120),
            reviewOn: day(-3),
            connectorIds: [],
          },
          {
            key: goalKeys[2],
            title: 'Bedre belysning i gården',
            description: null,
            responsibleUserId: null,
            responsibleRole: 'Boligselskabet',
            dueOn: day(60),
            reviewOn: null,
            connectorIds: [],
          },
        ]),
        created_by: author,
        updated_by: author,
        submitted_by: author,
        submitted_at: new Date(now.getTime() - 7 * 86_400_000),
        approved_by: approver,
        approved_at: new Date(now.getTime() - 5 * 86_400_000),
      })
      .execute();
    await trx
      .insertInto('area_plan_goal_follow_ups')
      .values({
        id: randomUUID(),
        area_id: area.id,
        plan_id: planId,
        goal_key: goalKeys[0]!,
        status: 'in_progress',
        note: 'Første aften holdt; seks unge kom.',
        recorded_on: day(-2),
        next_review_on: day(28),
        recorded_by: author,
      })
      .execute();
  });
}
