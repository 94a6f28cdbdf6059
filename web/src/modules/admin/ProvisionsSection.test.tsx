import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { ProvisionsSection as Section } from './ProvisionsSection';

/** The provisions on the settings page, rendered to markup: the table and the lawyer's note. */
let ProvisionsSection: typeof Section;

beforeAll(async () => {
  ({ ProvisionsSection } = await importWithI18n(() => import('./ProvisionsSection')));
}, 60_000);

const provision = {
  key: 'immediate_help',
  nameDa: 'Vurdering af, om barnet har brug for akut hjælp',
  nameEn: 'Assessment of whether the child needs immediate help',
  law: 'Barnets lov',
  section: '§ 138',
  validFrom: '2024-01-01',
  validTo: null,
  deadlineHours: 24,
  deadlineWorkdays: null,
  confirmed: false,
  version: 1,
};

describe('ProvisionsSection', () => {
  it('lists each provision with its section, validity, deadline and whether it is confirmed', () => {
    const html = renderWithQuery(<ProvisionsSection />, ['admin', 'legal-provisions'], {
      items: [
        provision,
        {
          ...provision,
          key: 'acknowledgement',
          section: '§ 134',
          deadlineHours: null,
          deadlineWorkdays: 6,
          confirmed: true,
        },
      ],
    });
    expect(html).toContain('Lovbestemmelser om underretninger');
    expect(html).toContain('kommunens jurist skal bekræfte');
    expect(html).toContain('Barnets lov § 138');
    expect(html).toContain('01.01.2024');
    expect(html).toContain('24 timer');
    expect(html).toContain('6 hverdage');
    expect(html).toContain('Skal bekræftes');
    expect(html).toContain(`aria-label="Rediger ${provision.nameDa}"`);
  });
});
