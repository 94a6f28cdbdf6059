import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import {
  danishDateAgo,
  danishTimeAgo,
  receiptReference,
  recordSimpleInquiry,
  REFERENCE,
  unexpected,
} from './support/inquiries.ts';
import { h1, logIn, main, openBrowser, pathname, UUID } from './support/session.ts';

/**
 * Concern inquiries in Chromium against a server with the demo data: the hotline records an
 * urgent inquiry and gets a receipt; the coordinator triages it, hands it to the forum, the forum
 * and the police contribute, and the coordinator decides it into a case. An inquiry decided "no
 * concern" stays out of a caseworker's sight; and two coordinators saving the same inquiry get a
 * clear conflict. The journeys build on each other and run in order.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.stop();
});

/** The coordinator's browser from journey 1, reused later: a TOTP code works only once. */
let coordinator: { page: Page; errors: string[] } | undefined;
let urgentPath = '';
let urgentReference = '';

describe('concern inquiries in Chromium', () => {
  it('lets the hotline record an urgent inquiry, with the police alert and a receipt', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/henvendelser/ny'));
    await logIn(page, 'demo.hotline');
    await h1(page, 'Ny henvendelse').waitFor();
    expect(pathname(page)).toBe('/henvendelser/ny');
    // The receipt time defaults to now, in Danish format.
    expect(await page.getByLabel('Dato', { exact: true }).inputValue()).toMatch(
      /^\d{2}\.\d{2}\.\d{4}$/,
    );
    expect(await page.getByLabel('Klokkeslæt', { exact: true }).inputValue()).toMatch(
      /^\d{2}\.\d{2}$/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A date the browser cannot read: the error summary names the field and takes focus.
    await page.getByLabel('Dato', { exact: true }).fill('31.02.2026');
    await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.getByRole('link', { name: /^Dato: 31\.02\.2026 findes ikke/ }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Der er problemer');
    expect(await page.getByLabel('Dato', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    // The server's field errors land next to the fields too (nothing chosen or written yet).
    await page.getByLabel('Dato', { exact: true }).fill(danishTimeAgo(0).date);
    await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
    await summary.getByRole('link', { name: /^Kilde: / }).waitFor();
    await summary.getByRole('link', { name: /^Hvad har anmelderen set eller hørt\?: / }).waitFor();
    expect(await page.getByLabel('Kilde', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Kilde', { exact: true }).selectOption('teacher');
    await page.getByLabel('Kanal', { exact: true }).selectOption('phone');
    await page.getByLabel('Anmelderens navn').fill('Lise Demo-Lærer');
    await page.getByLabel('Anmelderens kontaktoplysninger').fill('lise@skole.example');
    // The call came six hours ago: the deadline is the nearest in the inbox (the demo inquiries
    // are younger), so the coordinator finds it at the top.
    const received = danishTimeAgo(6);
    await page.getByLabel('Dato', { exact: true }).fill(received.date);
    await page.getByLabel('Klokkeslæt', { exact: true }).fill(received.time);
    await page.getByLabel('Flere personer').check();

    const boy = page.getByRole('group', { name: 'Person 1' });
    await boy.getByLabel('Fornavn').fill('Emil Demo');
    await boy.getByLabel('Efternavn').fill('Jensen');
    // 16 years old: born 16 years and a month ago.
    await boy.getByLabel('Fødselsdato').fill(danishDateAgo(16, 30));
    await boy.getByText('10 cifre, vises maskeret').waitFor();

    const father = page.getByRole('group', { name: 'Person 2' });
    await father.getByLabel('Relation til første person').selectOption('parent');
    await father.getByLabel('Fornavn').fill('Peter Demo');
    await father.getByLabel('Efternavn').fill('Jensen');

    await page
      .getByLabel('Hvad har anmelderen set eller hørt?')
      .fill('Emil har i timen sagt, at en bestemt gruppe burde fjernes fra landet med vold.');

    // No alert before a serious sign is checked; at once after.
    const police = page.getByRole('alert').filter({ hasText: 'ring 112' });
    expect(await police.count()).toBe(0);
    await page.getByLabel(/absolutte løsninger/).check();
    await police.waitFor();
    await police.getByText('Ellers kontakt politiet på 114.').waitFor();
    await police.getByText('Henvendelsen bliver markeret som hastende.').waitFor();
    await page.getByLabel('Bemærkning til tegnet').fill('Sagt to gange i denne uge.');
    await page.getByText('Listen bygger på Nationalt Center for Forebyggelse').waitFor();

    // The form is saved as a draft a few seconds after the changes.
    await main(page)
      .getByText(/^Kladde gemt kl\. \d{2}\.\d{2}$/)
      .waitFor({ timeout: 15_000 });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
    urgentReference = await receiptReference(page);
    await main(page).getByText('Ja, henvendelsen er markeret som hastende').waitFor();
    await main(page).getByText('Tovholderen har modtaget henvendelsen.').waitFor();
    await page.getByRole('alert').filter({ hasText: 'ring 112' }).waitFor();
    // The hotline may record, not open: no link to the inquiry.
    expect(await page.getByRole('link', { name: /Åbn henvendelse/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The inbox is not the hotline's: only the way to record an inquiry.
    await page.goto(journey.url('/henvendelser'));
    await h1(page, 'Henvendelser').waitFor();
    await page.getByRole('link', { name: 'Ny henvendelse' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets the coordinator find it first in the inbox, triage it and hand it to the forum', async () => {
    expect(urgentReference).toMatch(REFERENCE);
    coordinator = await openBrowser(journey);
    const { page, errors } = coordinator;
    await page.goto(journey.url('/henvendelser'));
    await logIn(page, 'demo.tovholder');
    await h1(page, 'Henvendelser').waitFor();
    const table = page.getByRole('table', { name: 'Henvendelser sorteret efter frist' });
    const first = table.getByRole('row').nth(1);
    await first.getByRole('link', { name: urgentReference }).waitFor();
    await first.getByText('Hastende').waitFor();
    await first.getByText('Ikke vurderet').waitFor();
    await first.getByText('Emil Demo Jensen (+1)').waitFor();
    await first.getByText(/^om 1[78] t( \d+ min)?$/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await first.getByRole('link', { name: urgentReference }).click();
    await h1(page, `Henvendelse ${urgentReference}`).waitFor();
    expect(pathname(page)).toMatch(new RegExp(`^/henvendelser/${UUID.source}$`));
    urgentPath = pathname(page);
    await main(page)
      .getByText(/absolutte løsninger/)
      .waitFor();
    await main(page).getByText('Sagt to gange i denne uge.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Emil Demo Jensen' }).waitFor();
    await main(page).getByRole('cell', { name: 'Forælder' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const triage = page.getByRole('region', { name: 'Triage' });
    await triage.getByLabel('Alvor').selectOption('high');
    await triage.getByText(/Fristen for en afgørelse bliver 24 timer/).waitFor();
    await triage.getByRole('button', { name: 'Gem triage' }).click();
    await triage.getByText('Triagen er gemt.').waitFor();
    await main(page).locator('dd', { hasText: /^Høj$/ }).waitFor();

    const forum = page.getByRole('region', { name: 'Forum' });
    const select = forum.getByLabel('Forum, der vurderer henvendelsen');
    const infohus = await select
      .locator('option', { hasText: 'Demo Infohus' })
      .getAttribute('value');
    expect(infohus).toMatch(UUID);
    await select.selectOption(infohus ?? '');
    await forum.getByRole('button', { name: 'Tildel forum' }).click();
    await forum.getByText('Forummet er gemt.').waitFor();
    await main(page)
      .locator('dd', { hasText: /^Demo Infohus$/ })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
  });

  it('lets the forum member and the police contact each add a contribution', async () => {
    expect(urgentPath).toMatch(UUID);
    for (const [username, text, basis] of [
      ['demo.forum', 'SSP kender Emil fra klubben; han har trukket sig fra sine venner.', null],
      ['demo.politi', 'Politiet har ingen sager på Emil, men kender til gruppen.', 'rpl_115a'],
    ] as const) {
      const { page, errors } = await openBrowser(journey);
      await page.goto(journey.url(urgentPath));
      await logIn(page, username);
      await h1(page, `Henvendelse ${urgentReference}`).waitFor();
      await page.getByLabel('Dit bidrag').fill(text);
      const legalBasis = page.getByLabel('Hjemmel til at dele oplysningerne');
      // The Infohus basis is the default.
      expect(await legalBasis.inputValue()).toBe('rpl_115');
      if (basis) await legalBasis.selectOption(basis);
      await page.getByRole('button', { name: 'Tilføj bidrag' }).click();
      await main(page).getByText('Bidraget er tilføjet.').waitFor();
      await main(page).getByText(text).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    }
  });

  it('lets the coordinator decide a radicalisation concern and go to the new case', async () => {
    expect(coordinator).toBeDefined();
    const { page, errors } = coordinator ?? (await openBrowser(journey));
    await page.reload();
    await h1(page, `Henvendelse ${urgentReference}`).waitFor();
    await main(page).getByText('SSP kender Emil fra klubben', { exact: false }).waitFor();
    await main(page).getByText('Politiet har ingen sager på Emil', { exact: false }).waitFor();
    await main(page)
      .locator('.inquiry-contribution-meta', { hasText: 'Retsplejelovens § 115 a' })
      .waitFor();

    await page.getByLabel('Radikaliseringsbekymring').check();
    await page
      .getByLabel('Begrundelse')
      .fill('Tale om at fjerne en gruppe med vold, bekræftet af SSP; bekymringen har substans.');
    await page.getByLabel('Form for ekstremisme').selectOption('right_wing');
    await page.getByLabel('Myndighedsområdet').selectOption('inside');
    await page.getByLabel('Primær radikaliseringssag').selectOption('yes');
    await page.getByLabel('Miljø', { exact: true }).selectOption('both');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem afgørelsen' }).click();

    const caseLink = page.getByRole('link', { name: /^Gå til sag S-\d{4}-\d{4}$/ });
    await caseLink.waitFor();
    await main(page).getByText('Under 18 år', { exact: true }).waitFor();
    await main(page).getByText('Højreekstremisme').first().waitFor();
    const caseName = (await caseLink.innerText()).replace('Gå til sag ', '');
    await caseLink.click();
    await h1(page, `Sag ${caseName}`).waitFor();
    expect(pathname(page)).toMatch(new RegExp(`^/sager/${UUID.source}$`));
    expect(unexpected(errors)).toEqual([]);
  });

  it('keeps an inquiry decided "no concern" and its person from a caseworker', async () => {
    expect(coordinator).toBeDefined();
    const { page, errors } = coordinator ?? (await openBrowser(journey));
    const reference = await recordSimpleInquiry(
      journey,
      page,
      'Sofie Demo',
      'Larsen',
      'Sofie har delt et opslag, som en nabo var bekymret for.',
    );
    await page.getByRole('link', { name: `Åbn henvendelse ${reference}` }).click();
    await h1(page, `Henvendelse ${reference}`).waitFor();
    const inquiryPath = pathname(page);
    const personHref = await page
      .getByRole('link', { name: 'Sofie Demo Larsen' })
      .getAttribute('href');
    expect(personHref).toMatch(new RegExp(`^/personer/${UUID.source}$`));

    await page.getByLabel('Ingen bekymring').check();
    await page
      .getByLabel('Begrundelse')
      .fill('Opslaget var satire; ingen tegn på radikalisering efter samtale med familien.');
    await page.getByRole('button', { name: 'Gem afgørelsen' }).click();
    await page.getByRole('heading', { level: 3, name: /Ingen bekymring/ }).waitFor();
    await main(page).getByText('Endelig', { exact: true }).waitFor();
    expect(unexpected(errors)).toEqual([]);

    const caseworker = await openBrowser(journey);
    await caseworker.page.goto(journey.url(inquiryPath));
    await logIn(caseworker.page, 'demo.sagsbehandler');
    await h1(caseworker.page, 'Siden findes ikke').waitFor();
    expect(await main(caseworker.page).innerText()).not.toContain('Sofie');
    await caseworker.page.goto(journey.url(personHref ?? '/'));
    await h1(caseworker.page, 'Siden findes ikke').waitFor();
    expect(await main(caseworker.page).innerText()).not.toContain('Sofie');
    expect(unexpected(caseworker.errors)).toEqual([]);
  });

  it('tells the second of two coordinators saving the same inquiry that it changed meanwhile', async () => {
    expect(coordinator).toBeDefined();
    const first = coordinator ?? (await openBrowser(journey));
    const { page } = first;
    // Start an inquiry, leave it as a draft, and continue it.
    await page.goto(journey.url('/henvendelser/ny'));
    await h1(page, 'Ny henvendelse').waitFor();
    const draftText = 'Jonas har talt om at rejse ud for at kæmpe.';
    await page.getByLabel('Hvad har anmelderen set eller hørt?').fill(draftText);
    await page.getByLabel('Kilde', { exact: true }).selectOption('friend');
    await main(page)
      .getByText(/^Kladde gemt kl\. \d{2}\.\d{2}$/)
      .waitFor({ timeout: 15_000 });
    await page.goto(journey.url('/henvendelser/ny'));
    await h1(page, 'Ny henvendelse').waitFor();
    await main(page).getByText('Du har en kladde, der ikke er sendt').waitFor();
    await page.getByRole('button', { name: 'Fortsæt kladde' }).click();
    expect(await page.getByLabel('Hvad har anmelderen set eller hørt?').inputValue()).toBe(
      draftText,
    );
    expect(await page.getByLabel('Kilde', { exact: true }).inputValue()).toBe('friend');
    await page.getByLabel('Kanal', { exact: true }).selectOption('meeting');

    // A person already registered (same name and birth date): the form offers the registration.
    // (By CPR number too, but the demo persons are seeded without the CPR digest it looks for.)
    const person = page.getByRole('group', { name: 'Person 1' });
    await person.getByLabel('Fornavn').fill('Ahmad Demo');
    await person.getByLabel('Efternavn').fill('Nielsen');
    await person.getByLabel('Fødselsdato').fill('02.05.2010');
    const existing = person.getByRole('button', { name: /Brug den eksisterende registrering/ });
    await existing.waitFor();
    await person
      .getByText(/Ahmad Demo Nielsen, født 02\.05\.2010 \(samme navn og fødselsdato\)/)
      .waitFor();
    await existing.click();
    await person.getByText('Eksisterende registrering:').waitFor();
    expect(await person.getByLabel('Fornavn').count()).toBe(0);
    await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
    const reference = await receiptReference(page);

    // The draft went with the inquiry.
    await page.getByRole('button', { name: 'Registrér en ny henvendelse' }).click();
    await h1(page, 'Ny henvendelse').waitFor();
    await page.getByLabel('Hvad har anmelderen set eller hørt?').waitFor();
    expect(await page.getByRole('button', { name: 'Fortsæt kladde' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Tilbage til henvendelser' }).click();
    await h1(page, 'Henvendelser').waitFor();
    await page.getByRole('link', { name: reference }).click();
    await h1(page, `Henvendelse ${reference}`).waitFor();
    await page.getByRole('link', { name: 'Ahmad Demo Nielsen' }).waitFor();
    const inquiryPath = pathname(first.page);

    const second = await openBrowser(journey);
    await second.page.goto(journey.url(inquiryPath));
    await logIn(second.page, 'demo.tovholder2');
    await h1(second.page, `Henvendelse ${reference}`).waitFor();

    // Both open the edit form on the same version.
    for (const { page } of [first, second]) {
      await page.getByRole('button', { name: 'Redigér oplysningerne' }).click();
      await page.getByRole('heading', { level: 3, name: 'Redigér henvendelsen' }).waitFor();
    }
    const observation = (page: Page) =>
      page
        .getByRole('region', { name: 'Oplysninger' })
        .getByLabel('Hvad har anmelderen set eller hørt?');
    await observation(first.page).fill('Jonas har to gange talt om at rejse ud for at kæmpe.');
    await first.page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await first.page.getByRole('button', { name: 'Redigér oplysningerne' }).waitFor();
    await main(first.page)
      .getByText('Jonas har to gange talt om at rejse ud for at kæmpe.')
      .waitFor();

    await observation(second.page).fill('Jonas har talt om at rejse til Syrien.');
    await second.page.getByRole('button', { name: 'Gem ændringerne' }).click();
    const conflict = second.page.getByRole('alert').filter({
      hasText: 'En anden har gemt ændringer imens',
    });
    await conflict.waitFor();
    await conflict
      .getByText(/Henvendelsen er nu i version \d+, og du arbejdede i version \d+\./)
      .waitFor();
    await conflict.getByText('Dine ændringer er ikke gemt.', { exact: false }).waitFor();
    await expect
      .poll(() => second.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('En anden har gemt ændringer imens');
    expect(await seriousA11yViolations(second.page)).toEqual([]);

    await conflict.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await expect
      .poll(() => observation(second.page).inputValue())
      .toBe('Jonas har to gange talt om at rejse ud for at kæmpe.');
    expect(await second.page.getByText('En anden har gemt ændringer imens').count()).toBe(0);

    // The history says who changed what, in words. The tabs are the dkfds script's: the arrow
    // keys move between them (wrapping around) and the chosen one shows its panel.
    const historyTab = first.page.getByRole('tab', { name: 'Historik' });
    await historyTab.click();
    await historyTab.press('ArrowRight');
    const overviewTab = first.page.getByRole('tab', { name: 'Henvendelsen' });
    expect(await overviewTab.getAttribute('aria-selected')).toBe('true');
    await overviewTab.press('ArrowLeft');
    expect(await historyTab.getAttribute('aria-selected')).toBe('true');
    const history = first.page.getByRole('table', {
      name: `Historik for henvendelse ${reference}`,
    });
    await history.getByRole('cell', { name: 'Ændret' }).waitFor();
    await history.getByText('Det observerede:').waitFor();
    await history.getByRole('cell', { name: 'Registreret' }).waitFor();
    expect(await seriousA11yViolations(first.page)).toEqual([]);
    expect(unexpected(first.errors)).toEqual([]);
    expect(unexpected(second.errors)).toEqual([]);
  });
});
