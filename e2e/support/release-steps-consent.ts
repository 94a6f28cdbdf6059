import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './browser.ts';
import { unexpected } from './inquiries.ts';
import { accessRow, openPartnersTab } from './release-steps-ksp.ts';
import {
  CITIZEN,
  CONSENT_ENDS,
  GOALS,
  JOBCENTER,
  RELEASE,
  SENTENCE_ENDS,
  type ReleaseStory,
} from './release.ts';
import { totpCode, totpStep } from '../../server/access/totp.ts';
import { decodeMail } from '../../server/test/smtp.ts';
import { enterPassword, freshCode, h1, main, openBrowser } from './session.ts';

/**
 * The release journey's second phase: the young man gives his written consent to share with the
 * jobcenter (standing access, the jobcenter, identity, the case's history and the plan); the
 * signed form comes back and is recorded; the jobcenter's consultant is invited on the consent
 * basis and sees the job goal. Later he withdraws the consent, and the jobcenter's access ends at
 * once: the consultant no longer sees the case, and the team's partner list says why.
 */

const CONSENT_PURPOSE =
  'Mikkel giver samtykke til, at kommunen deler hans handleplan med jobcentret, så han kan komme i job eller uddannelse efter løsladelsen.';

const consentsTable = (page: Page) =>
  page.getByRole('table', { name: `Samtykker i sag ${RELEASE.reference}` });

/** The path and token of the link in the invitation e-mail to the new consultant. */
async function activationPath(story: ReleaseStory): Promise<string> {
  let mail: string | undefined;
  await expect
    .poll(
      () => {
        mail = story.smtp.received.find((m) => m.rcptTo.includes(JOBCENTER.email))?.raw;
        return mail !== undefined;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  const { text } = decodeMail(mail ?? '');
  // The e-mail names neither the citizen nor the case.
  expect(text).not.toContain(CITIZEN);
  expect(text).not.toContain(RELEASE.reference);
  const link = /https?:\/\/\S+/.exec(text)?.[0] ?? '';
  const url = new URL(link);
  expect(url.pathname).toBe('/partner/aktivering');
  return url.pathname + url.hash;
}

/** Step: his written consent, the signed form recorded, and the jobcenter invited on it. */
export async function consentAndInviteJobcenter(story: ReleaseStory) {
  const { page, errors } = story.coordinator;
  await page.goto(story.journey.url(`/sager/${story.caseId}/indsatser`));
  const form = page.getByRole('group', { name: 'Registrér samtykke' });
  await form.waitFor();
  await form.getByRole('radio', { name: 'Personen selv' }).check();
  await form.getByLabel('Hvad er der givet samtykke til?').fill(CONSENT_PURPOSE);
  await form.getByRole('checkbox', { name: 'Adgang til sagen i en periode' }).check();
  await form.getByRole('checkbox', { name: /^Identitet/ }).check();
  await form.getByRole('checkbox', { name: 'Sagens forløb' }).check();
  await form.getByRole('checkbox', { name: 'Handleplan og mål' }).check();
  await form.getByRole('checkbox', { name: `${JOBCENTER.organisation} (Jobcenter)` }).check();
  await form.getByRole('radio', { name: 'Skriftligt' }).check();
  await form.getByRole('checkbox', { name: /^Blanketten er ikke kommet retur/ }).check();
  await form.getByLabel('Gælder til og med').fill(CONSENT_ENDS);
  await form.getByRole('button', { name: 'Registrér samtykke' }).click();
  await main(page).getByText('Samtykket er registreret.').waitFor();
  const row = consentsTable(page).getByRole('row').filter({ hasText: CONSENT_PURPOSE });
  await row.getByText('Afventer underskrift').waitFor();

  // The signed form comes back: recorded as returned, and the consent holds.
  await row.getByRole('button', { name: 'Registrér underskrevet blanket' }).click();
  await row.getByRole('button', { name: 'Registrér underskrift' }).click();
  await row.getByText('Gyldigt', { exact: true }).waitFor();
  await row.getByText(/Underskrevet \d/).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The jobcenter invited on the consent basis, with the job goal only.
  await openPartnersTab(story, page);
  const invite = page.locator(`#partner-invite-${story.caseId}`);
  await invite.getByLabel('Samarbejdspartner', { exact: true }).selectOption({
    label: JOBCENTER.organisation,
  });
  await invite.getByRole('radio', { name: 'En ny person' }).check();
  await invite.getByLabel('Navn', { exact: true }).fill(JOBCENTER.name);
  await invite.getByLabel('E-mail', { exact: true }).fill(JOBCENTER.email);
  await invite.getByRole('checkbox', { name: /^Mål i handleplanen/ }).check();
  await invite.getByRole('checkbox', { name: GOALS.job }).check();
  const basis = invite.getByLabel('Hjemmel', { exact: true });
  await basis.locator('option[value="consent"]').waitFor({ state: 'attached' });
  // No § 115 basis covers a jobcenter.
  expect(await basis.locator('option[value="rpl_115_ksp"]').count()).toBe(0);
  await basis.selectOption('consent');
  const consent = invite.getByLabel('Borgerens samtykke', { exact: true });
  const option = consent.locator('option', { hasText: CONSENT_PURPOSE.slice(0, 40) });
  await option.waitFor({ state: 'attached' });
  await consent.selectOption((await option.getAttribute('value')) ?? '');
  await invite.getByLabel('Formål', { exact: true }).fill(JOBCENTER.purpose);
  await invite.getByLabel('Slutdato', { exact: true }).fill(SENTENCE_ENDS);
  await invite.getByRole('button', { name: 'Invitér', exact: true }).click();
  await main(page)
    .getByText(/^Samarbejdspartneren er inviteret\./)
    .waitFor();
  const access = accessRow(page, JOBCENTER.name);
  await access.getByText('Aktiv', { exact: true }).waitFor();
  await access.getByText(/har endnu ikke oprettet adgangskode/).waitFor();
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;

  // The consultant activates her account from the e-mail, sets up her app and sees the job goal,
  // and nothing of Kriminalforsorgen's goals.
  story.jobcenter = await openBrowser(story.journey);
  const partner = story.jobcenter.page;
  await partner.goto(story.journey.url(await activationPath(story)));
  await h1(partner, 'Opret din adgangskode').waitFor();
  await partner.getByLabel('Adgangskode', { exact: true }).fill(JOBCENTER.password);
  await partner.getByRole('button', { name: 'Opret adgangskode' }).click();
  const done = main(partner).getByText(/^Din adgangskode er oprettet\. Dit brugernavn er /);
  await done.waitFor();
  const username = /Dit brugernavn er (\S+?)\.?$/.exec(await done.innerText())?.[1] ?? '';
  await main(partner).getByRole('link', { name: 'Log ind' }).click();
  await h1(partner, 'Log ind').waitFor();
  await enterPassword(partner, username, JOBCENTER.password);
  await h1(partner, 'Opsæt din godkendelsesapp').waitFor();
  const secret = (await partner.locator('.totp-secret code').innerText()).replace(/\s/g, '');
  await partner
    .getByLabel('Kode fra appen')
    .fill(await freshCode((now) => totpCode(secret, totpStep(now))));
  await partner.getByRole('button', { name: 'Bekræft og aktivér' }).click();
  await h1(partner, 'Gem dine engangskoder').waitFor();
  story.jobcenterUsername = username;
  story.jobcenterRecoveryCodes = await partner
    .getByRole('list', { name: 'Dine engangskoder' })
    .getByRole('listitem')
    .allInnerTexts();
  await partner.getByRole('button', { name: 'Jeg har gemt koderne' }).click();
  await h1(partner, 'Gem dine engangskoder').waitFor({ state: 'hidden' });
  await partner.goto(story.journey.url('/mine-sager'));
  await h1(partner, 'Mine sager').waitFor();
  await partner.getByRole('link', { name: RELEASE.reference }).click();
  await h1(partner, `Sag ${RELEASE.reference}`).waitFor();
  await main(partner).getByText(GOALS.job).waitFor();
  expect(await main(partner).getByText(GOALS.housing).count()).toBe(0);
  expect(unexpected(story.jobcenter.errors)).toEqual([]);
  story.jobcenter.errors.length = 0;
}

/** Step: he withdraws the consent; the jobcenter's access ends at once. */
export async function withdrawConsent(story: ReleaseStory) {
  const { page, errors } = story.coordinator;
  await page.goto(story.journey.url(`/sager/${story.caseId}/indsatser`));
  const row = consentsTable(page).getByRole('row').filter({ hasText: CONSENT_PURPOSE });
  await row.getByRole('button', { name: 'Træk samtykket tilbage' }).click();
  await row.getByRole('button', { name: 'Træk tilbage', exact: true }).click();
  await row.getByText('Trukket tilbage', { exact: true }).waitFor();

  // The team's partner list: the jobcenter's access ended with the consent; KSP's goes on.
  await openPartnersTab(story, page);
  await accessRow(page, JOBCENTER.name)
    .getByText('Samtykket er trukket tilbage', { exact: true })
    .waitFor();
  await accessRow(page, 'Karsten Demo-Fængselsbetjent')
    .getByText('Aktiv', { exact: true })
    .waitFor();
  expect(unexpected(errors)).toEqual([]);
  errors.length = 0;

  // The consultant, still logged in, no longer sees the case: not in the list, not by its address.
  const partner = story.jobcenter.page;
  const caseUrl = partner.url();
  await partner.goto(story.journey.url('/mine-sager'));
  await h1(partner, 'Mine sager').waitFor();
  await main(partner).getByText('Du er ikke inviteret ind i nogen sager lige nu.').waitFor();
  expect(await partner.getByRole('link', { name: RELEASE.reference }).count()).toBe(0);
  await partner.goto(caseUrl);
  // Answered as a case that does not exist for them (404), not as a refusal that confirms it.
  await h1(partner, 'Siden findes ikke').waitFor();
  expect(await main(partner).getByText(GOALS.job).count()).toBe(0);
  // Logging in anew (a new browser; a recovery code, as her app's code was just used) changes
  // nothing.
  const again = await openBrowser(story.journey);
  await again.page.goto(story.journey.url('/mine-sager'));
  await h1(again.page, 'Log ind').waitFor();
  await enterPassword(again.page, story.jobcenterUsername, JOBCENTER.password);
  await h1(again.page, 'Bekræft med din app').waitFor();
  await again.page.getByRole('button', { name: 'Brug en engangskode i stedet' }).click();
  await again.page.getByLabel('Engangskode').fill(story.jobcenterRecoveryCodes[0] ?? '');
  await again.page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await h1(again.page, 'Mine sager').waitFor();
  await main(again.page).getByText('Du er ikke inviteret ind i nogen sager lige nu.').waitFor();
  expect(await again.page.getByRole('link', { name: RELEASE.reference }).count()).toBe(0);
  // The API answers as for a case never shared with them.
  expect(
    await partner.request
      .get(story.journey.url(`/api/partner/cases/${story.caseId}`))
      .then((r) => r.status()),
  ).toBe(404);
}
