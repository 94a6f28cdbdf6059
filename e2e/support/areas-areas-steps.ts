import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import {
  expectMapShown,
  expectPlaceRow,
  importGeoJsonText,
  typeCoordinates,
} from './areas-map-steps.ts';
import { heading, main, UUID } from './session.ts';

/**
 * Issue 16 part 1's steps of the housing-area journey (e2e/housing-areas.e2e.ts): the coordinator
 * (logged in, on the demo database) records a new housing area "Vestergården" by typing its
 * outline's coordinates into the map's shape field, adds three zones (one imported as GeoJSON
 * text) and a basement hang-out in one of them, and finds them in the map's accessible list.
 * Every new page is axe clean. Shapes lie in a made-up spot of a Danish town (longitude
 * 9.90–9.92, latitude 57.04–57.05).
 */
export const NEW_AREA = 'Vestergården';

/** The corners of a rectangle as the field takes them: latitude, longitude. */
const corners = (w: number, s: number, e: number, n: number): [number, number][] => [
  [s, w],
  [s, e],
  [n, e],
  [n, w],
];

const ZONES = [
  ['Gården mellem blok A og B', 'Zone', corners(9.901, 57.041, 9.905, 57.044)],
  ['Indkøbscentret', 'Zone', corners(9.906, 57.041, 9.91, 57.044)],
  ['Fodboldmiljøet ved hallen', 'Miljø', corners(9.911, 57.045, 9.918, 57.049)],
] as const;
export const BASEMENT = 'Kælderen under blok B';

/**
 * From the list of housing areas, "Nyt boligområde": name, quarterly cadence and the outline's
 * typed coordinates, then the area's page. Answers the new area's id.
 */
export async function createHousingArea(page: Page, journey: Journey): Promise<string> {
  await page.goto(journey.url('/boligomraader'));
  await heading(page, 1, 'Boligområder').waitFor();
  await main(page).getByRole('link', { name: 'Nørrevang' }).waitFor();
  await expectAxeClean(page);
  await main(page).getByRole('link', { name: 'Nyt boligområde' }).click();
  await heading(page, 1, 'Nyt boligområde').waitFor();
  await main(page).getByLabel('Navn', { exact: true }).fill(NEW_AREA);
  await main(page).getByLabel('Kortlægningsrytme').selectOption({ label: 'Hvert kvartal' });
  await typeCoordinates(page, 'Afgrænsning', corners(9.9, 57.04, 9.92, 57.05));
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Opret boligområde' }).click();
  await heading(page, 1, NEW_AREA).waitFor();
  await main(page).getByRole('heading', { name: 'Zoner og steder' }).waitFor();
  await expectAxeClean(page);
  const id = UUID.exec(new URL(page.url()).pathname)?.[0];
  if (!id) throw new Error(`no area id in ${page.url()}`);
  return id;
}

async function addPart(
  page: Page,
  part: { level: string; kind: string; zone?: string; name: string },
  shape: (page: Page) => Promise<void>,
) {
  const form = main(page).locator('form#area-part');
  await form.getByLabel('Niveau').selectOption({ label: part.level });
  await form.getByLabel('Type').selectOption({ label: part.kind });
  if (part.zone) await form.getByLabel('Zone', { exact: true }).selectOption({ label: part.zone });
  await form.getByLabel('Navn', { exact: true }).fill(part.name);
  await shape(page);
  await form.getByRole('button', { name: 'Tilføj' }).click();
  await main(page)
    .getByRole('table', { name: 'Zoner og steder' })
    .getByRole('cell', { name: part.name, exact: true })
    .waitFor();
}

/** On the area's first tab: three zones (the last imported as GeoJSON text) and the basement. */
export async function addZonesAndBasement(page: Page): Promise<void> {
  for (const [index, [name, kind, points]] of ZONES.entries()) {
    await addPart(page, { level: 'Zone eller miljø', kind, name }, async () => {
      if (index < ZONES.length - 1) return typeCoordinates(page, 'Placering', [...points]);
      const ring = [...points, ...points.slice(0, 1)].map(([lat, lon]) => [lon, lat]);
      await importGeoJsonText(page, 'Placering', { type: 'Polygon', coordinates: [ring] });
    });
  }
  await addPart(
    page,
    { level: 'Konkret sted', kind: 'Opholdssted', zone: ZONES[0][0], name: BASEMENT },
    () => typeCoordinates(page, 'Placering', [[57.0425, 9.903]]),
  );
  await expectAxeClean(page);
}

/** The map's accessible list ("Steder i Vestergården") holds the zones and the place; the map is drawn. */
export async function seeAreaInAccessibleList(page: Page): Promise<void> {
  for (const [zone] of ZONES) await expectPlaceRow(page, NEW_AREA, zone);
  const basement = await expectPlaceRow(page, NEW_AREA, BASEMENT);
  if (!basement.includes(ZONES[0][0])) throw new Error(`the basement row: ${basement.join(' | ')}`);
  await expectMapShown(page, NEW_AREA);
  await expectAxeClean(page);
}
