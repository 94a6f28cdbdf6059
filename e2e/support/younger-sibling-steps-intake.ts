import { expect } from 'vitest';
import { seriousA11yViolations } from './browser.ts';
import { receiptReference, REFERENCE, unexpected } from './inquiries.ts';
import { apiPost, h1, logIn, main, openBrowser, pathname, UUID } from './session.ts';
import {
  BROTHER,
  FAMILY,
  GIRL,
  RECEIVED_DAYS_AGO,
  RECEIVED_ON,
  workListTask,
  type SiblingStory,
} from './younger-sibling.ts';

/**
 * The younger-sibling journey's first phase: the school's letter about the girl is registered a
 * week late, with the reason; the start page and the inbox say when it was received instead of an
 * overdue count; triage and the decision open a case for her.
 * Each step goes on from where the one before it left the story (e2e/younger-sibling.e2e.ts).
 */

const isoOf = (danishDate: string) => danishDate.split('.').reverse().join('-');

/** Step: records the school's letter a week late, with the reason, and shows it waiting. */
export async function recordLateInquiry(story: SiblingStory) {
  story.coordinator = await openBrowser(story.journey);
  const { page, errors } = story.coordinator;
  await page.goto(story.journey.url('/henvendelser/ny'));
  await logIn(page, 'demo.tovholder');
  await h1(page, 'Ny henvendelse').waitFor();

  // The brother is known already: the police told the municipality about him earlier (set up
  // through the API; recording an inquiry in the browser is what follows).
  await apiPost(story.journey, page, '/api/inquiries', {
    source: 'police',
    channel: 'email',
    reporter: { name: 'Demo Politikreds' },
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    observation: 'Adam færdes i et miljø, som politiet følger, og deler deres budskaber online.',
    subjectKind: 'person',
    persons: [
      {
        new: {
          givenName: FAMILY.brother.given,
          familyName: FAMILY.brother.family,
          birthDate: isoOf(FAMILY.brother.born),
          cpr: FAMILY.brother.cpr,
        },
      },
    ],
  });

  await page.getByLabel('Kilde', { exact: true }).selectOption('teacher');
  await page.getByLabel('Kanal', { exact: true }).selectOption('letter');
  await page.getByLabel('Anmelderens navn').fill('Mette Demo-Lærer, Demo Skole');
  await page.getByLabel('Anmelderens kontaktoplysninger').fill('mette@skole.example');
  await page.getByLabel('Dato', { exact: true }).fill(RECEIVED_ON);
  await page.getByLabel('Klokkeslæt', { exact: true }).fill('10.15');
  const girl = page.getByRole('group', { name: 'Person 1' });
  await girl.getByLabel('Fornavn').fill(FAMILY.girl.given);
  await girl.getByLabel('Efternavn').fill(FAMILY.girl.family);
  await girl.getByLabel('Fødselsdato').fill(FAMILY.girl.born);
  await girl.getByLabel('CPR-nummer (valgfrit)').fill(FAMILY.girl.cpr);
  await page
    .getByLabel('Hvad har anmelderen set eller hørt?')
    .fill(
      'Yasmin (8. klasse) fortæller, at hendes storebror tager hende med til møder i et miljø, der taler for vold. Hun er begyndt at gentage deres budskaber i timerne.',
    );

  // A receipt a week ago asks why it is recorded only now, and refuses to go without a reason.
  const why = page.getByRole('group', { name: 'Hvorfor registreres det først nu?' });
  await why.waitFor();
  await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Der er problemer' })
    .getByRole('link', { name: /^Hvorfor registreres det først nu\?: / })
    .waitFor();
  await why.getByRole('radio', { name: 'Registreret for sent' }).check();
  await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
  story.inquiryReference = await receiptReference(page);
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;

  // The start page: a new inquiry to triage, as a link, and nothing overdue about it.
  await page.goto(story.journey.url('/'));
  await page.getByRole('table', { name: 'Nye henvendelser' }).waitFor();
  const overdue = page.getByRole('table', { name: 'Overskredet' });
  expect(await overdue.getByText(story.inquiryReference).count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  const task = await workListTask(
    page,
    story.journey,
    'Nye henvendelser',
    `Ny henvendelse skal visiteres i ${story.inquiryReference}`,
  );
  await task.waitFor();

  // The inbox: when it was received, not an overdue count of 160 hours.
  await page.goto(story.journey.url('/henvendelser'));
  await h1(page, 'Henvendelser').waitFor();
  const row = page
    .getByRole('table', { name: 'Henvendelser sorteret efter frist' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: story.inquiryReference }) });
  await row.getByText(`modtaget ${RECEIVED_DAYS_AGO} dage før den blev registreret`).waitFor();
  await row.getByText(GIRL).waitFor();
  await row.getByText(/^om \d+ t/).waitFor();
  expect(await row.innerText()).not.toMatch(/overskredet/i);
  expect(await row.innerText()).not.toContain(BROTHER);
  expect(errors).toEqual([]);
}

/** Step: triages the letter and decides a radicalisation concern, which opens a case for her. */
export async function decideIntoCase(story: SiblingStory) {
  expect(story.inquiryReference).toMatch(REFERENCE);
  const { page, errors } = story.coordinator;
  await page.getByRole('link', { name: story.inquiryReference }).click();
  await h1(page, `Henvendelse ${story.inquiryReference}`).waitFor();
  await main(page)
    .getByText(`modtaget ${RECEIVED_DAYS_AGO} dage før den blev registreret`)
    .waitFor();
  await main(page)
    .getByText(/\(registreret .*, registreret for sent\)$/)
    .waitFor();

  const triage = page.getByRole('region', { name: 'Triage' });
  await triage.getByLabel('Alvor').selectOption('high');
  await triage.getByRole('button', { name: 'Gem triage' }).click();
  await triage.getByText('Triagen er gemt.').waitFor();

  await page.getByLabel('Radikaliseringsbekymring').check();
  await page
    .getByLabel('Begrundelse')
    .fill('Yasmin bliver trukket ind i broderens miljø; skolen ser en tydelig ændring hos hende.');
  await page.getByLabel('Form for ekstremisme').selectOption('militant_islamism');
  await page.getByLabel('Myndighedsområdet').selectOption('inside');
  await page.getByLabel('Primær radikaliseringssag').selectOption('yes');
  await page.getByLabel('Miljø', { exact: true }).selectOption('both');
  await page.getByRole('button', { name: 'Gem afgørelsen' }).click();
  const caseLink = page.getByRole('link', { name: /^Gå til sag S-\d{4}-\d{4}$/ });
  await caseLink.waitFor();
  await main(page).getByText('Under 18 år', { exact: true }).waitFor();
  story.caseReference = (await caseLink.innerText()).replace('Gå til sag ', '');
  await caseLink.click();
  await h1(page, `Sag ${story.caseReference}`).waitFor();
  expect(pathname(page)).toMatch(new RegExp(`^/sager/${UUID.source}$`));
  story.caseId = pathname(page).split('/')[2] ?? '';

  const persons = page.getByRole('table', { name: `Personer i sag ${story.caseReference}` });
  await persons
    .getByRole('row', { name: new RegExp(GIRL) })
    .getByText('Borger')
    .waitFor();
  expect(await persons.getByRole('row').count()).toBe(2);
  // The chronology starts with the opening, which names the inquiry.
  const chronology = page.getByRole('region', { name: 'Forløb' });
  await chronology.locator('li.case-event').getByText('Sagen oprettet').waitFor();
  await chronology.getByText(story.inquiryReference).waitFor();
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;
}
