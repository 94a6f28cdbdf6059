import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { PartnersPage as PartnersPageComponent } from './PartnersPage';

/**
 * The partner organisations page rendered to markup (no DOM here): its search is a form of the
 * one form layer (a bound, labelled search field with the server's own rule), next to the kind
 * and status filters.
 */
let PartnersPage: typeof PartnersPageComponent;

beforeAll(async () => {
  ({ PartnersPage } = await importWithI18n(() => import('./PartnersPage')));
});

describe('PartnersPage', () => {
  it('searches by name through a bound search field, with the kind and status filters', () => {
    const html = renderWithQuery(<PartnersPage />, ['unused'], null);
    expect(html).toMatch(/<form[^>]*noValidate=""[^>]*role="search"/);
    expect(html).toMatch(/<input[^>]*type="search" name="q"/);
    expect(html).toContain('Søg i navn');
    expect(html).toContain('<option value="active" selected="">');
    expect(html).toContain('<option value="inactive">');
    expect(html).toContain('<option value="all">');
  });
});
