import { expect } from 'vitest';
import { seriousA11yViolations } from './browser.ts';
import { COPENHAGEN, danishDaysAgo, isoDaysAgo } from './copenhagen.ts';
import {
  caseUrl,
  COACH_NAME,
  COACH_TYPE,
  fact,
  MENTOR_TYPE,
  OFFER_TASK,
  openTab,
  openTasks,
  REF,
  type Story,
} from './copenhagen-story.ts';
import { heading, main, pathname } from './session.ts';

/**
 * The Copenhagen journey's second phase: mentors for both children; the father declines a
 * parent coach, and the renewed offer three months later becomes a task he accepts.
 * Each step goes on from where the one before it left the case (e2e/copenhagen.e2e.ts).
 */

/** Step: lets the coordinator give both children a mentor and start the interventions. */
export async function startMentors(story: Story) {
  const { page, errors } = story.coordinator;
  await page.goto(caseUrl(story));
  await openTab(page, 'Indsatser og tilbud', 'Indsatser og tilbud');
  const create = page.getByRole('group', { name: 'Opret indsats' });
  for (const [person, role] of [
    [COPENHAGEN.son, 'Borger'],
    [COPENHAGEN.sister, 'Yngre søskende'],
  ] as const) {
    await create.getByLabel('Indsats', { exact: true }).selectOption({ label: MENTOR_TYPE });
    await create
      .getByLabel('Person', { exact: true })
      .selectOption({ label: `${person} (${role})` });
    await create.getByRole('radio', { name: 'En medarbejder i kommunen' }).check();
    await create
      .getByLabel('Medarbejder', { exact: true })
      .selectOption({ label: 'Frederik Demo-Mentor' });
    await create
      .getByLabel('Formål (valgfrit)')
      .fill('Fastholdelse i skolen og en voksen at tale med.');
    await create.getByRole('button', { name: 'Opret indsats' }).click();
    await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();
    const item = page.getByRole('region', { name: `${MENTOR_TYPE} – ${person}` });
    await fact(item, 'Status').getByText('Planlagt').waitFor();
    await item.getByRole('radio', { name: 'Start indsatsen' }).check();
    await item.getByLabel('Startdato').fill(isoDaysAgo(280));
    await item.getByRole('button', { name: 'Gem status' }).click();
    await item.getByText('Indsatsen er startet.').waitFor();
    await fact(item, 'Status').getByText('I gang').waitFor();
    await fact(item, 'Periode')
      .getByText(`${danishDaysAgo(280)} – …`)
      .waitFor();
  }
  const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
  expect(await table.getByRole('row').count()).toBe(3);
  for (const person of [COPENHAGEN.son, COPENHAGEN.sister]) {
    const row = table.getByRole('row', { name: new RegExp(person) });
    await row.getByText('Frederik Demo-Mentor').waitFor();
    await row.getByText('I gang').waitFor();
  }
  expect(errors).toEqual([]);
}

/** Step: records the parent coach offered to the father and declined, which schedules two renewals. */
export async function declineParentCoach(story: Story) {
  const { page, errors } = story.coordinator;
  const form = page.getByRole('group', { name: 'Registrér tilbud om frivillig støtte' });
  await form
    .getByLabel('Person', { exact: true })
    .selectOption({ label: `${COPENHAGEN.father} (Forælder)` });
  await form.getByRole('radio', { name: 'Forældrecoach', exact: true }).check();
  await form.getByLabel('Indsats i kataloget (valgfri)').selectOption({ label: COACH_TYPE });
  await form.getByLabel('Dato for tilbuddet').fill(isoDaysAgo(285));
  await form.getByLabel('Bemærkning (valgfri)').fill('Tilbudt ved hjemmebesøget.');
  await form.getByRole('button', { name: 'Registrér tilbud' }).click();
  await form.getByText('Tilbuddet er registreret og venter på svar.').waitFor();

  const offers = page.getByRole('table', { name: `Tilbud om frivillig støtte i sag ${REF}` });
  const first = offers.getByRole('row', { name: /Første tilbud/ });
  await first.getByText('Venter på svar').waitFor();
  await first.getByRole('button', { name: 'Registrér svar' }).click();
  await first.getByRole('radio', { name: 'Takket nej' }).check();
  await first.getByLabel('Dato for svaret').fill(isoDaysAgo(280));
  await first
    .getByLabel('Bemærkning (valgfri)')
    .fill('Faderen vil ikke have »nogen ind i familien«.');
  await first.getByRole('button', { name: 'Gem svar' }).click();
  await main(page)
    .getByText(/^Svaret er registreret\. Nye tilbud er planlagt til \d\d\.\d\d\.\d{4} og/)
    .waitFor();
  await first.getByText(`Svar ${danishDaysAgo(280)}`).waitFor();
  await first.getByText('Takket nej').waitFor();
  const after3 = offers.getByRole('row', { name: /Nyt tilbud efter 3 måneder/ });
  const after6 = offers.getByRole('row', { name: /Nyt tilbud efter 6 måneder/ });
  await after3.getByText('Planlagt').waitFor();
  await after6.getByText('Planlagt').waitFor();
  expect(errors).toEqual([]);
}

/** Step: puts the renewed offer on My tasks; the father accepts it and gets a parent coach. */
export async function acceptRenewedOffer(story: Story) {
  const { page, errors } = story.coordinator;
  const offers = page.getByRole('table', { name: `Tilbud om frivillig støtte i sag ${REF}` });
  // The renewal's due date, three months after the answer.
  const dueOn = (
    await offers
      .getByRole('row', { name: /Nyt tilbud efter 3 måneder/ })
      .getByRole('cell')
      .nth(3)
      .innerText()
  ).trim();
  expect(dueOn).toMatch(/^\d\d\.\d\d\.\d{4}$/);

  const task = await openTasks(story.journey, page, 'offer_renewal', OFFER_TASK);
  const row = page.getByRole('row').filter({ has: task }).filter({ hasText: dueOn });
  await row.getByText('Overskredet').waitFor();
  // Both renewals are overdue by now: the one after 3 and the one after 6 months.
  expect(await task.count()).toBe(2);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await row.getByRole('link').click();
  await heading(page, 2, 'Indsatser og tilbud').waitFor();
  expect(pathname(page)).toBe(`/sager/${story.caseId}/indsatser`);

  const after3 = offers.getByRole('row', { name: /Nyt tilbud efter 3 måneder/ });
  await after3.getByRole('button', { name: 'Giv det nye tilbud' }).click();
  await after3.getByLabel('Dato for tilbuddet').fill(isoDaysAgo(185));
  await after3.getByRole('button', { name: 'Registrér tilbuddet' }).click();
  await main(page).getByText('Det nye tilbud er registreret og venter på svar.').waitFor();
  await after3.getByText('Venter på svar').waitFor();
  await after3.getByRole('button', { name: 'Registrér svar' }).click();
  await after3.getByRole('radio', { name: 'Takket ja' }).check();
  await after3.getByLabel('Dato for svaret').fill(isoDaysAgo(180));
  await after3.getByRole('button', { name: 'Gem svar' }).click();
  await main(page)
    .getByText('Svaret er registreret. Det senere planlagte tilbud er bortfaldet.')
    .waitFor();
  await after3.getByText('Takket ja').waitFor();
  await offers
    .getByRole('row', { name: /Nyt tilbud efter 6 måneder/ })
    .getByText('Bortfaldet')
    .waitFor();

  // The parent coach for the father, by an external provider.
  const create = page.getByRole('group', { name: 'Opret indsats' });
  await create.getByLabel('Indsats', { exact: true }).selectOption({ label: COACH_TYPE });
  await create.getByText('Nej', { exact: true }).waitFor(); // no consent needed
  await create
    .getByLabel('Person', { exact: true })
    .selectOption({ label: `${COPENHAGEN.father} (Forælder)` });
  await create.getByRole('radio', { name: 'En ekstern udfører' }).check();
  await create.getByLabel('Navn på ekstern udfører').fill(COACH_NAME);
  await create.getByRole('button', { name: 'Opret indsats' }).click();
  await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();
  const coach = page.getByRole('region', { name: `${COACH_TYPE} – ${COPENHAGEN.father}` });
  await coach.getByRole('radio', { name: 'Start indsatsen' }).check();
  await coach.getByLabel('Startdato').fill(isoDaysAgo(175));
  await coach.getByRole('button', { name: 'Gem status' }).click();
  await coach.getByText('Indsatsen er startet.').waitFor();
  const table = page.getByRole('table', { name: `Indsatser i sag ${REF}` });
  const coachRow = table.getByRole('row', { name: new RegExp(COPENHAGEN.father) });
  await coachRow.getByText(`${COACH_NAME} (ekstern)`).waitFor();
  await coachRow.getByText('I gang').waitFor();

  // The coach's organisation sends another coach: the provider changes, the history stays.
  await coach.getByText('Skift udfører').click();
  await coach.getByLabel('Navn på ekstern udfører').fill(`${COACH_NAME} 2`);
  await coach.getByRole('button', { name: 'Gem ny udfører' }).click();
  await coach.getByText('Udføreren er skiftet.').waitFor();
  await coachRow.getByText(`${COACH_NAME} 2 (ekstern)`).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Nothing about the offer is left to do.
  const done = await openTasks(story.journey, page, 'offer_renewal', OFFER_TASK);
  expect(await done.count()).toBe(0);
  expect(errors).toEqual([]);
}
