import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { ProvisionsSection as Section } from './ProvisionsSection';
import type * as Editor from './ProvisionForm';
import type * as Values from './provisionForm';

/**
 * The provisions on the settings page, rendered to markup: the table and the lawyer's note; the
 * editor with every field the API takes, checked in Danish by the server's schema and rule.
 */
let ProvisionsSection: typeof Section;
let ProvisionForm: typeof Editor.ProvisionForm;
let ProvisionValues: typeof Values.ProvisionValues;
let provisionValues: typeof Values.provisionValues;

beforeAll(async () => {
  ({ ProvisionsSection } = await importWithI18n(() => import('./ProvisionsSection')));
  ({ ProvisionForm } = await import('./ProvisionForm'));
  ({ ProvisionValues, provisionValues } = await import('./provisionForm'));
}, 60_000);

const provision = {
  key: 'immediate_help' as const,
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

  it('edits every field of a provision: both names, law, section, validity, deadline and confirmed', () => {
    const html = renderWithQuery(
      <ProvisionForm provision={{ ...provision, validTo: '2030-01-01' }} onDone={() => {}} />,
      ['admin', 'legal-provisions'],
      { items: [provision] },
    );
    for (const label of [
      'Navn på dansk',
      'Navn på engelsk',
      'Lov',
      'Paragraf',
      'Gælder fra',
      'Gælder til',
      'Frist i timer',
      'Frist i hverdage',
      'Kommunens jurist har bekræftet bestemmelsen',
    ]) {
      expect(html).toContain(`>${label}<`);
    }
    expect(html).toContain(`value="${provision.nameEn}"`);
    expect(html).toContain('value="01.01.2030"');
    expect(html).toContain('value="24"');
  });

  it('says in Danish, on the field, a validity ending before it begins and a deadline in both units', () => {
    const values = provisionValues(provision);
    expect(ProvisionValues.safeParse(values).success).toBe(true);
    const wrong = ProvisionValues.safeParse({
      ...values,
      validTo: '2023-12-31',
      deadlineWorkdays: 2,
    });
    expect(wrong.success).toBe(false);
    const said = wrong.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(said).toEqual([
      ['validTo', '»Gælder til« skal ligge efter »Gælder fra«.'],
      ['deadlineWorkdays', 'Angiv fristen enten i timer eller i hverdage – ikke begge.'],
    ]);
    expect(ProvisionValues.safeParse({ ...values, nameEn: '' }).success).toBe(false);
  });
});
