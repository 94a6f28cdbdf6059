import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { RequestView as RequestViewComponent } from './AccessRequestPage';
import type { AccessRequest } from './accessRequestsApi';

/**
 * One access request rendered to markup: the draft items with their lines, a redacted line struck
 * through, and only the actions the server's abilities allow — the review forms while in review,
 * the approval for a second person, the package once released.
 */
let RequestView: typeof RequestViewComponent;
beforeAll(async () => {
  ({ RequestView } = await importWithI18n(() => import('./AccessRequestPage')));
});

const REQUEST_ID = '44444444-4444-4444-8444-444444444444';
const someone = { id: '22222222-2222-4222-8222-222222222222', name: 'Dorte Databeskyttelse' };

function request(extra: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: REQUEST_ID,
    kind: 'data_subject_access',
    status: 'in_review',
    person: {
      id: '11111111-1111-4111-8111-111111111111',
      name: 'Aksel Indsigtsen',
      birthDate: null,
    },
    channel: 'letter',
    receivedOn: '2026-11-20',
    deadlineOn: '2026-12-20',
    overdue: false,
    version: 3,
    registeredBy: someone,
    registeredAt: '2026-11-20T09:00:00.000Z',
    approvedBy: null,
    approvedAt: null,
    releasedBy: null,
    releasedAt: null,
    items: [
      {
        id: '55555555-5555-4555-8555-555555555555',
        position: 0,
        source: 'case',
        title: 'Sag S-2026-0001',
        lines: [
          { label: 'reference', value: 'S-2026-0001' },
          { label: 'otherPerson', value: 'Sara Søstersen (Yngre søskende)' },
        ],
        decision: 'redact',
        exemption: 'third_party',
        reason: 'Søsteren er tredjemand',
        redactedLines: [1],
        decidedBy: someone,
        decidedAt: '2026-11-21T09:00:00.000Z',
        version: 2,
      },
    ],
    abilities: { review: true, approve: false, release: false, download: false },
    ...extra,
  };
}

const render = (r: AccessRequest) => renderWithQuery(<RequestView request={r} />, ['unused'], null);

describe('an access request', () => {
  it('shows the draft with the review form while in review, in Danish, and no approval for the reviewer', () => {
    const html = render(request());
    expect(html).toContain('Aktindsigt: Aksel Indsigtsen');
    expect(html).toContain('Indsigtsret (databeskyttelsesforordningen art. 15)');
    expect(html).toContain('<s>Sara Søstersen (Yngre søskende)</s>');
    expect(html).toContain(
      'Oplysninger om andre personer (familie, netværk): Søsteren er tredjemand',
    );
    expect(html).toContain('Gem afgørelsen');
    expect(html).not.toContain('Godkend gennemgangen');
    expect(html).toContain('en anden end den, der har gennemgået dem, godkende');
    expect(html).not.toContain('package.pdf');
  });

  it('offers the approval to a second person', () => {
    const html = render(
      request({ abilities: { review: true, approve: true, release: false, download: false } }),
    );
    expect(html).toContain('Godkend gennemgangen');
  });

  it('offers the package once released, and no review', () => {
    const html = render(
      request({
        status: 'released',
        releasedBy: someone,
        releasedAt: '2026-11-25T09:00:00.000Z',
        abilities: { review: false, approve: false, release: false, download: true },
      }),
    );
    expect(html).toContain(`href="/api/access-requests/${REQUEST_ID}/package.pdf"`);
    expect(html).not.toContain('Gem afgørelsen');
    expect(html).not.toContain('Udlevér pakken til borgeren');
  });
});
