import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { TrailEntry } from './disclosuresApi';
import type { TrailTable as Table } from './TrailTable';

/** The citizen's reads and disclosures in one table, in Danish: who, why, basis, recipient. */

let TrailTable: typeof Table;

beforeAll(async () => {
  ({ TrailTable } = await importWithI18n(() => import('./TrailTable')));
});

const PERSON = '11111111-1111-4111-8111-111111111111';

const read: TrailEntry = {
  key: 'a00000000000000000042',
  kind: 'read',
  at: '2026-11-03T09:15:00.000Z',
  personId: PERSON,
  action: 'read',
  role: 'caseworker',
  unitName: 'Demo Ungeenhed',
  userName: 'Sagsbehandler Demo',
  purpose: 'case_work',
  legalBasis: null,
  breakGlass: false,
  resourceType: 'person',
  part: null,
  disclosure: null,
};

const disclosure: TrailEntry = {
  key: 'd22222222-2222-4222-8222-222222222222',
  kind: 'disclosure',
  at: '2026-11-04T12:00:00.000Z',
  personId: PERSON,
  action: 'disclose',
  role: null,
  unitName: null,
  userName: 'Tovholder Demo',
  purpose: 'Kriminalitetsforebyggende samarbejde',
  legalBasis: 'Retsplejeloven § 115 (KSP)',
  breakGlass: false,
  resourceType: 'disclosure',
  part: null,
  disclosure: {
    id: '22222222-2222-4222-8222-222222222222',
    disclosedOn: '2026-11-04',
    caseReference: 'S-2026-0001',
    recipientOrganisation: 'Kriminalforsorgen, Demo Afdeling',
    recipientKind: 'prison_probation',
    recipientPerson: null,
    categories: ['plan'],
    documents: null,
    decidedBy: 'Tovholderen',
    channel: 'letter',
    productSource: null,
  },
};

describe('TrailTable', () => {
  it('shows a read with role, unit, employee and purpose, and a disclosure with recipient and basis', () => {
    const html = renderWithQuery(
      <TrailTable items={[disclosure, read]} names={new Map([[PERSON, 'Demo Borger']])} />,
      ['unused'],
      null,
    );
    expect(html).toContain('Opslag og videregivelser, nyeste først');
    expect(html).toContain('Videregivelse');
    expect(html).toContain('04.11.2026');
    expect(html).toContain('Retsplejeloven § 115 (KSP)');
    expect(html).toContain('Kriminalforsorgen, Demo Afdeling');
    expect(html).toContain('Besluttet af Tovholderen');
    expect(html).toContain('Demo Ungeenhed');
    expect(html).toContain('Sagsbehandler Demo');
    expect(html.indexOf('Kriminalforsorgen')).toBeLessThan(html.indexOf('Sagsbehandler Demo'));
    // One citizen: no person column note.
    expect(html).not.toContain('Demo Borger');
  });
});
