import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { RoundTable as Table } from './RoundList';
import type { Round } from './roundsApi';

/** The rounds' table: status and on time or late in words, the overview linked when readable. */
let RoundTable: typeof Table;
beforeAll(async () => {
  ({ RoundTable } = await importWithI18n(() => import('./RoundList')));
});

const abilities = {
  contribute: false,
  readContributions: true,
  readOverview: true,
  manage: false,
  close: false,
  systematise: false,
  editOverview: false,
};
const round = (over: Partial<Round>): Round => ({
  id: '00000000-0000-4000-8000-000000000001',
  areaId: '00000000-0000-4000-8000-0000000000aa',
  number: 1,
  status: 'open',
  dueOn: '2026-09-01',
  heldOn: null,
  onTime: null,
  participants: null,
  meetingId: null,
  meetingStartsAt: null,
  contributionCount: 0,
  ownContributionCount: 0,
  systematisedAt: null,
  version: 1,
  abilities,
  ...over,
});

describe('RoundTable', () => {
  it('says the status and whether a round was held on time, and links the overview', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <RoundTable
          rounds={[
            round({ id: '00000000-0000-4000-8000-000000000002', number: 2, contributionCount: 3 }),
            round({
              status: 'systematised',
              heldOn: '2026-09-10',
              onTime: false,
              systematisedAt: '2026-09-12T10:00:00.000Z',
            }),
          ]}
        />
      </MemoryRouter>,
    );
    expect(html).toContain('Runde 2');
    expect(html).toContain('Åben for bidrag');
    expect(html).toContain('Systematiseret');
    expect(html).toContain('10.09.2026 (for sent)');
    expect(html).toContain('Områdeoverblik');
  });
});
