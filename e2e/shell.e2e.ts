import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { currentDemoCode, DEMO_PASSWORD } from '../server/demo/users.ts';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import { openBrowser } from './support/session.ts';

let journey: Journey;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  journey = await startJourney();
  ({ context, page, errors } = await openBrowser(journey));
  // The pages need a logged-in user: log in as the demo coordinator through the API (password,
  // then the app code, each POST with the session's CSRF token); the cookie is the context's.
  const base = journey.server.baseUrl;
  const login = await page.request.post(`${base}/api/auth/login`, {
    data: { username: 'demo.tovholder', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const totp = await page.request.post(`${base}/api/auth/totp`, {
    data: { code: currentDemoCode() },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(totp.status()).toBe(200);
});
afterAll(async () => {
  await context?.close();
  await journey?.stop();
});

describe('the web shell in Chromium', () => {
  it('loads in Danish with the product name, the demo municipality and the navigation', async () => {
    await page.goto(journey.server.baseUrl + '/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('da');
    await page.getByRole('heading', { level: 1, name: 'Tovholder' }).waitFor();
    await page.getByText('Demo Kommune').first().waitFor();
    const nav = page.getByRole('navigation').first();
    for (const name of ['Henvendelser', 'Sager', 'Statistik']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    // The demo municipality's units come from the API, with translated kinds.
    await page.getByText('Mentorer og forældrecoaches').first().waitFor();
    expect(await page.title()).toContain('Tovholder');
  });

  it('passes axe with no serious or critical violations (front page)', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('navigates by keyboard: the skip link moves focus to the main content', async () => {
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Gå til indhold' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('opens a placeholder page from the navigation', async () => {
    await page.getByRole('navigation').first().getByRole('link', { name: 'Henvendelser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Henvendelser' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/henvendelser');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches to English and remembers the choice after a reload', async () => {
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Inquiries' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inquiries' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Dansk/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Henvendelser' }).waitFor();
  });

  it('shows the 404 page for an unknown path, with a way back', async () => {
    await page.goto(journey.server.baseUrl + '/findes/ikke');
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page
      .getByRole('main')
      .getByRole('link', { name: /forside/i })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tovholder' }).waitFor();
  });

  it('works at phone width without horizontal scrolling', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(journey.server.baseUrl + '/');
    await phone.getByRole('heading', { level: 1, name: 'Tovholder' }).waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('ran without console errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
