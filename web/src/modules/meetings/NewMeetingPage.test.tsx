import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { NewMeetingPage as Page } from './NewMeetingPage';

/**
 * The new-meeting form offers the forums the caller manages whose kind meets in the
 * municipality's organisation model: in model 1 the Infohus Kommune forum, not the
 * cross-disciplinary forum or the steering group (the server refuses those meetings too).
 */
let NewMeetingPage: typeof Page;

beforeAll(async () => {
  ({ NewMeetingPage } = await importWithI18n(() => import('./NewMeetingPage')));
});

const forum = (n: number, name: string, kind: string, organisationModel: number) => ({
  id: `33333333-3333-4333-8333-33333333333${n}`,
  name,
  kind,
  organisationModel,
  mayManage: true,
  archivedAt: null,
});

function render(model: number): string {
  return renderWithQuery(
    <MemoryRouter initialEntries={['/moeder/ny']}>
      <NewMeetingPage />
    </MemoryRouter>,
    ['forums', 'list'],
    {
      items: [
        forum(1, 'Demo Infohus', 'infohus_kommune', model),
        forum(2, 'Tværfagligt forum', 'forum', model),
        forum(3, 'Styregruppen', 'steering_group', model),
      ],
    },
  );
}

describe('NewMeetingPage', () => {
  it('offers only the Infohus Kommune forum in model 1', () => {
    const html = render(1);
    expect(html).toContain('Demo Infohus');
    expect(html).not.toContain('Tværfagligt forum');
    expect(html).not.toContain('Styregruppen');
  });

  it('offers every forum in model 3', () => {
    const html = render(3);
    expect(html).toContain('Tværfagligt forum');
    expect(html).toContain('Styregruppen');
  });
});
