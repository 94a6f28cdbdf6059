import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, startJourney, type Journey } from './support/browser.ts';
import { heading, logIn, main, openBrowser, pathname } from './support/session.ts';

/**
 * Forums in Chromium against a real server with the demo data: the coordinator demo.tovholder
 * opens "Møder og fora" and its forums (/moeder/fora), sees the demo forum with its members,
 * creates a forum and adds the caseworker demo.sagsbehandler to it. The steps build on each other and run in order.
 */
let journey: Journey;
let page: Page;
let errors: string[];

beforeAll(async () => {
  journey = await startJourney();
  ({ page, errors } = await openBrowser(journey));
  await page.goto(journey.url('/'));
  await logIn(page, 'demo.tovholder');
});
afterAll(async () => {
  await journey?.stop();
});

const forumName = `E2E Tværfagligt team ${Date.now() % 100000}`;

describe('forums in Chromium', () => {
  it('opens "Møder og fora" from the menu with the demo forum and its members', async () => {
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' }).first();
    await menu.getByRole('link', { name: 'Møder og fora' }).click();
    await heading(page, 1, 'Møder og fora').waitFor();
    expect(pathname(page)).toBe('/moeder');
    // The meetings come first (issue 14); the forums are one link on.
    await main(page).getByRole('table', { name: 'Møder' }).waitFor();
    await main(page).getByRole('link', { name: 'Fora og medlemmer' }).click();
    const table = main(page).getByRole('table', { name: 'Fora' });
    await table.waitFor();
    expect(pathname(page)).toBe('/moeder/fora');
    const row = table.getByRole('row', { name: /Demo Infohus/ });
    await row.getByText('Du er medlem').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await row.getByRole('link', { name: 'Demo Infohus' }).click();
    await heading(page, 2, 'Demo Infohus').waitFor();
    const members = main(page).getByRole('table', { name: 'Medlemmer af Demo Infohus' });
    for (const name of ['Anne Demo-Tovholder', 'Cecilie Demo-Forum', 'Eva Demo-Politi']) {
      await members.getByRole('rowheader', { name }).waitFor();
    }
    await members.getByRole('cell', { name: 'Demo Politikreds' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates a forum, refusing an empty name first', async () => {
    await main(page).getByRole('button', { name: 'Opret forum' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
    await summary.waitFor();
    await summary.getByRole('link', { name: /^Navn på forum:/ }).waitFor();

    await page.getByLabel('Navn på forum').fill(forumName);
    await main(page).getByRole('button', { name: 'Opret forum' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Forummet ${forumName} er oprettet.` })
      .waitFor();
    await heading(page, 2, forumName).waitFor();
    await main(page).getByText('Forummet har ingen medlemmer endnu.').waitFor();
    await main(page)
      .getByRole('table', { name: 'Fora' })
      .getByRole('row', { name: new RegExp(forumName) })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('forum')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds demo.sagsbehandler and adds him to the new forum', async () => {
    await page.getByLabel('Søg efter medarbejder').fill('Dennis');
    await main(page).getByRole('button', { name: 'Søg', exact: true }).click();
    const add = main(page).getByRole('button', { name: 'Tilføj Dennis Demo-Sagsbehandler' });
    await add.waitFor();
    // Only staff who may sit in a forum are offered: not the mentor.
    expect(
      await main(page)
        .getByRole('button', { name: /Tilføj Frederik/ })
        .count(),
    ).toBe(0);
    await add.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Dennis Demo-Sagsbehandler er tilføjet til forummet.' })
      .waitFor();
    const members = main(page).getByRole('table', { name: `Medlemmer af ${forumName}` });
    await members.getByRole('rowheader', { name: 'Dennis Demo-Sagsbehandler' }).waitFor();
    await members.getByRole('cell', { name: 'Sagsbehandler', exact: true }).waitFor();
    await main(page).getByText('1 medlem', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The browser reports the refused empty form (400) itself; nothing else went wrong.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
