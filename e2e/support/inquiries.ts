import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Journey } from './browser.ts';
import { h1, main } from './session.ts';

/**
 * What the inquiry journeys (e2e/inquiries.e2e.ts) share: dates and times as the intake form
 * takes them, the receipt's reference, and a short inquiry recorded in one go.
 */

export const REFERENCE = /^H-\d{4}-\d{4}$/;

/** Console errors other than the 4xx answers a journey expects (404 not found, 409 conflict). */
export const unexpected = (errors: string[]) => errors.filter((e) => !/status of 4\d\d/.test(e));

/** Today in Denmark minus `years` years and `days` days, as the form takes it: dd.mm.åååå. */
export function danishDateAgo(years: number, days: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const date = new Date(
    Date.UTC(Number(parts.year) - years, Number(parts.month) - 1, Number(parts.day) - days),
  );
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

/** Date and time in Denmark `hours` hours ago, as the form takes them: dd.mm.åååå and tt.mm. */
export function danishTimeAgo(hours: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(Date.now() - hours * 3_600_000))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return {
    date: `${parts.day}.${parts.month}.${parts.year}`,
    time: `${parts.hour}.${parts.minute}`,
  };
}

/** The receipt's reference (after recording an inquiry). */
export async function receiptReference(page: Page): Promise<string> {
  await h1(page, 'Henvendelsen er registreret').waitFor();
  const reference = (await main(page).locator('dt:text-is("Reference") + dd').innerText()).trim();
  expect(reference).toMatch(REFERENCE);
  return reference;
}

/** A short inquiry about one person, recorded by whoever is logged in on the intake form. */
export async function recordSimpleInquiry(
  journey: Journey,
  page: Page,
  given: string,
  family: string,
  observation: string,
) {
  await page.goto(journey.url('/henvendelser/ny'));
  await h1(page, 'Ny henvendelse').waitFor();
  // A draft offer from earlier is not wanted here.
  const startNew = page.getByRole('button', { name: 'Start en ny henvendelse' });
  if (await startNew.isVisible()) await startNew.click();
  await page.getByLabel('Kilde', { exact: true }).selectOption('relative');
  await page.getByLabel('Kanal', { exact: true }).selectOption('phone');
  const person = page.getByRole('group', { name: 'Person 1' });
  await person.getByLabel('Fornavn').fill(given);
  await person.getByLabel('Efternavn').fill(family);
  await person.getByLabel('Fødselsdato').fill(danishDateAgo(15, 40));
  await page.getByLabel('Hvad har anmelderen set eller hørt?').fill(observation);
  await page.getByRole('button', { name: 'Registrér henvendelsen' }).click();
  return receiptReference(page);
}
