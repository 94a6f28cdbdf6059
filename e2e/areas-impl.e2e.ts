import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startJourney, type Journey } from './support/browser.ts';
import {
  openImplementationFollowUp,
  reviewChecklist,
  updateItemWithEvidence,
} from './support/areas-impl-steps.ts';
import { logIn, openBrowser } from './support/session.ts';

/**
 * Temporary journey of the impl slice (issue 16 part 6); the lead composes its steps into
 * e2e/housing-areas.e2e.ts and deletes this file.
 */
let journey: Journey;
let page: Page;
let errors: string[];

beforeAll(async () => {
  journey = await startJourney();
  ({ page, errors } = await openBrowser(journey));
  await page.goto(journey.url('/boligomraader/implementering'));
  await logIn(page, 'demo.tovholder');
});
afterAll(async () => {
  await journey?.stop();
});

describe('the implementation follow-up in Chromium', () => {
  it('opens the checklist', async () => {
    await openImplementationFollowUp(page, journey);
  });
  it("updates an item's status with evidence and sees its history", async () => {
    await updateItemWithEvidence(page);
  });
  it('reviews the checklist', async () => {
    await reviewChecklist(page);
    expect(errors).toEqual([]);
  });
});
