import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { PoliceFeedbackPage as Page } from './PoliceFeedbackPage';

/**
 * "Tilbagemeldinger til kommunen", rendered to markup: each inquiry handed to the police with its
 * reference, date, municipality and the feedback sent — nothing about the persons — and a button
 * per inquiry named for screen readers.
 */
let PoliceFeedbackPage: typeof Page;

beforeAll(async () => {
  ({ PoliceFeedbackPage } = await importWithI18n(() => import('./PoliceFeedbackPage')));
}, 60_000);

describe('PoliceFeedbackPage', () => {
  it('lists the handed inquiries by reference, date and municipality, with the feedback sent', () => {
    const html = renderWithQuery(<PoliceFeedbackPage />, ['police-feedback', 'handed'], {
      items: [
        {
          inquiryId: '0b1f6c1e-8f4b-4a57-9c55-0d9f3c1e2a11',
          reference: 'H-2026-0006',
          handedAt: '2026-12-01T08:00:00.000Z',
          municipality: { code: '999', name: 'Demo Kommune' },
          feedback: [
            {
              id: '1c2f6c1e-8f4b-4a57-9c55-0d9f3c1e2a11',
              kind: 'no_police_action',
              note: null,
              sentAt: '2026-12-02T08:00:00.000Z',
            },
          ],
        },
      ],
    });
    expect(html).toContain('Tilbagemeldinger til kommunen');
    expect(html).toContain('H-2026-0006');
    expect(html).toContain('01.12.2026');
    expect(html).toContain('Demo Kommune');
    expect(html).toContain('Politiet foretager sig ikke mere');
    expect(html).toContain('Giv tilbagemelding<span class="sr-only"> H-2026-0006</span>');
  });
});
