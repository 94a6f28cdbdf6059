import { expect } from 'vitest';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { runCaseWorkJob } from '../../server/jobs/case-work.ts';
import type { Journey } from './browser.ts';
import { heading, main } from './session.ts';

/**
 * What the journeys that close a case share (e2e/copenhagen.e2e.ts, e2e/younger-sibling.e2e.ts):
 * approving a proposed closure, half a year passing until the first re-review, and the re-review
 * that confirms the closure.
 */

/**
 * On the closure tab: the proposal waiting for approval, where an intervention (its row matched
 * by `continuing`) goes on outside the case, is approved, and the case is closed.
 */
export async function approveWaitingProposal(page: Page, continuing: RegExp) {
  await heading(page, 2, 'Afslutning og genvurdering').waitFor();
  const proposal = page.getByRole('article', {
    name: /^Indstilling .* – venter på godkendelse$/,
  });
  await proposal
    .getByRole('table', { name: 'Indsatserne ved afslutningen' })
    .getByRole('row', { name: continuing })
    .getByText('Fortsætter uden for sagen')
    .waitFor();
  await proposal.getByRole('button', { name: 'Godkend afslutning' }).click();
  await page.getByRole('article', { name: /^Indstilling .* – godkendt$/ }).waitFor();
  await main(page)
    .getByText(/^Sagen blev afsluttet .*Den genvurderes 6 og 12 måneder/)
    .waitFor();
}

/**
 * Six months on, with the server stopped: the case's scheduled re-reviews move half a year
 * nearer (three days more, so one due on the 31st is not still ahead), and the case-work job
 * finds the first one due, which puts the case under re-review.
 */
export async function sixMonthsLater(journey: Journey, caseId: string) {
  await journey.offline(async (db) => {
    await db
      .updateTable('case_reviews')
      .set({ due_on: sql`(due_on - interval '6 months' - interval '3 days')::date` })
      .where('case_id', '=', caseId)
      .where('status', '=', 'scheduled')
      .execute();
    const result = await runCaseWorkJob(db, new Date());
    expect(result.reviewsDue).toBe(1);
  });
}

/** On the closure tab: the six-month re-review confirms the closure, with a remark. */
export async function confirmSixMonthReview(page: Page, remark: string) {
  const form = page
    .locator('form.closure-review')
    .filter({ has: page.getByRole('heading', { name: /^Genvurdering efter 6 måneder/ }) });
  await form.waitFor();
  await form.getByRole('radio', { name: 'Bekræft afslutningen' }).check();
  await form.getByLabel('Bemærkning (valgfrit)').fill(remark);
  await form
    .getByRole('group', { name: 'Vurderes borgeren ikke længere at være i risiko?' })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await form.getByRole('button', { name: 'Gem genvurderingen' }).click();
  // The form goes away with the review it recorded; the page says it was saved.
  await form.waitFor({ state: 'detached' });
  await main(page).getByText('Genvurderingen er gemt.').waitFor();
}
