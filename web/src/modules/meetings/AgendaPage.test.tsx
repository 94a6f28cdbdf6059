import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { AgendaPage as Page } from './AgendaPage';
import type { Agenda, Numbers, ProposalList } from './agendaApi';

const AGENDA_KEY = 'agenda';

/**
 * The agenda page rendered to markup: the items in order with the hidden-items count in Danish,
 * the chair's tools (proposals with "Tilføj", moving, topics, templates) only when the server
 * says `mayEdit`, and the numbers with small cells in words.
 */
let AgendaPage: typeof Page;

beforeAll(async () => {
  ({ AgendaPage } = await importWithI18n(() => import('./AgendaPage')));
});

const MEETING = '11111111-1111-4111-8111-111111111111';
const CASE = '22222222-2222-4222-8222-222222222222';

const agenda = (mayEdit: boolean): Agenda => ({
  meetingId: MEETING,
  meetingVersion: 3,
  forumKind: 'forum',
  meetingType: 'forum',
  status: 'planned',
  mayEdit,
  mayReadNumbers: true,
  allowedKinds: ['inquiry', 'follow_up', 'case', 'topic'],
  items: [
    {
      id: '33333333-3333-4333-8333-333333333331',
      position: 1,
      kind: 'topic',
      source: 'template',
      title: 'Status på området',
      description: null,
      dueOn: null,
      version: 1,
      record: null,
    },
    {
      id: '33333333-3333-4333-8333-333333333332',
      position: 2,
      kind: 'follow_up',
      source: 'proposed',
      title: null,
      description: null,
      dueOn: '2027-03-10',
      version: 1,
      record: {
        type: 'case',
        id: CASE,
        reference: 'S-2026-0007',
        status: 'active',
        planStatus: null,
        concernLevel: 'high',
        extremismForm: 'right_wing',
      },
    },
  ],
  hiddenCount: 1,
});

const proposals: ProposalList = {
  from: '2027-03-01',
  until: '2027-04-01',
  items: [
    {
      kind: 'on_hold',
      record: { type: 'case', id: CASE, reference: 'S-2026-0009' },
      dueOn: null,
      months: null,
      weeksOnHold: 12,
      planStatus: null,
      onAgenda: false,
    },
  ],
};

function render(data: Agenda, numbers?: Numbers) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData([AGENDA_KEY, MEETING, 'items'], data);
  client.setQueryData([AGENDA_KEY, MEETING, 'proposals'], proposals);
  if (numbers) client.setQueryData([AGENDA_KEY, MEETING, 'numbers'], numbers);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/moeder/${MEETING}/dagsorden`]}>
        <Routes>
          <Route path="/moeder/:id/dagsorden" element={<AgendaPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the agenda page', () => {
  it('lists the items the caller may see and says how many are hidden, without the chair’s tools', () => {
    const html = render(agenda(false));
    expect(html).toContain('Status på området');
    expect(html).toContain('Opfølgning: S-2026-0007');
    expect(html).toContain('frist 10.03.2027');
    expect(html).toContain('1 punkt kan du ikke se');
    expect(html).not.toContain('Flyt op');
    expect(html).not.toContain('Forslag til dagsordenen');
    expect(html).not.toContain('Tilføj emne');
  });

  it('gives the chair the proposals with Tilføj, moving, removing, topics and templates', () => {
    const html = render(agenda(true));
    expect(html).toContain('Forslag til dagsordenen');
    expect(html).toContain('Sag i bero: S-2026-0009');
    expect(html).toContain('i bero i 12 uger');
    expect(html).toContain('Tilføj');
    expect(html).toContain('Flyt ned');
    expect(html).toContain('Fjern');
    expect(html).toContain('Tilføj emne');
    expect(html).toContain('Skabeloner fra drejebogen');
  });

  it('shows the numbers with small cells in words', () => {
    const cells = { low: 0, moderate: 'hidden', high: 'under_5', unknown: 0, total: 7 } as const;
    const html = render(
      {
        ...agenda(false),
        forumKind: 'steering_group',
        allowedKinds: ['plan_approval', 'numbers', 'topic'],
      },
      {
        from: '2027-01-01',
        until: '2027-04-01',
        newInquiries: 'under_5',
        newCasesByForm: {
          militant_islamism: 0,
          right_wing: 7,
          left_wing: 0,
          other: 0,
          unknown: 0,
          total: 7,
        },
        openCases: {
          active: cells,
          on_hold: { low: 0, moderate: 0, high: 0, unknown: 0, total: 0 },
        },
        closedCases: 12,
        reReviewsDue: 0,
        plansAwaitingApproval: 5,
      },
    );
    expect(html).toContain('Nye henvendelser');
    expect(html).toContain('under 5');
    expect(html).toContain('skjult');
    expect(html).toContain('Højreekstremisme');
  });

  it('shows a guest no numbers section (the server refuses them the counts)', () => {
    const html = render({
      ...agenda(false),
      forumKind: 'steering_group',
      allowedKinds: ['plan_approval', 'numbers', 'topic'],
      mayReadNumbers: false,
    });
    expect(html).not.toContain('Nye henvendelser');
    expect(html).not.toContain('Henter tal');
  });
});
