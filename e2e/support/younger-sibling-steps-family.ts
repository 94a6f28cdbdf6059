import { expect } from 'vitest';
import { seriousA11yViolations } from './browser.ts';
import { danishDaysAgo } from './copenhagen.ts';
import { caseUrl, fact, openTab, statusPanel } from './copenhagen-story.ts';
import { h1 } from './session.ts';
import {
  ABROAD,
  BROTHER,
  COACH_NAME,
  COACH_TYPE,
  expectPersonRole,
  FAMILY,
  FAMILY_TALKS_PROVIDER,
  FAMILY_TALKS_TYPE,
  GIRL,
  HOME_AGAIN,
  longDanishDaysAgo,
  MENTOR_STARTED_DAYS_AGO,
  MENTOR_TYPE,
  MOTHER,
  SECOND_COORDINATOR,
  type SiblingStory,
} from './younger-sibling.ts';

/**
 * The younger-sibling journey's second phase: the mother and the brother join the case through
 * its persons section (the brother found by his CPR number through the masked look-up), a second
 * coordinator joins its members; a parent coach for the mother, a mentor for the girl (begun
 * before the case was registered), family conversations; the case on hold while the family is
 * abroad, resumed with a reason and a choice for the waiting intervention.
 * Each step goes on from where the one before it left the story (e2e/younger-sibling.e2e.ts).
 */

/** Step: adds the mother anew, the brother found by his CPR number, and a second coordinator. */
export async function addFamily(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  const ref = story.caseReference;
  const persons = page.getByRole('region', { name: 'Personer i sagen' });

  await persons.getByRole('button', { name: 'Tilføj person' }).click();
  await persons.getByLabel('Tilknytning til sagen').selectOption({ label: 'Forælder' });
  await persons.getByLabel('CPR-nummer').fill(FAMILY.mother.cpr);
  await persons.getByLabel('Fornavn').fill(FAMILY.mother.given);
  await persons.getByLabel('Efternavn').fill(FAMILY.mother.family);
  await persons.getByLabel('Fødselsdato').fill(FAMILY.mother.born);
  await persons.getByRole('button', { name: 'Tilføj personen' }).click();
  await persons.getByText(`${MOTHER} er tilføjet til sagen.`).waitFor();
  await expectPersonRole(page, ref, MOTHER, 'Forælder');

  // The brother is registered already (the police's inquiry): his CPR number finds him, shown
  // masked by name and birth date, and his registration is used instead of a second one.
  await persons.getByRole('button', { name: 'Tilføj person' }).click();
  await persons.getByLabel('Tilknytning til sagen').selectOption({ label: 'Søskende' });
  await persons.getByLabel('CPR-nummer').fill(FAMILY.brother.cpr);
  const found = persons.getByRole('status').filter({ hasText: 'allerede registreret' });
  await found.getByText(`${BROTHER}, født ${FAMILY.brother.born} (samme CPR-nummer)`).waitFor();
  expect(await found.innerText()).not.toContain(FAMILY.brother.cpr.slice(-4));
  await found.getByRole('button', { name: /Brug den eksisterende registrering/ }).click();
  await persons
    .getByText(`Eksisterende registrering: ${BROTHER}, født ${FAMILY.brother.born}`)
    .waitFor();
  await persons.getByRole('button', { name: 'Tilføj personen' }).click();
  await persons.getByText(`${BROTHER} er tilføjet til sagen.`).waitFor();
  await expectPersonRole(page, ref, BROTHER, 'Søskende');
  await expectPersonRole(page, ref, GIRL, 'Borger');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A second coordinator, so the closure can be approved by someone other than its proposer.
  const members = page.getByRole('region', { name: 'Medlemmer' });
  await members.getByRole('button', { name: 'Tilføj medlem' }).click();
  const colleague = members.getByLabel('Kollega');
  const bo = await colleague
    .locator('option', { hasText: SECOND_COORDINATOR })
    .getAttribute('value');
  await colleague.selectOption(bo ?? '');
  await members.getByLabel('Rolle i sagen').selectOption({ label: 'Tovholder' });
  await members.getByRole('radio', { name: 'Hele sagen' }).check();
  await members.getByRole('button', { name: 'Tilføj medlemmet' }).click();
  await members.getByText(`${SECOND_COORDINATOR} er tilføjet som medlem.`).waitFor();
  await page
    .getByRole('table', { name: `Medlemmer af sag ${ref}` })
    .getByRole('row', { name: new RegExp(SECOND_COORDINATOR) })
    .getByText('Tovholder')
    .waitFor();
  expect(errors).toEqual([]);
}

/** Step: a parent coach for the mother and a mentor for the girl, begun before the case. */
export async function startSupport(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  await openTab(page, 'Indsatser og tilbud', 'Indsatser og tilbud');
  const create = page.getByRole('group', { name: 'Opret indsats' });

  await create.getByLabel('Indsats', { exact: true }).selectOption({ label: COACH_TYPE });
  await create
    .getByLabel('Person', { exact: true })
    .selectOption({ label: `${MOTHER} (Forælder)` });
  await create.getByRole('radio', { name: 'En ekstern udfører' }).check();
  await create.getByLabel('Navn på ekstern udfører').fill(COACH_NAME);
  await create.getByRole('button', { name: 'Opret indsats' }).click();
  await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();
  const coach = page.getByRole('region', { name: `${COACH_TYPE} – ${MOTHER}` });
  await coach.getByRole('radio', { name: 'Start indsatsen' }).check();
  await coach.getByLabel('Startdato').fill(danishDaysAgo(0));
  await coach.getByRole('button', { name: 'Gem status' }).click();
  await coach.getByText('Indsatsen er startet.').waitFor();

  await create.getByLabel('Indsats', { exact: true }).selectOption({ label: MENTOR_TYPE });
  await create.getByLabel('Person', { exact: true }).selectOption({ label: `${GIRL} (Borger)` });
  await create.getByRole('radio', { name: 'En medarbejder i kommunen' }).check();
  await create
    .getByLabel('Medarbejder', { exact: true })
    .selectOption({ label: 'Frederik Demo-Mentor' });
  await create.getByLabel('Formål (valgfrit)').fill('En voksen at tale med uden for familien.');
  await create.getByRole('button', { name: 'Opret indsats' }).click();
  await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();
  // The school's mentor met her from the week the letter was sent: a start before the case was
  // registered asks why it is recorded only now.
  const mentor = page.getByRole('region', { name: `${MENTOR_TYPE} – ${GIRL}` });
  await mentor.getByRole('radio', { name: 'Start indsatsen' }).check();
  await mentor.getByLabel('Startdato').fill(danishDaysAgo(MENTOR_STARTED_DAYS_AGO));
  await mentor
    .getByRole('group', { name: 'Hvorfor registreres det først nu?' })
    .getByRole('radio', { name: 'Registreret for sent' })
    .check();
  await mentor.getByRole('button', { name: 'Gem status' }).click();
  await mentor.getByText('Indsatsen er startet.').waitFor();
  await fact(mentor, 'Periode')
    .getByText(`${danishDaysAgo(MENTOR_STARTED_DAYS_AGO)} – …`)
    .waitFor();

  const table = page.getByRole('table', { name: `Indsatser i sag ${story.caseReference}` });
  await table
    .getByRole('row', { name: new RegExp(MOTHER) })
    .getByText('I gang')
    .waitFor();
  await table
    .getByRole('row', { name: new RegExp(GIRL) })
    .getByText('I gang')
    .waitFor();
  expect(errors).toEqual([]);
}

/**
 * Step: family conversations are planned; the case goes on hold while the family is abroad (the
 * overview says so) and is resumed with a reason, the conversations started on resuming.
 */
export async function holdAndResume(story: SiblingStory) {
  const { page, errors } = story.coordinator;
  const create = page.getByRole('group', { name: 'Opret indsats' });
  await create.getByLabel('Indsats', { exact: true }).selectOption({ label: FAMILY_TALKS_TYPE });
  await create.getByLabel('Person', { exact: true }).selectOption({ label: `${GIRL} (Borger)` });
  // The conversations are for the whole family: the girl, her mother and her brother.
  await create.getByRole('radio', { name: 'Familie eller gruppe' }).check();
  const participants = create.getByRole('group', { name: 'Deltagere' });
  await participants.getByRole('checkbox', { name: `${MOTHER} (Forælder)` }).check();
  await participants.getByRole('checkbox', { name: `${BROTHER} (Søskende)` }).check();
  await create.getByRole('radio', { name: 'En ekstern udfører' }).check();
  await create.getByLabel('Navn på ekstern udfører').fill(FAMILY_TALKS_PROVIDER);
  await create.getByRole('button', { name: 'Opret indsats' }).click();
  await create.getByText('Indsatsen er oprettet som planlagt.').waitFor();

  await openTab(page, 'Overblik', 'Sagens status');
  // The chronology says when the mentor really started and why it was recorded later.
  const started = longDanishDaysAgo(MENTOR_STARTED_DAYS_AGO);
  await page
    .getByRole('region', { name: 'Forløb' })
    .getByText(`Skete ${started} (registreret ${longDanishDaysAgo(0)}, registreret for sent)`)
    .waitFor();
  const panel = statusPanel(page);
  await panel.getByLabel('Begrundelse', { exact: true }).fill(ABROAD);
  await panel.getByRole('button', { name: 'Sæt sagen i bero' }).click();
  await expect.poll(() => fact(panel, 'Status').innerText()).toBe('Sat i bero');
  expect(await fact(panel, 'Begrundelse').innerText()).toBe(ABROAD);

  // The overview shows the case on hold.
  await page.goto(story.journey.url('/sager'));
  await h1(page, 'Sager').waitFor();
  const row = page
    .getByRole('table', { name: 'Dine sager' })
    .getByRole('row', { name: new RegExp(story.caseReference) });
  await row.getByText('Sat i bero').waitFor();
  await row.getByText(GIRL).waitFor();
  await row.getByRole('link', { name: story.caseReference }).click();
  await h1(page, `Sag ${story.caseReference}`).waitFor();

  // Resuming asks why, and what becomes of the conversations that were waiting.
  const resume = statusPanel(page);
  await resume.getByRole('button', { name: 'Genoptag sagen' }).click();
  await resume
    .getByRole('alert')
    .getByRole('link', { name: /^Begrundelse for genoptagelse: / })
    .waitFor();
  await resume.getByLabel('Begrundelse for genoptagelse').fill(HOME_AGAIN);
  await resume
    .getByRole('group', { name: `${FAMILY_TALKS_TYPE} for ${GIRL} (Planlagt)` })
    .getByRole('radio', { name: 'Start indsatsen nu' })
    .check();
  await resume.getByText(`${COACH_TYPE} for ${MOTHER}`).waitFor();
  await resume.getByText(`${MENTOR_TYPE} for ${GIRL}`).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await resume.getByRole('button', { name: 'Genoptag sagen' }).click();
  await expect.poll(() => fact(resume, 'Status').innerText()).toBe('Aktiv');
  await resume.getByRole('button', { name: 'Sæt sagen i bero' }).waitFor();

  await page.goto(caseUrl(story, '/indsatser'));
  const talks = page.getByRole('region', { name: `${FAMILY_TALKS_TYPE} – ${GIRL}` });
  await fact(talks, 'Status').getByText('I gang').waitFor();
  // Main person first, then the others by name.
  const others = [`${MOTHER} (Forælder)`, `${BROTHER} (Søskende)`];
  const family = [`${GIRL} (Borger)`, ...others.sort((a, b) => a.localeCompare(b, 'da'))];
  expect(await fact(talks, 'Deltagere').innerText()).toBe(family.join(', '));
  expect(errors).toEqual([]);
}
