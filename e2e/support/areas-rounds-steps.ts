import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { DEMO_MUNICIPALITY_CODE } from '../../server/demo/seed.ts';
import type { DB } from '../../server/platform/db/schema.ts';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';

/**
 * Mapping rounds in the housing-area journey (issue 16 part 2): on the demo area (found by name)
 * rounds are started, three contributors (the coordinator, a team member, the housing partner —
 * each logged in by the journey) add what they know, the coordinator closes and systematises
 * each round, and the second overview shows what changed since the first. Danish labels, the
 * product's own waits, axe on each new page.
 */
export interface RoundContribution {
  category:
    | 'Ressourceperson'
    | 'Positiv forbinder'
    | 'Forening eller fællesskab'
    | 'Sted'
    | 'Tegn i området'
    | 'Tegn hos en gruppe'
    | 'Andet';
  stance: 'udfordring' | 'ressource';
  label: string;
  description?: string;
  howToReach?: string;
  sign?: string;
}

/** The demo area's id by its name (Nørrevang), for the journey's set-up. */
export async function areaIdByName(db: Kysely<DB>, name = 'Nørrevang'): Promise<string> {
  const row = await db
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Opens the area's rounds tab (its heading); the page must be axe-clean. */
export async function openRounds(journey: Journey, page: Page, areaId: string) {
  await page.goto(journey.url(`/boligomraader/${areaId}/kortlaegning`));
  await page.getByRole('heading', { level: 2, name: 'Kortlægningsrunder' }).waitFor();
  await expectAxeClean(page);
}

/** Starts a round with participants by role; answers when its row is listed. */
export async function startRound(page: Page, number: number, participants: string) {
  await page.getByLabel('Deltagere').fill(participants);
  await page.getByRole('button', { name: 'Start runden', exact: true }).click();
  await page.getByRole('link', { name: `Runde ${number}`, exact: true }).waitFor();
}

/** Opens round `number` from the list. */
export async function openRound(page: Page, number: number) {
  await page.getByRole('link', { name: `Runde ${number}`, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^Runde ${number} –`) }).waitFor();
  await expectAxeClean(page);
}

/** Adds a contribution on the open round page; answers when it is listed. */
export async function contribute(page: Page, c: RoundContribution) {
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: c.category });
  await page.getByRole('radio', { name: c.stance, exact: true }).check();
  if (c.sign) await page.getByLabel('Tegn', { exact: true }).selectOption({ label: c.sign });
  await page.getByLabel('Kort betegnelse').fill(c.label);
  if (c.description) await page.getByLabel('Beskrivelse').fill(c.description);
  if (c.howToReach) await page.getByLabel('Sådan kommer vi i kontakt').fill(c.howToReach);
  await page.getByRole('button', { name: 'Gem bidraget', exact: true }).click();
  await page.getByText(c.label, { exact: true }).first().waitFor();
}

/** Closes the open round and systematises every proposed item; answers on the overview. */
export async function closeAndSystematise(page: Page, number: number) {
  await page.getByRole('button', { name: 'Luk runden for bidrag', exact: true }).click();
  await page.getByRole('link', { name: 'Systematisér til områdeoverblik', exact: true }).click();
  await page.getByRole('heading', { level: 3, name: 'Systematisér runden' }).waitFor();
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Gem områdeoverblikket', exact: true }).click();
  await page.getByRole('table', { name: `Områdeoverblikket efter runde ${number}` }).waitFor();
}

/** The overview's "Ændret siden sidste runde": each label's change said in words. */
export async function expectChanges(
  page: Page,
  changes: { label: string; change: 'Nyt' | 'Forsvundet' | 'Ændret' | 'Uændret' }[],
) {
  await page.getByRole('heading', { level: 3, name: /^Ændret siden sidste runde/ }).waitFor();
  for (const { label, change } of changes) {
    const row = page.getByRole('row').filter({ hasText: label });
    await row.getByText(change, { exact: true }).waitFor();
  }
  await expectAxeClean(page);
}
