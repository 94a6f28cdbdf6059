import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './browser.ts';
import { approveWaitingProposal, confirmSixMonthReview, sixMonthsLater } from './closure.ts';
import { COPENHAGEN, danishDaysAgo } from './copenhagen.ts';
import {
  caseUrl,
  COACH_TYPE,
  fact,
  GOAL_FATHER,
  GOAL_SCHOOL,
  MENTOR_TYPE,
  ON_HOLD_REASON,
  openTab,
  openTasks,
  REF,
  statusPanel,
  SUB_GOAL,
  type Story,
} from './copenhagen-story.ts';
import { h1, heading, main } from './session.ts';

/**
 * The Copenhagen journey's last phase: the caseworker proposes closure with transfer to the
 * ordinary system, the coordinator approves it, the re-review six months later confirms it, and
 * the chronology tells the whole story.
 * Each step goes on from where the one before it left the case (e2e/copenhagen.e2e.ts).
 */

/** Step: lets the caseworker propose closure with transfer to the ordinary system. */
export async function proposeClosure(story: Story) {
  const { page, errors } = story.caseworker;
  await page.goto(caseUrl(story));
  await h1(page, `Sag ${REF}`).waitFor();
  await openTab(page, 'Afslutning', 'Afslutning og genvurdering');
  const form = page.locator('form.closure-propose');
  await form.getByRole('heading', { name: 'Indstil til afslutning' }).waitFor();
  await form.getByRole('radio', { name: 'Overdraget til det almindelige system' }).check();
  await form.getByLabel('Overdraget til enhed').selectOption({ label: 'Børn og Unge' });
  await form
    .getByLabel('Begrundelse', { exact: true })
    .fill(
      'Efter ni måneder er bekymringen lav: begge børn går i skole, og faderen samarbejder. Familien overdrages til Børn og Unge.',
    );
  const goals = form.getByRole('group', { name: 'Status for målene i handleplanen' });
  await goals.getByLabel(GOAL_SCHOOL, { exact: true }).selectOption({ label: 'Opnået' });
  await goals.getByLabel(`Delmål: ${SUB_GOAL}`).selectOption({ label: 'Opnået' });
  await goals.getByLabel(GOAL_FATHER, { exact: true }).selectOption({ label: 'Delvist opnået' });
  const interventions = form.getByRole('group', { name: 'Hvad sker der med indsatserne?' });
  const disposition = (type: string, person: string) =>
    interventions.getByRole('group', { name: `${type} for ${person}` });
  await disposition(MENTOR_TYPE, COPENHAGEN.son)
    .getByRole('radio', { name: 'Fortsætter uden for sagen' })
    .check();
  await disposition(MENTOR_TYPE, COPENHAGEN.sister)
    .getByRole('radio', { name: 'Afsluttes' })
    .check();
  await disposition(COACH_TYPE, COPENHAGEN.father)
    .getByRole('radio', { name: 'Afsluttes' })
    .check();
  await form.getByRole('button', { name: 'Indstil til afslutning' }).click();
  await main(page)
    .getByText('Sagen er indstillet til afslutning. Sagens tovholdere har fået besked.')
    .waitFor();
  await main(page)
    .getByText('Sagen er indstillet til afslutning og venter på en tovholders godkendelse.')
    .waitFor();
  const proposal = page.getByRole('article', {
    name: /^Indstilling .* – venter på godkendelse$/,
  });
  await fact(proposal, 'Udfald')
    .getByText('Overdraget til det almindelige system: Børn og Unge')
    .waitFor();
  expect(await proposal.getByRole('button', { name: 'Godkend afslutning' }).count()).toBe(0);
  expect(errors).toEqual([]);
}

/** Step: lets the coordinator approve the closure from My tasks; re-reviews are scheduled. */
export async function approveClosure(story: Story) {
  const { page, errors } = story.coordinator;
  const task = await openTasks(
    story.journey,
    page,
    'closure_approval',
    'Afslutning venter på godkendelse',
  );
  await task.click();
  await approveWaitingProposal(page, new RegExp(COPENHAGEN.son));
  await main(page).locator('.case-badge').getByText('Afsluttet').first().waitFor();
  const reviews = page.getByRole('table', { name: 'Genvurderinger efter afslutningen' });
  await reviews
    .getByRole('row', { name: /Efter 6 måneder/ })
    .getByText('Planlagt')
    .waitFor();
  await twelveMonthReviewNotDue(page, reviews);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await openTab(page, 'Indsatser og tilbud', 'Indsatser og tilbud');
  await main(page)
    .getByText(/Sagen er afsluttet eller til genvurdering/)
    .waitFor();
  const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
  await table
    .getByRole('row', { name: new RegExp(COPENHAGEN.father) })
    .getByText('Afsluttet')
    .waitFor();
  expect(errors).toEqual([]);
}

/** Step: puts the case under re-review six months later, and the re-review confirms the closure. */
export async function confirmClosureAtReReview(story: Story) {
  await sixMonthsLater(story.journey, story.caseId);
  const { page, errors } = story.coordinator;
  await page.goto(caseUrl(story));
  await h1(page, `Sag ${REF}`).waitFor();
  await expect.poll(() => fact(statusPanel(page), 'Status').innerText()).toBe('Til genvurdering');
  await statusPanel(page)
    .getByText('Sagen skal genvurderes: bekræft afslutningen, eller genåbn sagen.')
    .waitFor();

  const task = await openTasks(story.journey, page, 'review', 'Genvurdering af afsluttet sag');
  await task.click();
  await heading(page, 2, 'Afslutning og genvurdering').waitFor();
  await confirmSixMonthReview(
    page,
    'Bilal går i 10. klasse og spiller fodbold; familien har kontakt med Børn og Unge.',
  );
  const reviews = page.getByRole('table', { name: 'Genvurderinger efter afslutningen' });
  const six = reviews.getByRole('row', { name: /Efter 6 måneder/ });
  await six.getByText('Afslutningen bekræftet').waitFor();
  expect((await six.getByRole('cell').allInnerTexts()).map((s) => s.trim()).slice(3)).toEqual([
    danishDaysAgo(0),
    'Ja',
    '–',
  ]);
  await twelveMonthReviewNotDue(page, reviews);
  await main(page)
    .getByText(/^Sagen blev afsluttet .*Den genvurderes 6 og 12 måneder/)
    .waitFor();

  await openTab(page, 'Overblik', 'Sagens status');
  await expect.poll(() => fact(statusPanel(page), 'Status').innerText()).toBe('Afsluttet');
  expect(await fact(statusPanel(page), 'Bekymringsniveau').innerText()).toContain('Lav bekymring');
  expect(errors).toEqual([]);
}

/** Step: tells the whole story in the chronology, filterable by kind. */
export async function readChronology(story: Story) {
  const { page, errors } = story.coordinator;
  const chronology = page.getByRole('region', { name: 'Forløb' });
  const events = chronology.locator('li.case-event');
  const kinds = events.locator('.case-event-head strong');
  await events.first().waitFor();
  const more = chronology.getByRole('button', { name: 'Vis flere' });
  while (await more.isVisible()) {
    const shown = await events.count();
    await more.click();
    await expect.poll(() => events.count()).toBeGreaterThan(shown);
  }
  const all = new Set(await kinds.allInnerTexts());
  for (const kind of [
    'Sagen oprettet',
    'Udredning afsluttet',
    'Handleplan sendt til godkendelse',
    'Handleplan godkendt',
    'Indsats oprettet',
    'Indsatsnotat',
    'Tilbud givet',
    'Svar på tilbud',
    'Opfølgning gennemført',
    'Status ændret',
    'Afslutning indstillet',
    'Sagen afsluttet',
    'Genvurdering gennemført',
  ]) {
    expect(all, kind).toContain(kind);
  }
  // Newest first: the re-review on top, the case opened 300 days ago at the bottom.
  expect(await kinds.first().innerText()).toBe('Genvurdering gennemført');
  expect(await kinds.last().innerText()).toBe('Sagen oprettet');

  await chronology.getByLabel('Vis hændelser af typen').selectOption({ label: 'Status ændret' });
  await expect
    .poll(async () => (await kinds.allInnerTexts()).every((k) => k === 'Status ændret'))
    .toBe(true);
  const statusTexts = await events.allInnerTexts();
  expect(
    statusTexts.some((s) => s.includes(ON_HOLD_REASON) && s.includes('Aktiv → Sat i bero')),
  ).toBe(true);
  expect(statusTexts.some((s) => s.includes('Sat i bero → Aktiv'))).toBe(true);
  await chronology
    .getByRole('status')
    .getByText(`Viser ${statusTexts.length} hændelser.`)
    .waitFor();
  expect(errors).toEqual([]);
}

/** The 12-month re-review is planned and not due yet: a date, not a form. */
async function twelveMonthReviewNotDue(page: Page, reviews: Locator) {
  await reviews
    .getByRole('row', { name: /Efter 12 måneder/ })
    .getByText('Planlagt')
    .waitFor();
  await main(page)
    .getByText(/^Genvurderingen efter 12 måneder kan registreres fra \d{2}\.\d{2}\.\d{4}\.$/)
    .waitFor();
}
