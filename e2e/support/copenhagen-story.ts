import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { COPENHAGEN } from './copenhagen.ts';
import { h1, heading, type Tab } from './session.ts';

/**
 * What the steps of the Copenhagen journey (e2e/copenhagen.e2e.ts) share: the story's state as
 * one step hands it to the next, the names the steps type and look for, and the ways to find
 * things on the case pages. The steps themselves are in copenhagen-steps-*.ts, by phase.
 */
export class Story {
  /** Set before the first step (beforeAll). */
  journey!: Journey;
  /** One browser per user, logged in once (a TOTP code works only once per 30 s per user). */
  coordinator!: Tab;
  caseworker!: Tab;
  /** The case's id, read from its address by the first step. */
  caseId = '';
}

export const REF = COPENHAGEN.reference;
export const MENTOR_TYPE = 'Mentorforløb med særligt uddannede mentorer';
export const COACH_TYPE = 'Forældrecoachforløb';
export const COACH_NAME = 'Demo Forældrecoach ApS';
export const GOAL_SCHOOL = 'Bilal og Amira går i skole hver dag';
export const SUB_GOAL = 'Bilal møder op til mindst 9 ud af 10 skoledage';
export const GOAL_FATHER = 'Faderen støtter børnenes skolegang og møder op til skole-hjem-samtaler';
export const OFFER_TASK = 'Tilbud om støtte (nyt tilbud eller svar)';
export const ON_HOLD_REASON =
  'Bilal er ikke mødt op i skolen i to uger og kan ikke findes. Politiet og SSP er orienteret.';

/** The case's page, or one of its tabs by path (of this journey's story or another's). */
export const caseUrl = (story: Pick<Story, 'journey' | 'caseId'>, path = '') =>
  story.journey.url(`/sager/${story.caseId}${path}`);

/** A tab of the case page, by its name in the case's tab bar. */
export async function openTab(page: Page, name: string, h2: string) {
  await page
    .getByRole('navigation', { name: 'Sagens dele' })
    .getByRole('link', { name, exact: true })
    .click();
  await heading(page, 2, h2).waitFor();
}

/** Console errors other than the 400 answers a step provokes on purpose. */
export const unexpected = (errors: string[]) => errors.filter((e) => !/status of 400/.test(e));

/** The case's status panel on the overview. */
export const statusPanel = (page: Page) => page.getByRole('region', { name: 'Sagens status' });

/** The value after a term in a dkfds description list. */
export const fact = (scope: Locator, term: string) =>
  scope.locator(`dt:text-is("${term}") + dd`).first();

/** "Mine opgaver" filtered by a kind of task, and the link to this case's task of that kind. */
export async function openTasks(journey: Journey, page: Page, kind: string, label: string) {
  await page.goto(journey.url(`/opgaver?type=${kind}`));
  await h1(page, 'Mine opgaver').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /^Du har / })
    .waitFor();
  const filter = page.getByLabel('Vis opgaver af typen');
  expect(await filter.locator('option:checked').innerText()).toBe(label);
  return page.getByRole('link', { name: `${label} i ${REF}` });
}
