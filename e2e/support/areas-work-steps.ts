import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import { heading, main } from './session.ts';

/**
 * The area work's part of issue 16's journey (composed by the lead in e2e/housing-areas.e2e.ts):
 * a tool 4a form about a younger brother sent from an area becomes a concern inquiry that the
 * coordinator sees in the inbox with the area's name; an upskilling course for 25 front-line
 * staff is recorded and followed up.
 */
/** As a user with `identify` on the area: the 4a form sent; answers the receipt's reference. */
export async function sendYoungerBrotherForm(
  page: Page,
  journey: Journey,
  areaId: string,
): Promise<string> {
  await page.goto(journey.url(`/boligomraader/${areaId}/identifikation`));
  await heading(page, 2, 'Identifikation af personer').waitFor();
  await main(page)
    .getByRole('button', { name: /Værktøj 4a/ })
    .click();
  await main(page).getByText('Vejledning: Før du udfylder identifikationen').waitFor();
  await expectAxeClean(page);
  const form = main(page);
  await form.getByLabel('Fornavn').fill('Journey Bilal');
  await form.getByLabel('Efternavn').fill('Demosen');
  await form.getByLabel('Alder (anslået)').fill('12');
  await form.getByLabel('Yngre søskende').check();
  await form
    .getByLabel('Taler med beundring om en ældre søskendes overbevisning eller handlinger')
    .check();
  await form
    .getByLabel('Hvad har du observeret?')
    .fill('Gentager sin storebrors udsagn i klubben og har trukket sig fra holdet.');
  await form.getByRole('button', { name: 'Send til kommunen' }).click();
  const receipt = main(page).getByText(/modtaget som bekymringshenvendelse H-/);
  await receipt.waitFor();
  const match = /H-\d{4}-\d+/.exec((await receipt.textContent()) ?? '');
  if (!match) throw new Error('no inquiry reference on the receipt');
  await expectAxeClean(page);
  return match[0];
}

/** As the coordinator: the inbox shows the inquiry with the area and its tool. */
export async function seeInquiryWithArea(
  page: Page,
  journey: Journey,
  reference: string,
  areaName: string,
) {
  await page.goto(journey.url('/henvendelser'));
  const row = main(page).getByRole('row', { name: new RegExp(reference) });
  await row.waitFor();
  await row.getByText(`${areaName} – Kilde: Boligområdemodellen, værktøj 4a`).waitFor();
  await expectAxeClean(page);
}

/** As a team member or manager: an upskilling course for 25 staff, recorded and followed up. */
export async function recordAndFollowUpCourse(page: Page, journey: Journey, areaId: string) {
  await page.goto(journey.url(`/boligomraader/${areaId}/indsatser/ny`));
  await heading(page, 2, 'Ny indsats').waitFor();
  await expectAxeClean(page);
  const form = main(page);
  await form.getByLabel('Type').selectOption('upskilling');
  await form.getByLabel('Titel').fill('Journey: temadag om bekymringstegn for frontpersonale');
  await form.getByLabel('Målgruppe').fill('Frontpersonale i klubber og skoler');
  await form.getByLabel('Planlagt antal deltagere').fill('25');
  await form.getByRole('button', { name: 'Opret indsats' }).click();
  await heading(page, 2, 'Journey: temadag om bekymringstegn for frontpersonale').waitFor();
  await expectAxeClean(page);
  await main(page).getByLabel('Hvad så I?').fill('Temadagen er holdt; materialet er delt.');
  await main(page).getByRole('button', { name: 'Gem opfølgning' }).click();
  await main(page)
    .getByText(/Opfølgning – Temadagen er holdt/)
    .waitFor();
}
