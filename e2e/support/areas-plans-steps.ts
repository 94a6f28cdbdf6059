import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import { heading, main } from './session.ts';

/**
 * Issue 16 part 4 in the journey: the area's team writes a new version of the area analysis and
 * of the area action plan — a goal using a positive connector a mapping round found — submits the
 * plan, a second coordinator approves it (four-eyes), and a goal is followed up.
 */
export const CONNECTOR = 'Træneren i bokseklubben';
export const NEW_GOAL = 'Fællesspisning i beboerhuset hver måned';

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
    .fill(
      'Kælderen under blok B er samlingssted om aftenen; bokseklubben er den stærkeste ressource.',
    );
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Gem', exact: true }).click();
  await main(page).getByText('Analysen er gemt.').waitFor();
  await main(page)
    .getByText(/Kælderen under blok B er samlingssted/)
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

/** A second coordinator (logged in on `page`, not the author) approves the submitted plan. */
export async function approveAreaPlan(page: Page, journey: Journey, areaId: string) {
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
