import type { Page } from 'playwright-core';

/**
 * The map's part of the housing-area journey (issue 16 part 1), for the lead's composed
 * `e2e/housing-areas.e2e.ts`: filling a GeometryField by typing coordinates or importing GeoJSON
 * text, and reading the map's accessible list. Each step uses the Danish labels the components
 * render and waits for what the product shows, never a fixed time.
 */

/** Types coordinates (latitude, longitude; one point a line) into the field labelled `label`. */
export async function typeCoordinates(page: Page, label: string, points: [number, number][]) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(points.map(([lat, lon]) => `${String(lat)}, ${String(lon)}`).join('\n'));
  await box.blur();
  // The preview appears once the shape is accepted by the same rules the server uses.
  await page
    .getByRole('img', { name: /^Forhåndsvisning af formen/ })
    .first()
    .waitFor();
}

/**
 * Imports GeoJSON text into the field whose coordinates box is labelled `label`: opens "Indlæs
 * GeoJSON i stedet" right after it, pastes and imports, and waits for the coordinates to fill.
 */
export async function importGeoJsonText(page: Page, label: string, geojson: unknown) {
  const field = page
    .locator('.area-map__field')
    .filter({ has: page.getByLabel(label, { exact: true }) });
  await field.getByText('Indlæs GeoJSON i stedet', { exact: true }).click();
  await field.getByLabel('Eller indsæt GeoJSON-tekst').fill(JSON.stringify(geojson));
  await field.getByRole('button', { name: 'Indlæs GeoJSON', exact: true }).click();
  await field
    .getByRole('status')
    .filter({ hasText: /GeoJSON er indlæst/ })
    .waitFor();
}

/** The Danish problem said under the field labelled `label`, if any. */
export async function fieldProblem(page: Page, label: string): Promise<string | null> {
  const field = page
    .locator('.area-map__field')
    .filter({ has: page.getByLabel(label, { exact: true }) });
  const message = field.locator('.form-error-message').first();
  return (await message.count())
    ? ((await message.textContent()) ?? '').replace(/^Fejl:\s*/, '')
    : null;
}

/**
 * Waits for the accessible list of the area's map ("Steder i <area>") to hold a row named `name`,
 * and returns the row's cells: level, kind, name, zone, position.
 */
export async function expectPlaceRow(page: Page, areaName: string, name: string) {
  const table = page.getByRole('table', { name: `Steder i ${areaName}`, exact: true });
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await row.waitFor();
  return (await row.locator('th, td').allTextContents()).map((cell) => cell.trim());
}

/** Waits for the drawn map beside the list (its accessible name names the area). */
export async function expectMapShown(page: Page, areaName: string) {
  await page.getByRole('region', { name: new RegExp(`^Kort over ${areaName}\\.`) }).waitFor();
  // No tile server in the demo: no image from anywhere but the app itself.
  const foreign = await page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => !entry.name.startsWith(location.origin)).length,
  );
  if (foreign > 0) throw new Error(`the map asked ${String(foreign)} other servers`);
}
