import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfText } from '../../server/test/pdf-text.ts';
import { seriousA11yViolations } from './browser.ts';
import { unexpected } from './inquiries.ts';
import { CITIZEN, EMPLOYEES, JOBCENTER, KSP, RELEASE, type ReleaseStory } from './release.ts';
import { h1, logIn, main, openBrowser, pathname, UUID } from './session.ts';

/**
 * The release journey's last phase: the young man asks for access to his own data. One
 * data-protection user registers the request by his CPR number and reviews the draft the product
 * assembled — Kriminalforsorgen's disclosure withheld as information from the KSP cooperation
 * (retsplejeloven § 115), the rest released; a second one approves (four-eyes) and releases; the
 * package's PDF names him, never an employee, and holds nothing of the withheld item.
 */

const itemOf = (page: Page, title: RegExp) =>
  page.locator('section.access-item').filter({ has: page.getByRole('heading', { name: title }) });

/** Step: registered, reviewed, approved by a second user, released, the PDF read. */
export async function accessRequestPackage(story: ReleaseStory) {
  const dpo = await openBrowser(story.journey);
  const { page, errors } = dpo;
  await page.goto(story.journey.url('/aktindsigt/ny'));
  await logIn(page, 'demo.databeskyttelse');
  await h1(page, 'Registrér anmodning om aktindsigt').waitFor();
  await page
    .getByRole('radio', { name: /^Indsigtsret \(databeskyttelsesforordningen art\. 15\)/ })
    .check();
  await page.getByLabel('Borgerens CPR-nummer').fill(RELEASE.cpr);
  await page.getByRole('radio', { name: 'Digital Post' }).check();
  await page.getByRole('button', { name: 'Registrér og saml udkast' }).click();
  await h1(page, `Aktindsigt: ${CITIZEN}`).waitFor();
  expect(pathname(page)).toMatch(new RegExp(`^/aktindsigt/${UUID.source}$`));
  // The CPR number is never in the address.
  expect(page.url()).not.toContain(RELEASE.cpr.slice(0, 6));

  // Every item decided: Kriminalforsorgen's disclosure withheld (§ 115), the rest released.
  const items = page.locator('section.access-item');
  await items.first().waitFor();
  const withheld = itemOf(page, new RegExp(`^Videregivelse .* til ${KSP.organisation}$`));
  await withheld.getByRole('radio', { name: 'Undtages' }).check();
  await withheld
    .getByLabel('Undtagelse')
    .selectOption({ label: 'Oplysninger fra politiet efter retsplejelovens § 115' });
  await withheld
    .getByLabel('Begrundelse')
    .fill('Oplysninger udvekslet i KSP-samarbejdet efter retsplejelovens § 115.');
  await withheld.getByRole('button', { name: 'Gem afgørelsen' }).click();
  await withheld.getByText('Undtages', { exact: true }).first().waitFor();
  const count = await items.count();
  for (let i = 0; i < count; i += 1) {
    const item = items.nth(i);
    if ((await item.locator('.badge').first().innerText()) !== 'Ikke gennemgået') continue;
    await item.getByRole('radio', { name: 'Udleveres', exact: true }).check();
    await item.getByRole('button', { name: 'Gem afgørelsen' }).click();
    await item.locator('.badge', { hasText: 'Udleveres' }).waitFor();
  }
  // The reviewer may not approve her own review.
  await main(page)
    .getByText(/^Når alle dokumenter er gennemgået/)
    .waitFor();
  expect(await page.getByRole('button', { name: 'Godkend gennemgangen' }).count()).toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(errors)).toEqual([]);
  const requestUrl = page.url();

  // A second data-protection user approves and releases.
  const second = await openBrowser(story.journey);
  await second.page.goto(requestUrl);
  await logIn(second.page, 'demo.jurist');
  await h1(second.page, `Aktindsigt: ${CITIZEN}`).waitFor();
  await second.page.getByRole('button', { name: 'Godkend gennemgangen' }).click();
  await second.page.getByRole('button', { name: 'Udlevér pakken til borgeren' }).click();
  const download = second.page.getByRole('link', { name: 'Hent pakken (PDF)' });
  await download.waitFor();
  await main(second.page).getByText('Udleveret', { exact: true }).waitFor();

  const pdf = await second.page.request.get(
    story.journey.url((await download.getAttribute('href')) ?? ''),
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
  expect(text).toContain(CITIZEN);
  expect(text).toContain(RELEASE.reference);
  for (const name of EMPLOYEES) expect(text).not.toContain(name);
  // The withheld disclosure is absent: neither its purpose nor the KSP basis's purpose.
  expect(text).not.toContain(KSP.purpose);
  expect(text).not.toContain(`til ${KSP.organisation}`);
  // The released disclosure to the jobcenter is in it.
  expect(text).toContain(`til ${JOBCENTER.organisation}`);
  expect(unexpected(second.errors)).toEqual([]);
}
