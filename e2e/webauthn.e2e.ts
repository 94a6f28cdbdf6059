import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import {
  enterAppCode,
  enterPassword,
  h1,
  nextStepCode,
  openBrowser,
  pathname,
} from './support/session.ts';

/**
 * Adding a security key and logging in with it, in Chromium with its virtual authenticator (a
 * USB key that is touched at once). WebAuthn needs a host name, not an IP address, so the pages
 * are opened on localhost (the server listens on 127.0.0.1).
 */
let journey: Journey;
let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let errors: string[];
let authenticatorId = '';

beforeAll(async () => {
  journey = await startJourney();
  ({ context, page, errors } = await openBrowser(journey));
  cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const added = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  authenticatorId = added.authenticatorId;
});
afterAll(async () => {
  await journey?.stop();
});

const url = (path: string) => journey.server.baseUrl.replace('127.0.0.1', 'localhost') + path;

describe('security keys in Chromium', () => {
  it('adds a security key on the security page after logging in with the app', async () => {
    await page.goto(url('/login'));
    await enterPassword(page, 'demo.tovholder');
    await h1(page, 'Bekræft med din app').waitFor();
    // No key yet: the app's code is the only choice besides a recovery code.
    expect(
      await page.getByRole('button', { name: 'Brug en sikkerhedsnøgle i stedet' }).count(),
    ).toBe(0);
    await enterAppCode(page);
    await h1(page, 'Tovholder').waitFor();

    await page.getByRole('banner').getByRole('link', { name: 'Sikkerhedsnøgler' }).click();
    await h1(page, 'Sikkerhedsnøgler').waitFor();
    expect(pathname(page)).toBe('/sikkerhed');
    await page.getByText('Du har ikke tilføjet nogen sikkerhedsnøgler endnu.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A name is needed before the key is asked.
    const add = page.getByRole('button', { name: 'Tilføj sikkerhedsnøgle' });
    await add.click();
    await page.getByText('Skriv et navn til nøglen.').waitFor();

    await page.getByLabel('Navn på nøglen').fill('Gul nøgle');
    // The login used this step's code; the next step's is accepted once as well.
    await page.getByLabel('Kode fra appen').fill(nextStepCode());
    await add.click();
    await page.getByRole('status').getByText('Nøglen »Gul nøgle« er tilføjet.').first().waitFor();
    const row = page.getByRole('row', { name: /Gul nøgle/ });
    await row.getByText('Ikke brugt endnu').waitFor();
    await row.getByRole('button', { name: 'Fjern nøglen Gul nøgle' }).waitFor();
    expect(await page.getByLabel('Navn på nøglen').inputValue()).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('logs out and logs in again with password and security key', async () => {
    // Logged out from the security page; the next login starts on the front page.
    await page.getByRole('banner').getByRole('button', { name: 'Log ud' }).click();
    await h1(page, 'Log ind').waitFor();

    await enterPassword(page, 'demo.tovholder');
    await h1(page, 'Bekræft med din sikkerhedsnøgle').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The app's code stays an alternative, and the way back to the key with it.
    await page.getByRole('button', { name: 'Brug koden fra din app i stedet' }).click();
    await h1(page, 'Bekræft med din app').waitFor();
    await page.getByRole('button', { name: 'Brug en sikkerhedsnøgle i stedet' }).click();
    await h1(page, 'Bekræft med din sikkerhedsnøgle').waitFor();

    await page.getByRole('button', { name: 'Brug sikkerhedsnøgle', exact: true }).click();
    await h1(page, 'Tovholder').waitFor();
    expect(pathname(page)).toBe('/');
    await page.getByRole('banner').getByText('Anne Demo-Tovholder').first().waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sikkerhedsnøgler' }).click();
    await h1(page, 'Sikkerhedsnøgler').waitFor();
    const row = page.getByRole('row', { name: /Gul nøgle/ });
    await row.waitFor();
    expect(await row.getByText('Ikke brugt endnu').count()).toBe(0);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials[0]?.signCount).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
