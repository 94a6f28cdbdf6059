import { expect } from 'vitest';
import { seriousA11yViolations } from './browser.ts';
import { danishDaysAgo } from './copenhagen.ts';
import { caseUrl, openTab, unexpected } from './copenhagen-story.ts';
import { heading, h1, main, pathname } from './session.ts';
import {
  BROTHER,
  FAMILY,
  GIRL,
  MOTHER,
  SECOND_COORDINATOR,
  workListTask,
  type SiblingStory,
} from './younger-sibling.ts';

/**
 * The younger-sibling journey's third phase: the start page lists the follow-up due this week as
 * a link to the case; Find person finds the girl by her CPR number (exact, never in the address)
 * and the family by name; the overview shows the case with its status, coordinators and open
 * interventions, and finds it by the girl's name.
 * Each step goes on from where the one before it left the story (e2e/younger-sibling.e2e.ts).
 */

/** Step: a follow-up planned for today is on the start page's work list, as a link to the case. */
export async function followUpOnStartPage(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  await page.goto(caseUrl(story));
  await h1(page, `Sag ${story.caseReference}`).waitFor();
  await openTab(page, 'Opfølgning', 'Opfølgning');
  const schedule = page.getByRole('region', { name: 'Planlæg opfølgning' });
  await schedule.getByLabel('Dato for opfølgningen').fill(danishDaysAgo(0));
  await schedule.getByRole('button', { name: 'Planlæg opfølgning' }).click();
  await main(page)
    .getByText(`Opfølgningen den ${danishDaysAgo(0)} er planlagt.`)
    .waitFor();

  const task = await workListTask(
    page,
    story.journey,
    'Forfalder denne uge',
    `Opfølgning i ${story.caseReference}`,
  );
  await task.click();
  await heading(page, 2, 'Opfølgning').waitFor();
  expect(pathname(page)).toBe(`/sager/${story.caseId}/opfoelgning`);
  expect(errors).toEqual([]);
}

/** Step: Find person finds the girl by her CPR number and the family by their name. */
export async function findPersons(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .first()
    .getByRole('link', { name: 'Find person' })
    .click();
  await h1(page, 'Find person').waitFor();
  const results = page.getByRole('table', {
    name: 'Personer, der passer til søgningen, nyeste registrering først',
  });
  const count = page.getByRole('status').filter({ hasText: /^Viser \d+ person/ });

  // A CPR number that is no date is said on the field, and nothing is searched.
  await page.getByLabel('CPR-nummer').fill('311312-4218');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Der er problemer' })
    .getByRole('link', { name: /^CPR-nummer: / })
    .waitFor();
  expect(await page.getByLabel('CPR-nummer').getAttribute('aria-invalid')).toBe('true');
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;

  await page.getByLabel('CPR-nummer').fill(FAMILY.girl.cpr);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await count.getByText('Viser 1 person.').waitFor();
  const girl = results.getByRole('row', { name: new RegExp(GIRL) });
  await girl.getByRole('link', { name: story.caseReference }).waitFor();
  // The school's inquiry is decided: no open inquiry is left to show.
  expect((await girl.getByRole('cell').last().innerText()).trim()).toBe('Ingen');
  // The search went in the request body: neither the number nor the name is in the address.
  expect(page.url()).not.toContain(FAMILY.girl.cpr.slice(0, 6));
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel('CPR-nummer').fill('');
  await page.getByLabel('Navn').fill(FAMILY.girl.family);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await count.getByText('Viser 3 personer.').waitFor();
  for (const name of [GIRL, MOTHER, BROTHER]) {
    await results
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('link', { name: story.caseReference })
      .waitFor();
  }
  expect(page.url()).not.toContain(FAMILY.girl.family);
  expect(errors).toEqual([]);
}

/** Step: the overview shows the case with its status and coordinators, and finds it by name. */
export async function caseOverview(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .first()
    .getByRole('link', { name: 'Sager' })
    .click();
  await h1(page, 'Sager').waitFor();
  const table = page.getByRole('table', { name: 'Dine sager' });
  const row = table.getByRole('row', { name: new RegExp(story.caseReference) });
  await row.waitFor();
  // Reference, citizen, status, concern, coordinators, next follow-up, open interventions,
  // last contact, opened, the user's role.
  const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
  expect(cells.slice(1, 7)).toEqual([
    GIRL,
    'Aktiv',
    'Ikke vurderet',
    expect.stringContaining(SECOND_COORDINATOR),
    danishDaysAgo(0),
    '3',
  ]);
  expect(cells[4]).toContain('Anne Demo-Tovholder');
  expect(cells[9]).toBe('Tovholder');
  await page.getByLabel('Søg efter sag eller person').fill(GIRL);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect.poll(() => table.getByRole('row').count()).toBe(2);
  await row.getByRole('link', { name: story.caseReference }).waitFor();
  expect(page.url()).not.toContain(FAMILY.girl.family);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}
