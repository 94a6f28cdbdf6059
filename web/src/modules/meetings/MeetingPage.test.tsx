import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { MeetingPage as Page } from './MeetingPage';
import type { MeetingDetail } from './meetingsApi';

/** The meeting page rendered to markup: details, tabs to agenda and minutes, actions by ability. */
let MeetingPage: typeof Page;

beforeAll(async () => {
  ({ MeetingPage } = await importWithI18n(() => import('./MeetingPage')));
});

const ID = '11111111-1111-4111-8111-111111111111';
const USER = '22222222-2222-4222-8222-222222222222';

function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: ID,
    forumId: '33333333-3333-4333-8333-333333333333',
    forumName: 'Tværfagligt forum',
    forumKind: 'forum',
    meetingType: 'forum',
    startsAt: '2026-12-08T09:00:00.000Z',
    endsAt: '2026-12-08T11:00:00.000Z',
    place: 'Rådhuset, mødelokale 2',
    videoLink: null,
    status: 'planned',
    seriesId: null,
    version: 1,
    chair: { userId: USER, displayName: 'Mette Formand' },
    noteTaker: null,
    recordedAfterwards: false,
    cancelReason: null,
    participants: [
      {
        userId: USER,
        displayName: 'Mette Formand',
        kind: 'member',
        agendaItemId: null,
        invitationQueued: true,
      },
    ],
    externalGuests: [],
    abilities: {
      manage: false,
      cancel: false,
      writeMinutes: false,
      approveMinutes: false,
      seeAgenda: true,
    },
    ...overrides,
  };
}

function render(data: MeetingDetail): string {
  return renderWithQuery(
    <MemoryRouter initialEntries={[`/moeder/${ID}`]}>
      <Routes>
        <Route path="/moeder/:id" element={<MeetingPage />} />
      </Routes>
    </MemoryRouter>,
    ['meetings', 'one', ID],
    data,
  );
}

describe('MeetingPage', () => {
  it('shows the meeting in Danish time with tabs to its agenda and minutes, no actions without abilities', () => {
    const html = render(meeting());
    expect(html).toContain('Forummøde: Tværfagligt forum');
    expect(html).toContain('tirsdag den 8. december 2026, 10.00–12.00');
    expect(html).toContain(`href="/moeder/${ID}/dagsorden"`);
    expect(html).toContain(`href="/moeder/${ID}/referat"`);
    expect(html).toContain('Mette Formand');
    expect(html).not.toContain('Aflys mødet');
    expect(html).not.toContain('Fjern Mette Formand');
    expect(html).not.toContain('Eksterne gæster');
  });

  it('offers cancel, removal and the external guests to one who may manage it', () => {
    const html = render(
      meeting({
        abilities: {
          manage: true,
          cancel: true,
          writeMinutes: true,
          approveMinutes: true,
          seeAgenda: true,
        },
      }),
    );
    expect(html).toContain('Aflys mødet');
    expect(html).toContain('Flyt mødet eller skift sted');
    // The form shows the meeting's Danish day and times.
    expect(html).toContain('value="08.12.2026"');
    expect(html).toContain('value="10:00"');
    expect(html).toContain('value="12:00"');
    expect(html).toContain('Fjern Mette Formand');
    expect(html).toContain('Eksterne gæster');
  });

  it('shows a cancelled meeting with its reason and hides the agenda where the model does', () => {
    const html = render(
      meeting({
        status: 'cancelled',
        cancelReason: 'Formanden er syg',
        abilities: {
          manage: false,
          cancel: false,
          writeMinutes: false,
          approveMinutes: false,
          seeAgenda: false,
        },
      }),
    );
    expect(html).toContain('Mødet er aflyst');
    expect(html).toContain('Formanden er syg');
    expect(html).not.toContain('/dagsorden');
  });
});
