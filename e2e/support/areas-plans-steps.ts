import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { DEMO_MUNICIPALITY_CODE } from '../../server/demo/seed.ts';
import type { DB } from '../../server/platform/db/schema.ts';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import { heading, logIn, main } from './session.ts';

/**
 * Issue 16 part 4 in the journey: the area's team writes a new version of the area analysis and
 * of the area action plan — a goal using a positive connector a mapping round found — submits the
 * plan, a second coordinator approves it (four-eyes), and a goal is followed up. On the demo
 * database, the area found by name ("Nørrevang").
 */
export const CONNECTOR = 'Træneren i bokseklubben';
export const NEW_GOAL = 'Fællesspisning i beboerhuset hver måned';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [12.5, 55.6],
      [12.51, 55.6],
      [12.51, 55.61],
      [12.5, 55.61],
      [12.5, 55.6],
    ],
  ],
};

/**
 * What earlier slices make (used by the temporary journey file only): Nørrevang with its team
 * (demo.tovholder and demo.tovholder2), a zone, and a round that found the boxing club's trainer.
 * Left as it is when there.
 */
export async function prepareNorrevang(db: Kysely<DB>): Promise<void> {
  const code = DEMO_MUNICIPALITY_CODE;
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['demo.tovholder', 'demo.tovholder2'])
    .execute();
  const author = users.find((u) => u.username === 'demo.tovholder2')!.id;
  let area = await db
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', code)
    .where('name', '=', 'Nørrevang')
    .executeTakeFirst();
  if (!area) {
    const forum = await db
      .insertInto('forums')
      .values({ municipality_code: code, name: 'Nørrevangs områdeteam', kind: 'housing_area' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('forum_members')
      .values(users.map((u) => ({ forum_id: forum.id, user_id: u.id })))
      .execute();
    area = { id: randomUUID() };
    await db
      .insertInto('housing_areas')
      .values({
        id: area.id,
        municipality_code: code,
        name: 'Nørrevang',
        geometry: JSON.stringify(SQUARE),
        team_forum_id: forum.id,
        cadence: 'quarterly',
        created_by: author,
      })
      .execute();
    await db
      .insertInto('housing_area_parts')
      .values({
        id: randomUUID(),
        area_id: area.id,
        level: 'zone',
        kind: 'zone',
        name: 'Gården ved blok 4',
        geometry: JSON.stringify(SQUARE),
        created_by: author,
      })
      .execute();
  }
  const found = await db
    .selectFrom('area_round_contributions as c')
    .innerJoin('area_rounds as r', 'r.id', 'c.round_id')
    .select('c.id')
    .where('r.area_id', '=', area.id)
    .where('c.category', '=', 'positive_connector')
    .where('c.label', '=', CONNECTOR)
    .executeTakeFirst();
  if (found) return;
  const last = await db
    .selectFrom('area_rounds')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('area_id', '=', area.id)
    .executeTakeFirst();
  const roundId = randomUUID();
  await db
    .insertInto('area_rounds')
    .values({
      id: roundId,
      area_id: area.id,
      number: Number(last?.n ?? 0) + 1,
      status: 'systematised',
      due_on: '2026-09-01',
      opened_by: author,
    })
    .execute();
  await db
    .insertInto('area_round_contributions')
    .values({
      id: randomUUID(),
      round_id: roundId,
      contributor_id: author,
      stance: 'resource',
      category: 'positive_connector',
      label: CONNECTOR,
      how_to_reach: 'via klubbens formand',
    })
    .execute();
}

/** The id of the demo area Nørrevang. */
export async function norrevangId(db: Kysely<DB>): Promise<string> {
  const area = await db
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('name', '=', 'Nørrevang')
    .executeTakeFirstOrThrow();
  return area.id;
}

/** A date `days` ahead in Denmark, as the forms take it: dd.mm.åååå. */
function formDate(days: number): string {
  const [y, m, d] = new Date(Date.now() + days * 86_400_000)
    .toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' })
    .split('-');
  return `${d}.${m}.${y}`;
}

/** As demo.tovholder2 (on the area's team): a new version of the analysis, naming the connector. */
export async function writeAreaAnalysis(page: Page, journey: Journey, areaId: string) {
  await page.goto(journey.url(`/boligomraader/${areaId}/analyse`));
  await heading(page, 2, 'Områdeanalyse').waitFor();
  await expectAxeClean(page);
  await main(page)
    .getByRole('button', { name: /^(Start en ny version|Skriv områdeanalysen)$/ })
    .click();
  await main(page).getByRole('button', { name: 'Tilføj en gruppe' }).click();
  await main(page).getByLabel('Gruppen', { exact: true }).last().fill('Unge 18–24 år i kælderen');
  await main(page)
    .getByRole('checkbox', { name: new RegExp(CONNECTOR) })
    .check();
  await main(page)
    .getByLabel('Opsummering')
    .fill('Kælderen i blok 4 er samlingssted om aftenen; bokseklubben er den stærkeste ressource.');
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Gem', exact: true }).click();
  await main(page).getByText('Analysen er gemt.').waitFor();
  await main(page)
    .getByText(/Kælderen i blok 4 er samlingssted/)
    .waitFor();
}

/** As demo.tovholder2: a new version of the plan with a goal using the connector, submitted. */
export async function writeAreaPlan(page: Page, journey: Journey, areaId: string) {
  await page.goto(journey.url(`/boligomraader/${areaId}/analyse/handleplan`));
  await heading(page, 2, 'Områdehandleplan').waitFor();
  await main(page)
    .getByRole('button', { name: /^(Start en ny version|Skriv en områdehandleplan)$/ })
    .click();
  await main(page)
    .getByLabel('Hvad skal ske først?')
    .fill('Tryghed i kælderen og gården om aftenen.');
  await main(page).getByRole('button', { name: 'Tilføj et mål' }).click();
  const goal = main(page)
    .getByRole('group', { name: /^Mål \d+$/ })
    .last();
  await goal.getByLabel('Målet').fill(NEW_GOAL);
  await goal.getByLabel('Ansvarlig').selectOption({ label: 'En rolle eller organisation' });
  await goal.getByLabel('Rolle eller organisation').fill('Beboerhusets leder');
  await goal.getByLabel('Frist').fill(formDate(90));
  await goal.getByRole('checkbox', { name: new RegExp(CONNECTOR) }).check();
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Gem og send til godkendelse' }).click();
  await main(page).getByText('Planen er sendt til godkendelse.').waitFor();
  // The author cannot approve it: four-eyes.
  await main(page)
    .getByText(/skal godkendes af en anden koordinator/)
    .waitFor();
}

/** demo.tovholder, the second coordinator, approves the submitted plan. */
export async function approveAreaPlan(page: Page, journey: Journey, areaId: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Log ud' }).click();
  await logIn(page, 'demo.tovholder');
  await page.goto(journey.url(`/boligomraader/${areaId}/analyse/handleplan`));
  await main(page).getByRole('button', { name: 'Godkend planen' }).click();
  await main(page).getByText('Planen er godkendt.').waitFor();
}

/** The new goal followed up on the approved plan: in progress, with its history. */
export async function followUpAreaGoal(page: Page) {
  await main(page)
    .getByRole('button', { name: `Følg op på målet »${NEW_GOAL}«` })
    .click();
  await main(page).getByLabel('Status').selectOption({ label: 'I gang' });
  await main(page).getByLabel('Note').fill('Første fællesspisning holdt; 40 beboere kom.');
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Gem opfølgningen' }).click();
  await main(page).getByText('Opfølgninger (1)').last().waitFor();
}
