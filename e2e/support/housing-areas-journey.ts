import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { expectAxeClean } from './meetings-steps.ts';
import { heading, logIn, main, openBrowser, type Tab } from './session.ts';

/**
 * What only issue 16's composed journey (e2e/housing-areas.e2e.ts) needs: the area's team forum
 * set on its edit form, a housing partner granted the area, and a contributor's own browser.
 */
export const TEAM_FORUM = 'Nørrevangs områdeteam';
export const PARTNER_NAME = 'Lise Demo-Boligsocial';

/** On the area's first tab, "Redigér boligområdet": the team forum chosen and saved. */
export async function setTeamForum(page: Page, forum = TEAM_FORUM) {
  await main(page).getByRole('button', { name: 'Redigér boligområdet' }).click();
  await heading(page, 2, 'Redigér boligområdet').waitFor();
  await main(page).getByLabel('Områdeteam').selectOption({ label: forum });
  await expectAxeClean(page);
  await main(page).getByRole('button', { name: 'Gem ændringer' }).click();
  await heading(page, 2, 'Redigér boligområdet').waitFor({ state: 'detached' });
  await main(page).locator('dd').getByText(forum, { exact: true }).waitFor();
}

/** In the partners section: the housing partner may contribute and sees the overview. */
export async function grantHousingPartner(page: Page, name = PARTNER_NAME) {
  const form = main(page).locator('form#area-partner');
  await form.getByLabel('Person').selectOption({ label: `${name} (samarbejdspartner)` });
  await form.getByLabel('Må bidrage til kortlægningen').check();
  await form.getByLabel('Må se overblikket over området').check();
  await form.getByRole('button', { name: 'Giv adgang' }).click();
  const row = main(page)
    .getByRole('table', { name: 'Samarbejdspartnere i området' })
    .getByRole('row')
    .filter({ hasText: name });
  await row.waitFor();
  const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
  if (cells[1] !== 'Ja' || cells[2] !== 'Ja') throw new Error(`partner row: ${cells.join(' | ')}`);
  await expectAxeClean(page);
}

/** A user's own browser, logged in on `path`. */
export async function browserOf(journey: Journey, username: string, path: string): Promise<Tab> {
  const tab = await openBrowser(journey);
  await tab.page.goto(journey.url(path));
  await logIn(tab.page, username);
  return tab;
}
