import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { MinutesPage as Page } from './MinutesPage';
import type { MinutesView } from './minutesApi';

/** The minutes page rendered to markup: a draft with its forms, approved minutes read-only. */

let MinutesPage: typeof Page;

beforeAll(async () => {
  ({ MinutesPage } = await importWithI18n(() => import('./MinutesPage')));
});

const MEETING = '11111111-1111-4111-8111-111111111111';
const CASE = '22222222-2222-4222-8222-222222222222';
const ITEM = '33333333-3333-4333-8333-333333333333';

function view(status: 'draft' | 'approved', write: boolean): MinutesView {
  const version = {
    id: '44444444-4444-4444-8444-444444444444',
    versionNo: 1,
    status,
    correctionReason: null,
    approvedAt: status === 'approved' ? '2026-12-01T10:00:00.000Z' : null,
    approvedBy: status === 'approved' ? 'Anne Formand' : null,
    noPersonalDataConfirmedAt: null,
    noPersonalDataConfirmedBy: null,
    version: 3,
  };
  return {
    meeting: {
      id: MEETING,
      forumName: 'SSP-forum',
      forumKind: 'forum',
      meetingType: 'forum',
      startsAt: '2026-12-01T09:00:00.000Z',
      endsAt: '2026-12-01T10:00:00.000Z',
      place: 'Rådhuset',
      status: 'held',
    },
    minutes: version,
    versions: [version],
    items: [
      {
        agendaItemId: ITEM,
        position: 1,
        kind: 'follow_up',
        title: null,
        caseId: CASE,
        caseReference: 'S-2026-0007',
        inquiryId: null,
        inquiryReference: null,
        dueOn: null,
        assessed: 'Forløbet går godt.',
        decision: 'Fortsætter.',
        textHidden: false,
        action: null,
        actions: write ? ['concern_level', 'closure_proposed'] : [],
        target: null,
        recordVersion: null,
      },
    ],
    attendance: { participants: [], guests: [] },
    tasks: [],
    abilities: {
      start: false,
      write,
      approve: write,
      newVersion: !write,
      confirmNoPersonalData: false,
    },
  };
}

function render(data: MinutesView): string {
  return renderWithQuery(
    <MemoryRouter initialEntries={[`/moeder/${MEETING}/referat`]}>
      <Routes>
        <Route path="moeder/:id/referat" element={<MinutesPage />} />
      </Routes>
    </MemoryRouter>,
    ['minutes', MEETING, 'latest'],
    data,
  );
}

describe('MinutesPage', () => {
  it('shows a draft with the item form, the decisions the server offers and the approval', () => {
    const html = render(view('draft', true));
    expect(html).toContain('Referat: SSP-forum');
    expect(html).toContain(`href="/sager/${CASE}"`);
    expect(html).toContain('Hvad blev vurderet');
    expect(html).toContain('Nyt bekymringsniveau');
    expect(html).toContain('Godkend referatet');
    expect(html).toContain(`href="/api/meetings/${MEETING}/minutes.pdf"`);
  });

  it('shows approved minutes read-only, with a new version as the way to correct them', () => {
    const html = render(view('approved', false));
    expect(html).toContain('Referatet er godkendt og kan ikke ændres');
    expect(html).not.toContain('Gem punktet');
    expect(html).toContain('Forløbet går godt.');
    expect(html).toContain('Lav en ny version');
    expect(html).not.toContain('Godkend referatet');
  });
});
