import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './browser.ts';
import { unexpected } from './inquiries.ts';
import {
  apiPatch,
  CITIZEN,
  GOALS,
  KSP,
  RELEASE,
  SENTENCE_ENDS,
  type ReleaseStory,
} from './release.ts';
import { h1, logIn, main, openBrowser } from './session.ts';

/**
 * The release journey's first phase (issue 13, Copenhagen's plan): Kriminalforsorgen is invited
 * into the young man's case under retsplejeloven § 115 (KSP) for the last six months of the
 * sentence, with the plan's goals that concern them; the partner logs in, sees exactly those
 * goals in their own view and writes a contribution back, which the team sees in the chronology.
 */

/** The case's "Samarbejdspartnere" tab, with its heading. */
export async function openPartnersTab(story: ReleaseStory, page: Page) {
  await page.goto(story.journey.url(`/sager/${story.caseId}/samarbejdspartnere`));
  await page.getByRole('heading', { level: 2, name: 'Samarbejdspartnere i sagen' }).waitFor();
}

/** The access table's row of one partner (name and organisation in its first cell). */
export const accessRow = (page: Page, name: string) =>
  page
    .getByRole('table', { name: 'Samarbejdspartnere med adgang til sagen' })
    .getByRole('row')
    .filter({ hasText: name });

/** Step: the coordinator invites Kriminalforsorgen on § 115 (KSP) until the sentence ends. */
export async function inviteKsp(story: ReleaseStory) {
  story.coordinator = await openBrowser(story.journey);
  const { page, errors } = story.coordinator;
  await page.goto(story.journey.url(`/sager/${story.caseId}`));
  await logIn(page, 'demo.tovholder');
  await h1(page, `Sag ${RELEASE.reference}`).waitFor();

  // His CPR number, which the data-protection role later registers his request by (set up
  // through the API: editing a person is not what this journey tests).
  const person = (await (
    await page.request.get(story.journey.url(`/api/persons/${story.personId}`))
  ).json()) as { version: number };
  await apiPatch(story.journey, page, `/api/persons/${story.personId}`, {
    version: person.version,
    cpr: RELEASE.cpr,
  });

  await openPartnersTab(story, page);
  await main(page).getByText('Ingen samarbejdspartnere er inviteret ind i sagen.').waitFor();
  const form = page.locator(`#partner-invite-${story.caseId}`);
  await form.getByLabel('Samarbejdspartner', { exact: true }).selectOption({
    label: KSP.organisation,
  });
  await form
    .getByRole('radio', { name: 'En person, der allerede har adgang til Tovholder' })
    .check();
  await form.getByLabel('Vælg person', { exact: true }).selectOption({ label: KSP.name });
  await form.getByRole('checkbox', { name: /^Mål i handleplanen/ }).check();
  await form.getByRole('checkbox', { name: /^Bidrag til sagen/ }).check();
  await form.getByRole('checkbox', { name: GOALS.housing }).check();
  await form.getByRole('checkbox', { name: GOALS.network }).check();
  // Only the bases that fit standing access for Kriminalforsorgen are offered.
  const basis = form.getByLabel('Hjemmel', { exact: true });
  await basis.locator('option[value="rpl_115_ksp"]').waitFor({ state: 'attached' });
  expect(await basis.locator('option[value="rpl_115_psp"]').count()).toBe(0);
  await basis.selectOption('rpl_115_ksp');
  await form.getByLabel('Formål', { exact: true }).fill(KSP.purpose);
  await form.getByLabel('Slutdato', { exact: true }).fill(SENTENCE_ENDS);
  await form.getByRole('button', { name: 'Invitér', exact: true }).click();
  await main(page)
    .getByText(
      'Samarbejdspartneren er inviteret. Invitationen er sendt pr. e-mail og registreret som videregivelse.',
    )
    .waitFor();
  const row = accessRow(page, KSP.name);
  await row.getByText('Aktiv', { exact: true }).waitFor();
  await row.getByText(SENTENCE_ENDS).waitFor();
  expect(await row.innerText()).toContain('KSP-samarbejdet');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;
}

/** Step: the partner sees the goals granted (not the jobcenter's) and writes a contribution. */
export async function kspPartnerView(story: ReleaseStory) {
  story.ksp = await openBrowser(story.journey);
  const { page, errors } = story.ksp;
  await page.goto(story.journey.url('/mine-sager'));
  await logIn(page, KSP.username);
  await h1(page, 'Mine sager').waitFor();
  await page.getByRole('link', { name: RELEASE.reference }).click();
  await h1(page, `Sag ${RELEASE.reference}`).waitFor();
  const view = main(page);
  await view.getByText(`Du ser sagen som samarbejdspartner for ${KSP.organisation}`).waitFor();
  await view.getByText(`Formål: ${KSP.purpose}`).waitFor();
  await view.getByText(`Din adgang gælder til og med ${SENTENCE_ENDS}.`).waitFor();
  await view.getByText(GOALS.housing).waitFor();
  await view.getByText(GOALS.network).waitFor();
  expect(await view.getByText(GOALS.job).count()).toBe(0);
  // The concern itself is never shared with a partner.
  expect(await view.innerText()).not.toContain('radikaliseret');
  await view.getByText(CITIZEN).waitFor();

  const contribution =
    'Mikkel har fået plads på udslusningsafdelingen fra næste måned; boligen kan besigtiges inden da.';
  await page.getByLabel('Bidrag', { exact: true }).fill(contribution);
  await page.getByRole('button', { name: 'Send bidrag' }).click();
  await view.getByText('Dit bidrag er sendt til sagens team.').waitFor();
  await view.getByText(contribution).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;

  // The team sees it in the case's chronology, marked as the partner's contribution.
  const staff = story.coordinator.page;
  await staff.goto(story.journey.url(`/sager/${story.caseId}`));
  const chronology = staff.getByRole('region', { name: 'Forløb' });
  const events = chronology.locator('li.case-event');
  await events.getByText('Bidrag fra samarbejdspartner').first().waitFor();
  await events.getByText('Samarbejdspartner inviteret').first().waitFor();
}
