import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { pdfText } from '../../server/test/pdf-text.ts';
import { seriousA11yViolations } from './browser.ts';
import {
  COLLEAGUE,
  dayOf,
  LIFELINE,
  PRECAUTIONS,
  SARA,
  type CitizenStory,
} from './citizen-meetings.ts';
import { h1, logIn, openBrowser } from './session.ts';

/**
 * The meeting-the-citizen journey's steps on the case page's "Kontakt og samtaler" (issue 15
 * parts 1–4): the contact tries, the prepared first meeting with the colleague check and the risk
 * check, the meeting held with agreements and a lifeline and its summary PDF, the reflection.
 * Each goes on from where the one before left the story (e2e/citizen-meetings.e2e.ts).
 */

const COORDINATOR = 'Anne Demo-Tovholder';
const NEXT_STEP = 'Bede hendes moster om at tage kontakten';
const CONTACT_TASK = 'Næste kontaktforsøg til borgeren';

const section = (page: Page) => page.getByRole('region', { name: 'Kontakt og samtaler' });
const meeting = (page: Page) =>
  section(page).getByRole('article', { name: 'Samtale: Belyse bekymringen' });

async function expectAxeClean(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Opens the case page at its contact section. */
async function openCase(story: CitizenStory) {
  const { page } = story.coordinator;
  await page.goto(story.journey.url(`/sager/${story.caseId}`));
  await h1(page, `Sag ${SARA.reference}`).waitFor();
  await section(page).getByRole('heading', { level: 3, name: 'Kontaktbjælken' }).waitFor();
}

async function recordAttempt(
  page: Page,
  caseId: string,
  attempt: {
    on: string;
    channel: string;
    outcome: string;
    note: string;
    via?: string;
    next?: { step: string; on: string; by: string };
  },
) {
  await section(page).getByRole('button', { name: 'Registrér kontaktforsøg' }).click();
  const form = page.locator(`form#contact-attempt-${caseId}`);
  // The administrator-editable guidance sits collapsed next to the fields.
  await form.getByText('Vejledning: Kontakt til borgeren').waitFor();
  await form.getByLabel('Dato', { exact: true }).fill(attempt.on);
  await form
    .getByRole('group', { name: 'Hvordan blev borgeren forsøgt kontaktet?' })
    .getByRole('radio', { name: attempt.channel })
    .check();
  if (attempt.via) await form.getByLabel('Brobygger eller fagperson').fill(attempt.via);
  await form
    .getByRole('group', { name: 'Udfald' })
    .getByRole('radio', { name: attempt.outcome })
    .check();
  await form.getByLabel('Notat', { exact: true }).fill(attempt.note);
  if (attempt.next) {
    await form.getByLabel('Hvad prøver vi næste gang?').fill(attempt.next.step);
    await form.getByLabel('Næste forsøg, dato').fill(attempt.next.on);
    await form.getByLabel('Hvem laver næste forsøg?').selectOption({ label: attempt.next.by });
  }
  await form.getByRole('button', { name: 'Gem kontaktforsøg' }).click();
  await section(page).getByText('Kontaktforsøget er gemt.').waitFor();
}

const barRows = (page: Page) =>
  section(page).getByRole('table', { name: 'Kontaktforsøg i rækkefølge' }).getByRole('row');

/** Step: three tries through different channels that do not reach her; the next is a task. */
export async function failedTries(story: CitizenStory) {
  story.coordinator = await openBrowser(story.journey);
  const { page, errors } = story.coordinator;
  await page.goto(story.journey.url(`/sager/${story.caseId}`));
  await logIn(page, 'demo.tovholder');
  await openCase(story);
  await section(page).getByText('Der er ikke registreret forsøg').waitFor();

  const tries = [
    { on: dayOf('phone'), channel: 'Telefon', outcome: 'Afviste', note: 'Lagde på.' },
    { on: dayOf('text'), channel: 'Sms', outcome: 'Intet svar', note: 'Læst, ikke besvaret.' },
    {
      on: dayOf('letter'),
      channel: 'Brev',
      outcome: 'Afviste',
      note: 'Sendte brevet retur.',
      next: { step: NEXT_STEP, on: dayOf('aunt'), by: COORDINATOR },
    },
  ];
  for (const attempt of tries) await recordAttempt(page, story.caseId, attempt);
  await section(page).getByText('3 forsøg i træk har ikke nået borgeren.').waitFor();
  await barRows(page)
    .nth(3)
    .getByText(`${NEXT_STEP} – ${dayOf('aunt')}, ${COORDINATOR}`)
    .waitFor();
  await expectAxeClean(page);

  // The next try is a task in Mine opgaver for the one who is to make it.
  await page.goto(story.journey.url('/opgaver?type=contact_attempt'));
  await h1(page, 'Mine opgaver').waitFor();
  const task = page.getByRole('link', { name: `${CONTACT_TASK} i ${SARA.reference}` });
  await task.waitFor();
  await task.click();
  await openCase(story);
  expect(errors).toEqual([]);
}

/** Step: the fourth try, through her aunt as bridge-builder, gets a yes to a meeting. */
export async function throughTheAunt(story: CitizenStory) {
  const { page, errors } = story.coordinator;

  await recordAttempt(page, story.caseId, {
    on: dayOf('aunt'),
    channel: 'Gennem en brobygger i borgerens netværk',
    via: 'hendes moster',
    outcome: 'Sagde ja til et møde',
    note: 'Moster har talt med Sara, som vil mødes på biblioteket.',
  });
  // The run of failed tries is over; the bar shows all four in order.
  await section(page).getByText('forsøg i træk har ikke nået borgeren').waitFor({
    state: 'detached',
  });
  const rows = barRows(page);
  expect(await rows.count()).toBe(5); // the header row and four tries
  expect(await rows.nth(4).innerText()).toContain('via hendes moster');
  expect(await rows.nth(1).innerText()).toContain(dayOf('phone'));
  await expectAxeClean(page);

  // The fourth try was the next one: the task is done.
  await page.goto(story.journey.url('/opgaver?type=contact_attempt'));
  await page.getByText('Du har ingen opgaver af den type lige nu.').waitFor();
  await openCase(story);
  expect(errors).toEqual([]);
}

async function answerRisk(form: Locator, question: string, answer: 'Ja' | 'Nej' | 'Ved ikke') {
  await form.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
}

/** Step: the first meeting prepared with a colleague check and the risk check. */
export async function prepareMeeting(story: CitizenStory) {
  const { page, errors } = story.coordinator;
  await section(page).getByRole('button', { name: 'Forbered en samtale' }).click();
  const form = page.locator('form#citizen-meeting-prep-new');
  await form.getByText('Vejledning: Forberedelse af mødet').waitFor();
  await form.getByLabel('Planlagt dato', { exact: true }).fill(dayOf('meeting'));
  await form.getByRole('radio', { name: 'Belyse bekymringen' }).check();
  await form
    .getByLabel('Forventet udbytte')
    .fill('Sara kender os og ved, hvorfor vi gerne vil tale med hende.');
  await form
    .getByLabel('Dagsorden', { exact: true })
    .fill('Hvem vi er. Hvordan har du det? Hvad vil du gerne?');
  await form.getByLabel('Mødested', { exact: true }).fill('Biblioteket i midtbyen');
  await form
    .getByLabel('Hvorfor passer stedet til borgeren?')
    .fill('Sara foreslog det selv; det er neutralt og tæt på, hvor hun bor.');
  await form.getByLabel('Roller for de fagprofessionelle').fill('Anne leder samtalen.');
  await form
    .getByLabel('Kollegial sparring om egne antagelser: hvem')
    .selectOption({ label: COLLEAGUE });
  await form
    .getByLabel('Hvad kom der ud af sparringen?')
    .fill('Vi skal ikke gå ud fra, at hun er overbevist; hun kan også være ensom.');
  await form
    .getByLabel('Kommunikation og tilgang')
    .fill('Åbne spørgsmål, ingen debat om holdninger.');

  // The risk check: a checklist with the professional's own conclusion, never a score.
  await answerRisk(form, 'Er der kendt vold eller trusler?', 'Nej');
  await answerRisk(form, 'Kan der være våben?', 'Nej');
  await answerRisk(form, 'Kan andre være til stede, som kan påvirke mødet?', 'Ved ikke');
  await answerRisk(form, 'Er mødestedet trygt for både borgeren og os?', 'Ja');
  await answerRisk(form, 'Er der en vej ud, hvis mødet skal afbrydes?', 'Ja');
  await answerRisk(form, 'Ved en kollega, hvor og hvornår vi holder mødet?', 'Ja');
  await form
    .getByLabel('Din egen konklusion')
    .fill('Lav risiko; vi ved ikke, om hendes venner dukker op.');
  await form.getByLabel('Forholdsregler, tjekket kalder på').fill(PRECAUTIONS);
  await form.getByRole('button', { name: 'Gem', exact: true }).click();

  // The meeting shows the precautions the check called for.
  const card = meeting(page);
  await card.getByText(`Planlagt ${dayOf('meeting')}`).waitFor();
  await card.getByText(PRECAUTIONS).waitFor();
  expect(await card.getByText('Risikotjekket er ikke færdigt').count()).toBe(0);
  await expectAxeClean(page);
  expect(errors).toEqual([]);
}

/** Step: the meeting held with agreements and a lifeline; the summary PDF for her. */
export async function holdMeeting(story: CitizenStory) {
  const { page, errors } = story.coordinator;
  const card = meeting(page);
  await card.getByRole('button', { name: 'Registrér mødet som afholdt' }).click();
  const form = page.locator('form[id^="citizen-meeting-held-"]');
  await form.getByText('Vejledning: Selve mødet').waitFor();
  await form.getByText('Vejledning: Afrunding og refleksion').waitFor();
  await form.getByLabel('Mødet blev holdt', { exact: true }).fill(dayOf('meeting'));
  await form
    .getByLabel('Borgerens eget perspektiv, med borgerens ord')
    .fill('"Jeg er bare træt af, at ingen lytter. Online er der nogen, der gør."');
  await form.getByRole('radio', { name: 'Overvejelse', exact: true }).check();
  await form
    .getByLabel('Opsummering', { exact: true })
    .fill('Vi talte om, hvordan Sara har det, og om hendes uddannelse.');
  await form
    .getByLabel('Gensidige aftaler')
    .fill('Sara kigger på en ny uddannelse. Vi finder en vejleder og mødes igen om to uger.');
  await form.getByRole('checkbox', { name: 'Det er frivilligt at tale med os' }).check();
  await form.getByRole('checkbox', { name: 'Bisidder', exact: true }).check();
  await form.getByLabel('Livline: hvem kan borgeren kontakte før næste møde?').fill(LIFELINE.who);
  await form.getByLabel('Hvornår', { exact: true }).fill(LIFELINE.when);
  await form.getByLabel('Næste møde', { exact: true }).fill(dayOf('nextMeeting'));

  // A lifeline without a way to reach the person: a Danish message, nothing stored.
  await form.getByRole('button', { name: 'Gem', exact: true }).click();
  await form
    .getByText('Skriv, hvordan borgeren kan nå livlinen: telefon, e-mail eller adresse.')
    .first()
    .waitFor();
  // The server's 400 is the refusal asked for; no other console error is.
  expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  errors.length = 0;
  expect(await card.getByText(`Planlagt ${dayOf('meeting')}`).count()).toBe(1);

  await form.getByLabel('Telefon', { exact: true }).fill(LIFELINE.phone);
  await form.getByRole('button', { name: 'Gem', exact: true }).click();
  await card.getByText(`Afholdt ${dayOf('meeting')}`).waitFor();
  await card.getByText(LIFELINE.phone, { exact: false }).first().waitFor();
  await expectAxeClean(page);

  // The summary for her: a PDF with her first name and the lifeline, downloaded from the link.
  const link = card.getByRole('link', { name: 'Opsummering til borgeren (PDF)' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).not.toContain('Sara');
  const path = await download.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
  expect(text).toContain('Sara');
  expect(text).toContain(LIFELINE.who);
  expect(text).toContain(LIFELINE.phone);
  // Never the team's own judgements.
  expect(text).not.toContain('Overvejelse');
  expect(text).not.toContain(PRECAUTIONS);
  expect(errors).toEqual([]);
}

/** Step: the reflection afterwards, private to the team, shown at the next preparation. */
export async function reflect(story: CitizenStory) {
  const { page, errors } = story.coordinator;
  const card = meeting(page);
  await card.getByRole('button', { name: 'Skriv refleksion' }).click();
  const form = page.locator('form[id^="citizen-meeting-reflection-"]');
  await form.getByText('Vejledning: Afrunding og refleksion').waitFor();
  await form
    .getByLabel('Hvad virkede?')
    .fill('At mosteren banede vejen, og at Sara valgte stedet.');
  await form
    .getByLabel('Hvad gør vi anderledes?')
    .fill('Kortere møde; hun blev træt efter en time.');
  await form.getByLabel('Borgerens motivation').fill('Spirende: hun vil gerne i gang med noget.');
  await form.getByLabel('Modstand i netværket').fill('Vennerne online kalder os "systemet".');
  await form.getByRole('button', { name: 'Gem', exact: true }).click();
  await card.getByRole('button', { name: 'Skriv refleksion' }).waitFor();
  await card.getByText('Kortere møde; hun blev træt efter en time.').waitFor();

  // The next preparation starts from the last reflection.
  await section(page).getByRole('button', { name: 'Forbered en samtale' }).click();
  const next = page.locator('form#citizen-meeting-prep-new');
  await next.getByText('Fra sidste refleksion').waitFor();
  await next.getByText(/Kortere møde; hun blev træt efter en time\./).waitFor();
  await expectAxeClean(page);
  await next.getByRole('button', { name: 'Annullér' }).click();
  expect(errors).toEqual([]);
}
