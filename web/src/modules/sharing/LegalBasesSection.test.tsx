import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { LegalBasesSection as Section } from './LegalBasesSection';

/** The legal bases on the settings page, rendered to markup: the table and the lawyer's note. */
let LegalBasesSection: typeof Section;

beforeAll(async () => {
  ({ LegalBasesSection } = await importWithI18n(() => import('./LegalBasesSection')));
}, 60_000);

const basis = {
  key: 'value_leap',
  nameDa: 'Værdispringsreglen',
  nameEn: 'The value-leap rule',
  law: 'Databeskyttelsesloven',
  section: '§ 8',
  allowsDa: 'Én konkret videregivelse.',
  allowsEn: 'One concrete disclosure.',
  validFrom: '2018-05-25',
  validTo: null,
  organisationKinds: ['police'],
  uses: ['single_disclosure'],
  requiresConsent: false,
  confirmed: false,
  version: 1,
};

describe('LegalBasesSection', () => {
  it('lists each basis with its provision, uses, validity and whether the lawyer confirmed it', () => {
    const html = renderWithQuery(<LegalBasesSection />, ['admin', 'legal-bases'], {
      items: [
        basis,
        {
          ...basis,
          key: 'rpl_115a',
          nameDa: 'Politiets orientering af nærtstående',
          law: 'Retsplejeloven',
          section: '§ 115 a',
          uses: [],
          validTo: '2030-01-01',
          confirmed: true,
        },
        {
          ...basis,
          key: 'consent',
          nameDa: 'Samtykke',
          uses: ['standing_access'],
          requiresConsent: true,
        },
      ],
    });
    expect(html).toContain('Hjemler til deling');
    expect(html).toContain('Kommunens jurist skal gennemgå og bekræfte');
    expect(html).toContain('Databeskyttelsesloven § 8');
    expect(html).toContain('Én konkret videregivelse');
    expect(html).toContain('Ingen samarbejdspartners adgang');
    expect(html).toContain('(kræver samtykke)');
    expect(html).toContain('fra 25.05.2018');
    expect(html).toContain('25.05.2018 – 01.01.2030');
    expect(html).toContain('Skal bekræftes');
    expect(html).toContain('aria-label="Ret Værdispringsreglen"');
  });
});
