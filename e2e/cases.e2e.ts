import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import { h1, logIn, main, nextStepCode, openBrowser, pathname, UUID } from './support/session.ts';

/**
 * Cases, persons and notifications with need-to-know, in Chromium against a server with the demo
 * cases (server/demo/records.ts): the compartment hidden from a caseworker, break-the-glass by a
 * coordinator and the notice to the other coordinator, the person page and the access report.
 * The journeys build on each other and run in order.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.stop();
});

const HIDDEN_WORDS = /radikalis|ekstremis|radicalis|extremis/i;

/** The coordinator's browser from journey (b), reused by (d): a TOTP code works only once. */
let coordinator: { page: Page; errors: string[] } | undefined;
let citizenId = '';

describe('cases with need-to-know in Chromium', () => {
  it('shows a caseworker the case with a neutral marker and nothing about the concern', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/sager'));
    await logIn(page, 'demo.sagsbehandler');
    await h1(page, 'Sager').waitFor();
    expect(pathname(page)).toBe('/sager');
    const table = page.getByRole('table', { name: 'Dine sager' });
    const row = table.getByRole('row', { name: /S-2026-0001/ });
    await row.getByText('Ahmad Demo Nielsen').waitFor();
    await row.getByText('Medlem', { exact: true }).waitFor();
    expect(await table.getByText('S-2026-0002').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Bryd glasset/ }).count()).toBe(0);
    expect(await main(page).innerText()).not.toMatch(HIDDEN_WORDS);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole('link', { name: 'S-2026-0001' }).click();
    await h1(page, 'Sag S-2026-0001').waitFor();
    expect(pathname(page)).toMatch(new RegExp(`^/sager/${UUID.source}$`));
    await main(page).getByText('Sagen koordineres af forebyggelseskoordinatoren.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Adgang' }).waitFor();
    await page.getByRole('table', { name: 'Personer i sag S-2026-0001' }).waitFor();
    await page.getByRole('table', { name: 'Medlemmer af sag S-2026-0001' }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(HIDDEN_WORDS);
    expect(await page.title()).not.toMatch(HIDDEN_WORDS);
    expect(await page.getByText('Ekstremismeform').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the coordinator the concern and opens another case by breaking the glass', async () => {
    coordinator = await openBrowser(journey);
    const { page, errors } = coordinator;
    await page.goto(journey.url('/sager'));
    await logIn(page, 'demo.tovholder');
    await h1(page, 'Sager').waitFor();
    await page.getByRole('link', { name: 'S-2026-0001' }).click();
    await h1(page, 'Sag S-2026-0001').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bekymringen' }).waitFor();
    await main(page).getByText('Ekstremismeform').waitFor();
    await main(page).getByText('Militant islamisme').waitFor();
    expect(await page.getByText('Sagen koordineres af forebyggelseskoordinatoren.').count()).toBe(
      0,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Tilbage til sager' }).click();
    await h1(page, 'Sager').waitFor();
    expect(await page.getByRole('link', { name: 'S-2026-0002' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Bryd glasset: åbn en sag, du ikke er med i' }).click();
    await h1(page, 'Bryd glasset').waitFor();
    expect(pathname(page)).toBe('/sager/bryd-glasset');
    // The consequences are said before anything is sent.
    const warning = main(page).locator('.alert-warning');
    await warning.getByText(/60 minutter/).waitFor();
    await warning.getByText(/bliver logget/).waitFor();
    await warning.getByText(/andre tovholdere får straks besked/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A reason that is too short: the error summary names the field and takes focus.
    await page.getByLabel('Sagsnummer').fill('S-2026-0002');
    await page.getByLabel('Begrundelse').fill('Akut behov');
    await page.getByLabel('Kode fra appen').fill(nextStepCode());
    await page.getByRole('button', { name: 'Bryd glasset og åbn sagen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.getByRole('link', { name: /^Begrundelse: / }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Der er problemer');
    expect(await page.getByLabel('Begrundelse').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByLabel('Begrundelse')
      .fill('Borgeren er mødt op på rådhuset, og sagens tovholder kan ikke nås i dag.');
    await page.getByLabel('Kode fra appen').fill(nextStepCode());
    await page.getByRole('button', { name: 'Bryd glasset og åbn sagen' }).click();
    await h1(page, 'Sag S-2026-0002').waitFor();
    expect(pathname(page)).toMatch(new RegExp(`^/sager/${UUID.source}$`));
    await page.getByRole('heading', { level: 2, name: 'Du har nødadgang til sagen' }).waitFor();
    await main(page)
      .getByText(/Din adgang udløber kl\. \d{2}\.\d{2}/)
      .waitFor();
    await main(page).getByText('Nødadgang (ikke medlem)').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Tilbage til sager' }).click();
    const row = page.getByRole('table', { name: 'Dine sager' }).getByRole('row', {
      name: /S-2026-0002/,
    });
    await row.getByText('Nødadgang', { exact: true }).waitFor();
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('tells the other coordinator that the glass was broken', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/'));
    await logIn(page, 'demo.tovholder2');
    await h1(page, 'Tovholder').waitFor();
    const bell = page.getByRole('banner').getByRole('link', { name: /^Notifikationer/ });
    await expect.poll(() => bell.innerText()).toMatch(/1/);
    expect(await bell.getAttribute('href')).toBe('/notifikationer');
    await bell.click();
    await h1(page, 'Notifikationer').waitFor();
    await main(page)
      .getByText('Anne Demo-Tovholder har fået nødadgang til sag S-2026-0002.', { exact: false })
      .waitFor();
    await page.getByRole('status').getByText('Du har 1 ulæst notifikation.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Markér som læst' }).click();
    await page.getByRole('status').getByText('Du har ingen ulæste notifikationer.').waitFor();
    expect(await page.getByRole('button', { name: 'Markér som læst' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the coordinator the person and the access report without employee names', async () => {
    expect(coordinator).toBeDefined();
    const { page, errors } = coordinator ?? (await openBrowser(journey));
    await page.getByRole('link', { name: 'S-2026-0001' }).click();
    await h1(page, 'Sag S-2026-0001').waitFor();
    await page.getByRole('link', { name: 'Ahmad Demo Nielsen', exact: true }).click();
    await h1(page, 'Ahmad Demo Nielsen').waitFor();
    expect(pathname(page)).toMatch(new RegExp(`^/personer/${UUID.source}$`));
    citizenId = pathname(page).split('/')[2] ?? '';
    expect(await page.title()).not.toContain('Ahmad');
    await main(page).getByText('02.05.2010').waitFor();
    await main(page).getByText('020510-XXXX').waitFor();
    await page
      .getByRole('table', { name: /Sager, som personen/ })
      .getByText('S-2026-0001')
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Indsigtsrapport' }).click();
    await h1(page, 'Indsigtsrapport').waitFor();
    expect(pathname(page)).toBe(`/personer/${citizenId}/indsigt`);
    await main(page).getByText('Ahmad Demo Nielsen, født 02.05.2010').waitFor();
    await main(page)
      .getByText(/artikel 15/)
      .waitFor();
    const table = page.getByRole('table', { name: 'Brug af oplysninger om Ahmad Demo Nielsen' });
    await table.getByRole('cell', { name: 'Arbejde med sagen' }).first().waitFor();
    await table.getByRole('cell', { name: 'Oversigt over sager' }).first().waitFor();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers).toEqual(['Tidspunkt', 'Handling', 'Formål', 'Enhed', 'Nødadgang']);
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await table
      .getByText(/\d{2}\.\d{2}\.\d{4} kl\. \d{2}\.\d{2}/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Print rapporten' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('lets the data-protection role open the report by person id, with employee names', async () => {
    expect(citizenId).toMatch(UUID);
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/'));
    await logIn(page, 'demo.databeskyttelse');
    // The main menu offers "Indsigt" and no "Sager" to this role.
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' }).first();
    expect(await menu.getByRole('link', { name: 'Sager' }).count()).toBe(0);
    await menu.getByRole('link', { name: 'Indsigt', exact: true }).click();
    await h1(page, 'Indsigtsrapport').waitFor();
    expect(pathname(page)).toBe('/indsigt');
    await page.getByLabel('Personens id').fill(citizenId);
    await page.getByRole('button', { name: 'Vis indsigtsrapport' }).click();
    const table = page.getByRole('table', { name: 'Brug af oplysninger om Ahmad Demo Nielsen' });
    await table.getByRole('columnheader', { name: 'Medarbejder' }).waitFor();
    await table.getByRole('cell', { name: 'Anne Demo-Tovholder' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
