import { expect } from 'vitest';
import { pdfText } from '../../server/test/pdf-text.ts';
import { seriousA11yViolations } from './browser.ts';
import { approveWaitingProposal, confirmSixMonthReview, sixMonthsLater } from './closure.ts';
import { caseUrl, fact, openTab, statusPanel } from './copenhagen-story.ts';
import { h1, logIn, main, openBrowser, pathname } from './session.ts';
import {
  ABROAD,
  BROTHER,
  COACH_TYPE,
  FAMILY_TALKS_TYPE,
  GIRL,
  HOME_AGAIN,
  longDanishDaysAgo,
  MENTOR_STARTED_DAYS_AGO,
  MENTOR_TYPE,
  MOTHER,
  SECOND_COORDINATOR,
  workListTask,
  type SiblingStory,
} from './younger-sibling.ts';

/**
 * The younger-sibling journey's last phase: the coordinator proposes closure and, with the
 * municipality's four-eyes rule, the second coordinator approves it from his start page; half a
 * year later the re-review confirms it; the case summary PDF tells the story in date order and
 * in words.
 * Each step goes on from where the one before it left the story (e2e/younger-sibling.e2e.ts).
 */

/** Step: the coordinator proposes closure; she may not approve it herself. */
export async function proposeClosure(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  await page.goto(caseUrl(story));
  await h1(page, `Sag ${story.caseReference}`).waitFor();
  await openTab(page, 'Afslutning', 'Afslutning og genvurdering');
  const form = page.locator('form.closure-propose');
  await form.getByRole('radio', { name: 'Bekymringen er håndteret' }).check();
  await form
    .getByLabel('Begrundelse', { exact: true })
    .fill(
      'Yasmin har brudt med broderens miljø og trives i skolen; moderen har fået redskaber i forældrecoachingen.',
    );
  const interventions = form.getByRole('group', { name: 'Hvad sker der med indsatserne?' });
  for (const [type, person, disposition] of [
    [COACH_TYPE, MOTHER, 'Afsluttes'],
    [MENTOR_TYPE, GIRL, 'Fortsætter uden for sagen'],
    [FAMILY_TALKS_TYPE, GIRL, 'Afsluttes'],
  ] as const) {
    await interventions
      .getByRole('group', { name: `${type} for ${person}` })
      .getByRole('radio', { name: disposition })
      .check();
  }
  await form.getByRole('button', { name: 'Indstil til afslutning' }).click();
  await main(page)
    .getByText('Sagen er indstillet til afslutning. Sagens tovholdere har fået besked.')
    .waitFor();
  // Four-eyes: the proposer is told who must approve, and has no button to do it herself.
  await main(page)
    .getByText(new RegExp(`en anden tovholder godkender.*${SECOND_COORDINATOR}`))
    .waitFor();
  expect(await page.getByRole('button', { name: 'Godkend afslutning' }).count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}

/** Step: the second coordinator approves the closure from his start page's work list. */
export async function approveClosure(story: SiblingStory) {
  story.second = await openBrowser(story.journey);
  const { page, errors } = story.second;
  await page.goto(story.journey.url('/'));
  await logIn(page, 'demo.tovholder2');
  const task = await workListTask(
    page,
    story.journey,
    'Venter på din godkendelse',
    `Afslutning venter på godkendelse i ${story.caseReference}`,
  );
  await task.click();
  await approveWaitingProposal(page, new RegExp(`${MENTOR_TYPE}.*${GIRL}`));
  expect(pathname(page)).toBe(`/sager/${story.caseId}/afslutning`);
  expect(errors).toEqual([]);
}

/** Step: half a year later the case is under re-review, and the re-review confirms the closure. */
export async function confirmAtReReview(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  // Nothing asks the server while it is down for the time to pass.
  await page.goto('about:blank');
  await story.second.page.goto('about:blank');
  await sixMonthsLater(story.journey, story.caseId);
  await page.goto(caseUrl(story));
  await h1(page, `Sag ${story.caseReference}`).waitFor();
  await expect.poll(() => fact(statusPanel(page), 'Status').innerText()).toBe('Til genvurdering');
  await openTab(page, 'Afslutning', 'Afslutning og genvurdering');
  await confirmSixMonthReview(
    page,
    'Yasmin går i 9. klasse og ses stadig med sin mentor; ingen ny bekymring fra skolen.',
  );
  await openTab(page, 'Overblik', 'Sagens status');
  await expect.poll(() => fact(statusPanel(page), 'Status').innerText()).toBe('Afsluttet');
  expect(errors).toEqual([]);
}

/** Step: the summary PDF tells the story in date order and in words, never by its keys. */
export async function readSummaryPdf(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  const link = statusPanel(page).getByRole('link', { name: 'Hent sagsresumé som PDF' });
  const pdf = await page.request.get(story.journey.url((await link.getAttribute('href')) ?? ''));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');

  expect(text).toContain(story.caseReference);
  for (const name of [GIRL, MOTHER, BROTHER]) expect(text).toContain(name);
  expect(text).toMatch(/Side 1 af \d/);
  // The chronology in date order and in words: the mentor's start, dated before the case was
  // opened, takes its place by its real date and says why it was recorded later; then opened
  // (its inquiry as a fact, not a change), the family added, on hold, resumed, closed, re-reviewed.
  // (Read across page breaks: each page's running head and foot are left out.)
  const ref = story.caseReference;
  const runningLines = new RegExp(
    `(Demo Kommune · Sagsresumé ${ref} )?Sagsresumé ${ref} Side \\d+ af \\d+ ?`,
    'g',
  );
  const chronology = text.slice(text.indexOf('Forløb (ældste først)')).replace(runningLines, '');
  const order = [
    `Skete ${longDanishDaysAgo(MENTOR_STARTED_DAYS_AGO)} – registreret senere: registreret for sent`,
    `Sagen oprettet – Anne Demo-Tovholder Fra henvendelse: ${story.inquiryReference}`,
    `Navn: – → ${MOTHER} Person: – → Forælder`,
    `Navn: – → ${BROTHER} Person: – → Søskende`,
    `Begrundelse: – → ${ABROAD} Status: Aktiv → Sat i bero`,
    `Status: Sat i bero → Aktiv Begrundelse for genoptagelse: ${HOME_AGAIN}`,
    'Sagen afsluttet – Bo Demo-Koordinator Status: Aktiv → Afsluttet',
    'Genvurdering gennemført',
  ].map((words) => chronology.indexOf(words));
  expect(
    order.every((at) => at >= 0),
    JSON.stringify(order),
  ).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  for (const key of [
    'concernLevel',
    'resumeReason',
    'planned',
    'active',
    'on_hold',
    'status_changed',
    'person_added',
    'sibling',
    'registered_late',
    'handled',
  ]) {
    expect(text).not.toContain(key);
  }
  expect(errors).toEqual([]);
}
