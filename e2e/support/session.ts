import { randomUUID } from 'node:crypto';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { totpCode, totpStep } from '../../server/access/totp.ts';
import { currentDemoCode, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/demo/users.ts';
import { watchPageErrors, type Journey } from './browser.ts';

/** What the journeys share once the browser runs: a page per user, finding things, logging in. */

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations collected on the page. */
  errors: string[];
}

/** A new browser (own cookies) in Danish, with its console errors collected; journey.stop() closes it. */
export async function openBrowser(
  journey: Journey,
  options: BrowserContextOptions = {},
): Promise<Tab> {
  const context = await journey.browser.newContext({ locale: 'da-DK', ...options });
  // Each wait is a guard against a hang, not a speed limit: a step takes seconds on a quiet
  // machine, and a busy one must not fail it.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  return { context, page, errors: watchPageErrors(page) };
}

export const pathname = (page: Page) => new URL(page.url()).pathname;
export const h1 = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name });
/** A heading with exactly this text. */
export const heading = (page: Page, level: number, name: string) =>
  page.getByRole('heading', { level, name, exact: true });
export const main = (page: Page) => page.getByRole('main');
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * The TOTP code now (the demo users' unless `code` computes another), after waiting for the next
 * 30-second step if this one ends within 3 s.
 */
export async function freshCode(code: (now: Date) => string = currentDemoCode): Promise<string> {
  const leftInStep = 30_000 - (Date.now() % 30_000);
  if (leftInStep < 3_000) await new Promise((resolve) => setTimeout(resolve, leftInStep + 250));
  return code(new Date());
}

/**
 * A demo user's code the login has not used: the next step's (one step ahead is accepted once,
 * as for break-the-glass or adding a security key).
 */
export const nextStepCode = () => totpCode(DEMO_TOTP_SECRET, totpStep(new Date()) + 1);

/** Username and password on the login page. */
export async function enterPassword(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

/** The app code for an enrolled demo user, on the page that asks for it. */
export async function enterAppCode(page: Page) {
  await page.getByLabel('Kode fra appen').fill(await freshCode());
  await page.getByRole('button', { name: 'Bekræft', exact: true }).click();
}

/** From the login page (shown for the wanted page), password and app code of an enrolled demo user. */
export async function logIn(page: Page, username: string) {
  await h1(page, 'Log ind').waitFor();
  await enterPassword(page, username);
  await h1(page, 'Bekræft med din app').waitFor();
  await enterAppCode(page);
  // Logged in only when the code is accepted and the page has moved on: a step that navigates
  // at once would otherwise abort the code's request on a busy machine and meet the login again.
  await h1(page, 'Bekræft med din app').waitFor({ state: 'hidden' });
}

/**
 * A state change through the API with the page's session (its cookies and CSRF token), for the
 * set-up a journey does not test in the browser. Answers the response's JSON; fails on a non-2xx.
 */
export async function apiPost(journey: Journey, page: Page, path: string, data: unknown) {
  const session = await page.request.get(journey.url('/api/session'));
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post(journey.url(path), {
    data,
    // Creates are idempotent by this key; a set-up call is sent once.
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
  });
  if (!response.ok())
    throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as unknown;
}
