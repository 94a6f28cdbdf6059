import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import { heading, main } from './session.ts';

/**
 * Issue 16 part 1's steps of the housing-area journey (the lead composes them into
 * e2e/housing-areas.e2e.ts): the coordinator (logged in, on the demo database) records a new
 * housing area "Vestergården" by typing its outline as GeoJSON, adds three zones and a basement
 * hang-out in one of them, and finds them in the map's accessible list. Every new page is axe
 * clean. Shapes lie in a made-up spot of a Danish town (longitude 9.90–9.92, latitude 57.04–57.05).
 */
export const NEW_AREA = 'Vestergården';

const square = (w: number, s: number, e: number, n: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  });

const ZONES = [
  ['Gården mellem blok A og B', 'Zone', square(9.901, 57.041, 9.905, 57.044)],
  ['Indkøbscentret', 'Zone', square(9.906, 57.041, 9.91, 57.044)],
  ['Fodboldmiljøet ved hallen', 'Miljø', square(9.911, 57.045, 9.918, 57.049)],
] as const;
export const BASEMENT = 'Kælderen under blok B';

/** From the list of housing areas, "Nyt boligområde": name and outline, then the area's page. */
export async function createHousingArea(page: Page, journey: Journey): Promise<void> {
  await page.goto(journey.url('/boligomraader'));
  await heading(page, 1, 'Boligområder').waitFor();
  await main(page).getByRole('link', { name: 'Nørrevang' }).waitFor();
  await expectAxeClean(page);
  await main(page).getByRole('link', { name: 'Nyt boligområde' }).click();
  await heading(page, 1, 'Nyt boligområde').waitFor();
  await main(page).getByLabel('Navn', { exact: true }).fill(NEW_AREA);
  await main(page).getByLabel('Kortlægningsrytme').selectOption({ label: 'Hvert kvartal' });
  await main(page)
    .getByLabel('Afgrænsning')
    .fill(square(9.9, 57.04, 9.92, 57.05));
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Opret boligområde' }).click();
  await heading(page, 1, NEW_AREA).waitFor();
  await main(page).getByRole('heading', { name: 'Zoner og steder' }).waitFor();
  await expectAxeClean(page);
}

async function addPart(
  page: Page,
  part: { level: string; kind: string; zone?: string; name: string; shape: string },
) {
  const form = main(page).locator('form#area-part');
  await form.getByLabel('Niveau').selectOption({ label: part.level });
  await form.getByLabel('Type').selectOption({ label: part.kind });
  if (part.zone) await form.getByLabel('Zone', { exact: true }).selectOption({ label: part.zone });
  await form.getByLabel('Navn', { exact: true }).fill(part.name);
  await form.getByLabel('Placering').fill(part.shape);
  await form.getByRole('button', { name: 'Tilføj' }).click();
  await main(page)
    .getByRole('table', { name: 'Zoner og steder' })
    .getByRole('cell', { name: part.name, exact: true })
    .waitFor();
}

/** On the area's first tab: three zones (one an environment) and the basement hang-out. */
export async function addZonesAndBasement(page: Page): Promise<void> {
  for (const [name, kind, shape] of ZONES) {
    await addPart(page, { level: 'Zone eller miljø', kind, name, shape });
  }
  await addPart(page, {
    level: 'Konkret sted',
    kind: 'Opholdssted',
    zone: ZONES[0][0],
    name: BASEMENT,
    shape: JSON.stringify({ type: 'Point', coordinates: [9.903, 57.0425] }),
  });
  await expectAxeClean(page);
}

/** The map's accessible list holds the same zones and the place. */
export async function seeAreaInAccessibleList(page: Page): Promise<void> {
  const list = main(page).getByRole('table', { name: `Kort over ${NEW_AREA}` });
  for (const name of [...ZONES.map(([zone]) => zone), BASEMENT]) {
    await list.getByRole('cell', { name, exact: true }).waitFor();
  }
  await expectAxeClean(page);
}
