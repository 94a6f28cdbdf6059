import type { Page } from 'playwright-core';
import { addDays } from '../../server/modules/follow-ups/schedule.ts';
import { danishToday } from '../../server/modules/cases/chronology.ts';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import { heading, main } from './session.ts';

/**
 * Issue 16 part 6 in the browser, on the demo database (Demo Kommune's checklist is partly
 * filled by server/demo/housing-areas-implementation.ts): the coordinator (demo.tovholder,
 * logged in) opens the implementation follow-up, updates an item's status with evidence, sees
 * the change in the item's history, and reviews the checklist. Needs no housing area.
 */

/** `dd.mm.åååå` of a day `days` from today (Danish time). */
const danishDay = (days: number) => {
  const [y, m, d] = addDays(danishToday(new Date()), days).split('-');
  return `${d}.${m}.${y}`;
};

/** Opens /boligomraader/implementering: the checklist grouped by the model's parts. */
export async function openImplementationFollowUp(page: Page, journey: Journey) {
  await page.goto(journey.url('/boligomraader/implementering'));
  await heading(page, 1, 'Opfølgning på implementering').waitFor();
  await main(page).getByRole('table', { name: 'Del 1: Det tværfaglige samarbejde' }).waitFor();
  await main(page)
    .getByRole('row', { name: /Samarbejdet er forankret i ledelsen.*På plads/ })
    .waitFor();
  await expectAxeClean(page);
}

/** Sets "Møderne har en fast form" in place with evidence; the history shows under way → in place. */
export async function updateItemWithEvidence(page: Page) {
  await main(page).getByRole('link', { name: 'Møderne har en fast form' }).click();
  await heading(page, 1, 'Møderne har en fast form').waitFor();
  await main(page).getByRole('radio', { name: 'På plads' }).check();
  await main(page)
    .getByRole('textbox', { name: 'Dokumentation' })
    .fill('Drejebog for områdemøder godkendt i styregruppen');
  await main(page)
    .getByRole('textbox', { name: /Næste gennemgang/ })
    .fill(danishDay(90));
  await main(page).getByRole('button', { name: 'Gem punktet' }).click();
  await main(page).getByText('Punktet er gemt.').waitFor();
  const history = main(page).getByRole('table', { name: 'Historik' });
  await history.getByRole('row', { name: /Status: I gang → På plads/ }).waitFor();
  await expectAxeClean(page);
}

/** "Gennemgå tjeklisten": a conclusion and the next date; back on the checklist, the review shows. */
export async function reviewChecklist(page: Page) {
  await main(page).getByRole('link', { name: 'Tilbage til tjeklisten' }).click();
  await main(page).getByRole('link', { name: 'Gennemgå tjeklisten' }).click();
  await heading(page, 1, 'Gennemgå tjeklisten').waitFor();
  await main(page).getByRole('table', { name: 'Tidligere gennemgange' }).waitFor();
  await expectAxeClean(page);
  await main(page)
    .getByRole('textbox', { name: 'Konklusion' })
    .fill('Møderne har nu en fast drejebog. Næste skridt: kadencen for kortlægning.');
  await main(page)
    .getByRole('textbox', { name: /Næste gennemgang/ })
    .fill(danishDay(120));
  await main(page).getByRole('button', { name: 'Registrér gennemgangen' }).click();
  await heading(page, 1, 'Opfølgning på implementering').waitFor();
  await main(page)
    .getByText(`Næste gennemgang: ${danishDay(120)}.`)
    .waitFor();
}
