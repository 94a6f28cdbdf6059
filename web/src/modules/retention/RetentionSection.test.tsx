import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { RetentionSection as Section } from './RetentionSection';
import type { RetentionRunSection as RunSection } from './RetentionRunSection';

/** Retention on the settings page, rendered to markup: the periods and the dry-run, in Danish. */
let RetentionSection: typeof Section;
let RetentionRunSection: typeof RunSection;

beforeAll(async () => {
  ({ RetentionSection } = await importWithI18n(() => import('./RetentionSection')));
  ({ RetentionRunSection } = await importWithI18n(() => import('./RetentionRunSection')));
}, 60_000);

const period = {
  kind: 'case_closed',
  months: 60,
  minimumMonths: 0,
  countedFrom: 'closure',
  defaultMonths: 60,
  confirmed: false,
  version: 0,
};

describe('RetentionSection', () => {
  it('lists each period with its minimum, what it is counted from and whether it is confirmed', () => {
    const html = renderWithQuery(<RetentionSection />, ['admin', 'retention', 'periods'], {
      items: [
        period,
        { ...period, kind: 'audit_trail', countedFrom: 'entry', months: 36, confirmed: true },
      ],
    });
    expect(html).toContain('Opbevaring og sletning');
    expect(html).toContain('Rigsarkivets regler om bevaring og kassation');
    expect(html).toContain('Afsluttet sag');
    expect(html).toContain('60 måneder');
    expect(html).toContain('36 måneder (standard 60 måneder)');
    expect(html).toContain('afslutningen');
    expect(html).toContain('Skal bekræftes');
    expect(html).toContain('aria-label="Ret perioden for Afsluttet sag"');
  });

  it('shows what the next run does with each due record, and offers the export', () => {
    const html = renderWithQuery(<RetentionRunSection />, ['admin', 'retention', 'dry-run'], {
      items: [
        {
          recordKind: 'case',
          recordId: '00000000-0000-4000-8000-000000000001',
          reference: 'S-2020-0001',
          retentionKind: 'case_closed',
          countedFrom: '2020-01-10',
          periodEnded: '2025-01-10',
          months: 60,
          status: 'needs_export',
          exportId: null,
          exportedAt: null,
        },
      ],
      auditEntries: 3,
    });
    expect(html).toContain('S-2020-0001');
    expect(html).toContain('10.01.2025');
    expect(html).toContain('Venter på arkivets udtræk');
    expect(html).toContain('Tag arkivudtræk');
    expect(html).toContain('Logposter ældre end loggens periode: 3.');
    expect(html).toContain('aria-label="Sæt retligt hold på S-2020-0001"');
  });
});
