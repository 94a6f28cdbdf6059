import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../server/access/totp.ts';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import { enterPassword, freshCode, h1, logIn, openBrowser, pathname } from './support/session.ts';

/**
 * Logging in with two factors, setting up the app, access by ability and logging out, in
 * Chromium against a real server. A TOTP code works once per user, so each test has its own user.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.stop();
});

let recoveryCodes: string[] = [];

describe('logging in to Tovholder in Chromium', () => {
  it('logs in with password and app code and shows the user in the header', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/'));
    await h1(page, 'Log ind').waitFor();
    expect(pathname(page)).toBe('/login');
    expect(await page.getByLabel('Brugernavn').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Adgangskode').getAttribute('autocomplete')).toBe(
      'current-password',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);

    await enterPassword(page, 'demo.tovholder');
    await h1(page, 'Bekræft med din app').waitFor();
    const code = page.getByLabel('Kode fra appen');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await code.fill(await freshCode());
    await page.getByRole('button', { name: 'Bekræft', exact: true }).click();
    await h1(page, 'Tovholder').waitFor();
    expect(pathname(page)).toBe('/');
    const header = page.getByRole('banner');
    await header.getByText('Anne Demo-Tovholder').first().waitFor();
    await header.getByText('Demo Kommune').first().waitFor();
    await header.getByRole('button', { name: 'Log ud' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the translated error for a wrong password and stays on the login page', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/login'));
    await enterPassword(page, 'demo.tovholder2', 'Forkert-Adgangskode-1');
    const alert = page.getByRole('alert');
    await alert.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
    await alert.getByText('Du blev ikke logget ind').waitFor();
    expect(pathname(page)).toBe('/login');
    await h1(page, 'Log ind').waitFor();
    expect(await page.getByLabel('Brugernavn').inputValue()).toBe('demo.tovholder2');
    expect(await page.getByLabel('Adgangskode').inputValue()).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The browser reports the refused request itself; nothing else went wrong.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });

  it('sets up the authenticator app for a new user and shows the recovery codes once', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/login'));
    await enterPassword(page, 'demo.ny');
    await h1(page, 'Opsæt din godkendelsesapp').waitFor();
    await page.getByRole('img', { name: /QR-kode/ }).waitFor();
    const shown = await page.locator('.totp-secret code').innerText();
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const secret = shown.replace(/\s/g, '');
    await page
      .getByLabel('Kode fra appen')
      .fill(await freshCode((now) => totpCode(secret, totpStep(now))));
    await page.getByRole('button', { name: 'Bekræft og aktivér' }).click();
    await h1(page, 'Gem dine engangskoder').waitFor();
    await page.getByText('Koderne vises kun denne ene gang').waitFor();
    const items = page.getByRole('list', { name: 'Dine engangskoder' }).getByRole('listitem');
    recoveryCodes = await items.allInnerTexts();
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Jeg har gemt koderne' }).click();
    await h1(page, 'Tovholder').waitFor();
    expect(pathname(page)).toBe('/');
    await page.getByRole('banner').getByText('Lars Demo-Nyansat').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('logs in with a recovery code instead of the app', async () => {
    expect(recoveryCodes).toHaveLength(10);
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/login'));
    await enterPassword(page, 'demo.ny');
    await h1(page, 'Bekræft med din app').waitFor();
    await page.getByRole('button', { name: 'Brug en engangskode i stedet' }).click();
    await h1(page, 'Log ind med en engangskode').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Engangskode').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await h1(page, 'Tovholder').waitFor();
    await page.getByRole('banner').getByText('Lars Demo-Nyansat').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('denies a caseworker the administration and leaves it out of the menu', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/administration'));
    await h1(page, 'Log ind').waitFor();
    await logIn(page, 'demo.sagsbehandler');
    // Back at the page they asked for, which their role does not open.
    await h1(page, 'Ingen adgang').waitFor();
    expect(pathname(page)).toBe('/administration');
    await page.getByText('Din rolle i Tovholder giver ikke adgang til denne side.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' }).first();
    await nav.getByRole('link', { name: 'Sager' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.getByRole('main').getByRole('link', { name: 'Gå til forsiden' }).click();
    await h1(page, 'Tovholder').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the administration to a municipal administrator', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/login'));
    await logIn(page, 'demo.admin');
    await h1(page, 'Tovholder').waitFor();
    await page
      .getByRole('navigation')
      .first()
      .getByRole('link', { name: 'Administration' })
      .click();
    await h1(page, 'Administration').waitFor();
    expect(errors).toEqual([]);
  });

  it('logs out to the login page, after which the front page needs a new login', async () => {
    const { page, errors } = await openBrowser(journey);
    await page.goto(journey.url('/login'));
    await logIn(page, 'demo.forum');
    await h1(page, 'Tovholder').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Log ud' }).click();
    await h1(page, 'Log ind').waitFor();
    expect(pathname(page)).toBe('/login');
    await expect.poll(() => page.getByText('Cecilie Demo-Forum').count()).toBe(0);

    await page.goto(journey.url('/'));
    await h1(page, 'Log ind').waitFor();
    expect(pathname(page)).toBe('/login');
    const session = await page.request.get(journey.url('/api/session'));
    expect(((await session.json()) as { state: string }).state).toBe('anonymous');
    expect(errors).toEqual([]);
  });
});
