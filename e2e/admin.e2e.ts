import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  seriousA11yViolations,
  startJourney,
  watchPageErrors,
  type Journey,
} from './support/browser.ts';
import { heading, logIn, main, openBrowser, pathname } from './support/session.ts';

/**
 * The administration in Chromium against a real server: the municipal administrator of Demo
 * Kommune creates a user, changes a role, disables the user, reads the audit trail and changes the
 * municipality's inquiry settings.
 */
let journey: Journey;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  journey = await startJourney();
  ({ context, page, errors } = await openBrowser(journey));
  await page.goto(journey.url('/administration'));
  await logIn(page, 'demo.admin');
});
afterAll(async () => {
  await journey?.stop();
});

const username = `e2e.bruger${Date.now() % 100000}`;

describe('administration in Chromium', () => {
  it('opens on the user list with the parts a municipal administrator may use', async () => {
    await heading(page, 1, 'Administration').waitFor();
    await heading(page, 2, 'Brugere').waitFor();
    expect(pathname(page)).toBe('/administration/brugere');
    const subnav = page.getByRole('navigation', { name: 'Administration' });
    for (const tab of ['Brugere', 'Enheder', 'Revisionsspor', 'Indstillinger']) {
      await subnav.getByRole('link', { name: tab }).waitFor();
    }
    await main(page).getByRole('table', { name: 'Brugere' }).waitFor();
    await main(page).getByRole('cell', { name: 'demo.tovholder', exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates a user, showing field errors first', async () => {
    await main(page).getByRole('link', { name: 'Opret bruger' }).click();
    await heading(page, 2, 'Opret bruger').waitFor();
    await main(page).getByRole('button', { name: 'Opret bruger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    await summary.getByRole('link', { name: /^Brugernavn:/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Brugernavn').fill(username);
    await page.getByLabel('Navn', { exact: true }).fill('Mette E2E-Bruger');
    await page.getByLabel('E-mail').fill('mette.e2e@demo.example.dk');
    await page.getByLabel('Første adgangskode').fill('Lang-og-sjælden-adgangskode-42');
    await page.getByRole('checkbox', { name: 'Sagsbehandler' }).check();
    await page.getByRole('checkbox', { name: 'Social- og familieafdelingen' }).check();
    await main(page).getByRole('button', { name: 'Opret bruger' }).click();
    await heading(page, 2, 'Mette E2E-Bruger').waitFor();
    expect(pathname(page)).toMatch(/^\/administration\/brugere\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('checkbox', { name: 'Sagsbehandler' }).isChecked()).toBe(true);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('mette.e2e@demo.example.dk');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('changes a role', async () => {
    await page.getByRole('checkbox', { name: 'Sagsbehandler' }).uncheck();
    await page.getByRole('checkbox', { name: 'Tovholder', exact: true }).check();
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByRole('status').filter({ hasText: 'Ændringerne er gemt.' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Tovholder', exact: true }).isChecked()).toBe(
      true,
    );
    expect(await page.getByRole('checkbox', { name: 'Sagsbehandler' }).isChecked()).toBe(false);
  });

  it('disables the user after a confirmation', async () => {
    const disable = main(page).getByRole('button', { name: 'Deaktiver bruger' });
    await disable.click();
    const dialog = page.getByRole('dialog', { name: 'Vil du deaktivere Mette E2E-Bruger?' });
    await dialog.waitFor();
    // The dkfds script shows it: the page behind is inert and focus starts on "Annuller".
    expect(await page.locator('#root').getAttribute('inert')).toBe('');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Annuller');
    // Escape closes it (the script's), and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => disable.evaluate((button) => button === document.activeElement))
      .toBe(true);
    expect(await page.locator('#root').getAttribute('inert')).toBeNull();
    await disable.click();
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Deaktiver bruger' }).click();
    await page.getByText('Brugeren er deaktiveret og logget ud.').waitFor();
    await page.getByRole('button', { name: 'Aktivér bruger' }).waitFor();
    await main(page).getByText('Deaktiveret', { exact: true }).waitFor();
  });

  it('lists the units', async () => {
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Enheder' })
      .click();
    await heading(page, 2, 'Enheder').waitFor();
    await main(page).getByRole('table', { name: 'Enheder' }).waitFor();
    await main(page).getByRole('cell', { name: 'Jobcenter' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('filters the audit trail by action and verifies the chain', async () => {
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Revisionsspor' })
      .click();
    await heading(page, 2, 'Revisionsspor').waitFor();
    await main(page).getByRole('table', { name: 'Revisionsspor, nyeste først' }).waitFor();
    await page.getByLabel('Handling').selectOption('permission_change');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    const table = main(page).getByRole('table', { name: 'Revisionsspor, nyeste først' });
    await expect
      .poll(async () => {
        const actions = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
        return actions.length > 0 && actions.every((a) => a === 'Ændring af rettigheder');
      })
      .toBe(true);
    // The role change and the disabling, both by the administrator.
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    await table.getByText('Jens Demo-Administrator').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Kontrollér revisionssporet' }).click();
    await page.getByText(/Revisionssporet er intakt: \d+ poster er kontrolleret\./).waitFor();
    // The browser reports the refused empty form (400) itself; nothing else went wrong.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('changes the inquiry settings, which are kept', async () => {
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Indstillinger' })
      .click();
    await heading(page, 2, 'Indstillinger').waitFor();
    expect(pathname(page)).toBe('/administration/indstillinger');
    const medium = page.getByLabel('Middel alvor (timer)');
    const fourEyes = page.getByRole('checkbox', {
      name: 'En anden tovholder skal godkende hver afgørelse (model 3)',
    });
    // Demo Kommune starts on the defaults.
    expect(await medium.inputValue()).toBe('48');
    expect(await fourEyes.isChecked()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Tovholderen' }).isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The server checks the numbers and names each field it refuses.
    await medium.fill('721');
    await page.getByLabel('Lav alvor (timer)').fill('tre døgn');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.getByRole('link', { name: 'Lav alvor (timer): Skriv et helt tal.' }).waitFor();
    await summary
      .getByRole('link', { name: /^Middel alvor \(timer\): Må højst være 720/ })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await medium.fill('36');
    await page.getByLabel('Lav alvor (timer)').fill('72');
    await fourEyes.check();
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByRole('status').filter({ hasText: 'Indstillingerne er gemt.' }).waitFor();

    await page.reload();
    await heading(page, 2, 'Indstillinger').waitFor();
    await expect.poll(() => medium.inputValue()).toBe('36');
    expect(await fourEyes.isChecked()).toBe(true);
    expect(await page.getByLabel('Høj alvor (timer)').inputValue()).toBe('24');
    expect(await page.getByLabel('Lav alvor (timer)').inputValue()).toBe('72');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says so when someone else saved first, and the settings are set back', async () => {
    // The same administrator in a second tab sets the settings back first.
    const other = await context.newPage();
    const otherErrors = watchPageErrors(other);
    await other.goto(journey.url('/administration/indstillinger'));
    await heading(other, 2, 'Indstillinger').waitFor();
    await expect.poll(() => other.getByLabel('Middel alvor (timer)').inputValue()).toBe('36');
    await other.getByLabel('Middel alvor (timer)').fill('48');
    await other
      .getByRole('checkbox', { name: 'En anden tovholder skal godkende hver afgørelse (model 3)' })
      .uncheck();
    await other.getByRole('button', { name: 'Gem ændringer' }).click();
    await other.getByRole('status').filter({ hasText: 'Indstillingerne er gemt.' }).waitFor();
    await other.close();
    expect(otherErrors).toEqual([]);

    // This tab still has the old version: its change is refused, and the latest is offered.
    await page.getByLabel('Påmindelse før fristen (timer)').fill('6');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'En anden har ændret oplysningerne' });
    await stale.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await stale.getByRole('button', { name: 'Hent den nyeste version' }).click();
    await stale.waitFor({ state: 'detached' });
    // The notice goes at once; the form is set back when the latest version has arrived.
    await expect.poll(() => page.getByLabel('Middel alvor (timer)').inputValue()).toBe('48');
    expect(
      await page
        .getByRole('checkbox', {
          name: 'En anden tovholder skal godkende hver afgørelse (model 3)',
        })
        .isChecked(),
    ).toBe(false);
    expect(await page.getByLabel('Påmindelse før fristen (timer)').inputValue()).toBe('4');
    // The refused out-of-bounds value (400) and the stale change (409) are reported by the
    // browser itself; nothing else went wrong.
    expect(errors.filter((e) => !/status of (400|409)/.test(e))).toEqual([]);
  });
});
