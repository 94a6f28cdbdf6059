import type { Page } from 'playwright-core';
import { seriousA11yViolations, type Journey } from './browser.ts';

/**
 * The network analysis map in a journey (issue 15 part 5): one version drawn and finalised with
 * the given relations, and — for the second — the changes compared side by side. For the
 * meeting-the-citizen journey: her map at the first meeting, and again three months later.
 */
export interface MapRelation {
  sector: string;
  role: string;
  closeness: '1 – tæt' | '2 – mellem' | '3 – fjern';
  quality: 'Beskyttende' | 'Risikabel' | 'Blandet';
}

/** Opens the case's map tab (its heading). */
export async function openNetworkMap(journey: Journey, page: Page, caseId: string) {
  await page.goto(journey.url(`/sager/${caseId}/netvaerkskort`));
  await page.getByRole('heading', { level: 2, name: 'Netværksanalysekort' }).waitFor();
}

/**
 * Starts a version (the first, or a copy of the latest), applies `edit` to the draft's form and
 * finalises it; answers when the finalised version is drawn and listed. The table must be
 * axe-clean.
 */
export async function drawNetworkMapVersion(
  page: Page,
  options: { occasion: string; edit: (page: Page) => Promise<void> },
) {
  const start = page.getByRole('button', { name: /^(Tegn netværkskort|Start ny version)$/ });
  await start.click();
  await page.getByLabel('Anledning').fill(options.occasion);
  await options.edit(page);
  await page.getByRole('button', { name: 'Afslut version', exact: true }).click();
  await page.getByRole('heading', { level: 3, name: /^Seneste netværkskort/ }).waitFor();
  await page.getByText(options.occasion, { exact: true }).first().waitFor();
  await page.locator('.network-latest [data-ready="true"]').waitFor();
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) throw new Error(`axe: ${violations.join('; ')}`);
}

/** Adds a relation at the end of the draft's list. */
export async function addRelation(page: Page, relation: MapRelation) {
  await page.getByRole('button', { name: 'Tilføj relation', exact: true }).click();
  const count = await page.locator('fieldset.network-relation').count();
  const group = page.getByRole('group', { name: `Relation ${count}`, exact: true });
  await group.getByLabel('Sektor').selectOption({ label: relation.sector });
  await group.getByLabel('Rolle', { exact: true }).fill(relation.role);
  await group.getByLabel('Nærhed').selectOption({ label: relation.closeness });
  await group.getByLabel('Relation', { exact: true }).selectOption({ label: relation.quality });
}

/** Changes the closeness and/or quality of the relation whose role is `role`. */
export async function changeRelation(
  page: Page,
  role: string,
  change: Partial<Pick<MapRelation, 'closeness' | 'quality'>>,
) {
  const group = page.locator('fieldset.network-relation').filter({
    has: page.getByLabel('Rolle', { exact: true }).and(page.locator(`[value="${role}"]`)),
  });
  if (change.closeness) await group.getByLabel('Nærhed').selectOption({ label: change.closeness });
  if (change.quality) {
    await group.getByLabel('Relation', { exact: true }).selectOption({ label: change.quality });
  }
}

/** Removes the relation whose role is `role`. */
export async function removeRelation(page: Page, role: string) {
  const group = page.locator('fieldset.network-relation').filter({
    has: page.getByLabel('Rolle', { exact: true }).and(page.locator(`[value="${role}"]`)),
  });
  await group.getByRole('button', { name: /^Fjern relation/ }).click();
}

/** The comparison's changes in words (the latest two versions are compared by default). */
export async function comparedChanges(page: Page): Promise<string[]> {
  await page.getByRole('heading', { level: 3, name: 'Sammenlign to versioner' }).waitFor();
  await page.locator('.network-changes li').first().waitFor();
  return page.locator('.network-changes li').allTextContents();
}
