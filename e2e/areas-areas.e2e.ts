import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startJourney, type Journey } from './support/browser.ts';
import {
  addZonesAndBasement,
  createHousingArea,
  seeAreaInAccessibleList,
} from './support/areas-areas-steps.ts';
import { logIn, openBrowser } from './support/session.ts';

/**
 * Temporary journey of issue 16 part 1 (the lead composes e2e/housing-areas.e2e.ts from the
 * slices' steps and deletes this file): the coordinator records a housing area with its zones
 * and a basement hang-out, and finds them in the map's accessible list.
 */
let journey: Journey;
let page: Page;

beforeAll(async () => {
  journey = await startJourney();
  ({ page } = await openBrowser(journey));
  await page.goto(journey.url('/boligomraader'));
  await logIn(page, 'demo.tovholder');
});
afterAll(async () => {
  await journey?.stop();
});

describe('housing areas: a new area with zones and places in Chromium', () => {
  it('records the area Vestergården with its outline', async () => {
    await createHousingArea(page, journey);
  });
  it('adds three zones and the basement hang-out', async () => {
    await addZonesAndBasement(page);
  });
  it('shows them in the accessible list of the map', async () => {
    await seeAreaInAccessibleList(page);
  });
});
