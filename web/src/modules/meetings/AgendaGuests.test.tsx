import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { AgendaGuests as Guests } from './AgendaGuests';
import type { Agenda } from './agendaApi';
import type { MeetingDetail } from './meetingsApi';

/**
 * The guests form of the agenda page rendered to markup: only for those the server lets manage
 * the meeting; the people not yet invited, the items by number and reference, and the external
 * guest's fields, all in Danish.
 */
let AgendaGuests: typeof Guests;

beforeAll(async () => {
  ({ AgendaGuests } = await importWithI18n(() => import('./AgendaGuests')));
});

const MEETING = '11111111-1111-4111-8111-111111111111';
const FORUM = '33333333-3333-4333-8333-333333333333';
const CHAIR = '22222222-2222-4222-8222-222222222221';
const POLICE = '22222222-2222-4222-8222-222222222222';

const agenda: Agenda = {
  meetingId: MEETING,
  meetingVersion: 2,
  forumKind: 'forum',
  meetingType: 'forum',
  status: 'planned',
  mayEdit: true,
  mayReadNumbers: true,
  allowedKinds: ['inquiry', 'follow_up', 'case', 'topic'],
  items: [
    {
      id: '44444444-4444-4444-8444-444444444441',
      position: 1,
      kind: 'inquiry',
      source: 'proposed',
      title: null,
      description: null,
      dueOn: null,
      version: 1,
      record: {
        type: 'inquiry',
        id: '55555555-5555-4555-8555-555555555555',
        reference: 'H-2026-0002',
        status: 'triaged',
        planStatus: null,
        concernLevel: null,
        extremismForm: null,
      },
    },
    {
      id: '44444444-4444-4444-8444-444444444442',
      position: 2,
      kind: 'topic',
      source: 'added',
      title: 'Status på skolerne',
      description: null,
      dueOn: null,
      version: 1,
      record: null,
    },
  ],
  hiddenCount: 0,
};

function render(manage: boolean) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  const meeting = {
    id: MEETING,
    forumId: FORUM,
    participants: [
      { userId: CHAIR, displayName: 'Mette Formand', kind: 'member', agendaItemId: null },
    ],
    externalGuests: [],
    abilities: { manage, cancel: manage, writeMinutes: manage, approveMinutes: manage },
  } as unknown as MeetingDetail;
  client.setQueryData(['meetings', 'one', MEETING], meeting);
  client.setQueryData(['forums', 'one', FORUM], {
    members: [
      { userId: CHAIR, displayName: 'Mette Formand' },
      { userId: POLICE, displayName: 'Eva Politi' },
    ],
  });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <AgendaGuests agenda={agenda} />
    </QueryClientProvider>,
  );
}

describe('AgendaGuests', () => {
  it('offers the chair the people not yet invited, the items and an external guest', () => {
    const html = render(true);
    expect(html).toContain('Gæster til et punkt');
    expect(html).toContain('Eva Politi');
    expect(html).not.toContain('Mette Formand');
    expect(html).toContain('1. Henvendelse: H-2026-0002');
    expect(html).toContain('2. Status på skolerne');
    expect(html).toContain('Inviter til punktet');
    expect(html).toContain('Inviter ekstern gæst');
    expect(html).toContain('Organisation (valgfri)');
  });

  it('shows nothing to those who may not manage the meeting', () => {
    expect(render(false)).toBe('');
  });
});
