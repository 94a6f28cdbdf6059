import type { ReactElement } from 'react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { AreaAbilities, AreaContextValue } from '../housing-areas/areaContext';
import type { AreaInterventionsTab as InterventionsTab } from './AreaInterventionsTab';
import type { IdentificationTab as IdTab } from './IdentificationTab';
import type { AreaInterventionList } from './areaWorkApi';

/**
 * The area work's tabs: actions shown from the area's abilities (never from roles), the tools
 * offered, and the interventions list with its kind, status and participants in Danish.
 */
let AreaInterventionsTab: typeof InterventionsTab;
let IdentificationTab: typeof IdTab;
beforeAll(async () => {
  ({ AreaInterventionsTab } = await importWithI18n(() => import('./AreaInterventionsTab')));
  ({ IdentificationTab } = await importWithI18n(() => import('./IdentificationTab')));
  // The import loads the whole form layer and the server's schemas: slow on a busy machine.
}, 60_000);

const AREA_ID = '00000000-0000-4000-8000-000000000001';
const abilities = (over: Partial<AreaAbilities>): AreaAbilities => ({
  readMap: true,
  edit: false,
  manage: false,
  contribute: false,
  readContributions: false,
  readOverview: false,
  manageRounds: false,
  identify: false,
  readPlan: false,
  writePlan: false,
  approvePlan: false,
  readInterventions: true,
  writeInterventions: false,
  readAggregates: true,
  ...over,
});

function inArea(element: ReactElement, over: Partial<AreaAbilities>): ReactElement {
  const context: AreaContextValue = {
    area: {
      id: AREA_ID,
      name: 'Nørrevang',
      municipalityCode: '999',
      cadence: 'quarterly',
      archived: false,
      version: 1,
      standing: 'team',
      abilities: abilities(over),
    },
  };
  return (
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route element={<Outlet context={context} />}>
          <Route path="*" element={element} />
        </Route>
      </Routes>
    </MemoryRouter>
  );
}

const LIST: AreaInterventionList = {
  canCreate: true,
  nextCursor: 'bmV4dA',
  items: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      areaId: AREA_ID,
      areaName: 'Nørrevang',
      kind: 'upskilling',
      title: 'Kursus i tegn på radikalisering for frontpersonale',
      description: null,
      targetGroup: null,
      startsOn: null,
      endsOn: null,
      plannedParticipants: 25,
      actualParticipants: 23,
      connectors: [],
      status: 'phasing_out',
      monitoringUntil: '2027-03-01',
      nextFollowUpOn: '2027-02-01',
      version: 3,
      abilities: { edit: true, changeStatus: true, followUp: true },
    },
  ],
};

/** The list as the infinite query holds it: one page, with a next one. */
const PAGES = { pages: [LIST], pageParams: [null] };

describe('IdentificationTab', () => {
  it('offers the tools 4a and 4b with the identify ability', () => {
    const html = renderWithQuery(inArea(<IdentificationTab />, { identify: true }), ['x'], null);
    expect(html).toContain('Værktøj 4a: Yngre søskende og familier');
    expect(html).toContain('Værktøj 4b');
  });

  it('offers nothing without it', () => {
    const html = renderWithQuery(inArea(<IdentificationTab />, {}), ['x'], null);
    expect(html).not.toContain('Værktøj 4a');
    expect(html).toContain('Du kan ikke sende identifikationsskemaer');
  });
});

describe('AreaInterventionsTab', () => {
  const key = ['area-interventions', AREA_ID, '', ''];

  it('lists the interventions in Danish, with "Ny indsats" for those who may write', () => {
    const html = renderWithQuery(
      inArea(<AreaInterventionsTab />, { writeInterventions: true }),
      key,
      PAGES,
    );
    expect(html).toContain('Kursus i tegn på radikalisering for frontpersonale');
    expect(html).toContain('Kompetenceudvikling af fagfolk');
    expect(html).toContain('Under udfasning');
    expect(html).toContain('23 af 25');
    expect(html).toContain('Ny indsats');
    // A next page: "Vis flere".
    expect(html).toContain('Vis flere');
    expect(html).toContain('1 indsats');
  });

  it('shows no "Ny indsats" without writeInterventions', () => {
    const html = renderWithQuery(inArea(<AreaInterventionsTab />, {}), key, PAGES);
    expect(html).not.toContain('Ny indsats');
  });
});
