import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { ChildReportSection as Section } from './ChildReportSection';
import type { ChildReport } from './childReportApi';
import type { InquiryDetail } from './inquiriesApi';

/**
 * The report about a child on the inquiry page, rendered to markup (no DOM here): the
 * suggestion to mark it, the 24-hour clock with its state and provision, the yes/no assessment
 * of immediate help with its note counter, the acknowledgement button, and what was recorded.
 */
let ChildReportSection: typeof Section;

beforeAll(async () => {
  ({ ChildReportSection } = await importWithI18n(() => import('./ChildReportSection')));
}, 60_000);

const ID = '11111111-1111-4111-8111-111111111111';
const provision = (section: string) => ({ law: 'Barnets lov', section, confirmed: false });

const unmarked: ChildReport = {
  marked: false,
  eligible: true,
  mayRecord: true,
  markedAt: null,
  markedBy: null,
  immediateHelp: {
    provision: provision('§ 138'),
    deadlineAt: '2026-03-06T09:00:00.000Z',
    state: 'pending',
    needed: null,
    assessedAt: null,
    assessedBy: null,
  },
  acknowledgement: {
    provision: provision('§ 134'),
    dueAt: '2026-03-13T09:00:00.000Z',
    state: 'pending',
    sentAt: null,
    sentBy: null,
    sentTo: null,
    possible: true,
    suggestedEmail: 'skole@demo.invalid',
    email: null,
  },
};

function render(childReport: ChildReport, extra: Partial<InquiryDetail> = {}): string {
  const detail = {
    id: ID,
    reference: 'H-2026-0001',
    version: 3,
    reporter: { anonymous: false, name: 'Skoleleder Demo', contact: 'skole@demo.invalid' },
    receivedAt: '2026-03-05T09:00:00.000Z',
    registeredAt: '2026-03-05T09:30:00.000Z',
    backdateReason: null,
    immediateHelpNote: null,
    childReport,
    ...extra,
  } as InquiryDetail;
  return renderWithQuery(
    <ChildReportSection detail={detail} reload={() => undefined} reloading={false} />,
    ['unused'],
    null,
  );
}

describe('ChildReportSection', () => {
  it('suggests marking an inquiry about a child from a professional', () => {
    const html = render(unmarked);
    expect(html).toContain('Underretning efter Barnets lov');
    expect(html).toContain('Marker som underretning efter Barnets lov');
    expect(html).not.toContain('Vurdering af akut behov');
  });

  it('shows nothing for an inquiry that cannot be a report', () => {
    expect(render({ ...unmarked, eligible: false })).toBe('');
  });

  it('shows the 24-hour clock, the yes/no assessment with a counted note, and the acknowledgement button', () => {
    const html = render({
      ...unmarked,
      marked: true,
      immediateHelp: { ...unmarked.immediateHelp, state: 'overdue' },
    });
    expect(html).toContain('Vurdering af akut behov');
    expect(html).toContain('Barnets lov § 138');
    expect(html).toContain('fristen er overskredet');
    expect(html).toContain('Har barnet brug for akut hjælp?');
    expect(html).toContain('0 af højst 2.000 tegn');
    expect(html).toContain('Gem vurdering af akut behov');
    expect(html).toContain('Send kvittering');
    expect(html).toContain('Kvitteringen går til Skoleleder Demo, skole@demo.invalid');
    expect(html).toContain('skal bekræftes af kommunens jurist');
  });

  it('shows what was recorded, with the letter to download, and no forms', () => {
    const html = render(
      {
        ...unmarked,
        marked: true,
        immediateHelp: {
          ...unmarked.immediateHelp,
          state: 'met',
          needed: false,
          assessedAt: '2026-03-05T12:00:00.000Z',
          assessedBy: 'Tove Tovholder',
        },
        acknowledgement: {
          ...unmarked.acknowledgement,
          state: 'met',
          sentAt: '2026-03-05T12:05:00.000Z',
          sentBy: 'Tove Tovholder',
          sentTo: 'Skoleleder Demo, skole@demo.invalid',
        },
      },
      { immediateHelpNote: 'Talt med skolen.' },
    );
    expect(html).toContain('Barnet har ikke brug for akut hjælp.');
    expect(html).toContain('Vurderet af Tove Tovholder');
    expect(html).toContain('Talt med skolen.');
    expect(html).toContain(`href="/api/inquiries/${ID}/acknowledgement.pdf"`);
    expect(html).not.toContain('Send kvittering');
    expect(html).not.toContain('Gem vurdering af akut behov');
  });

  it('says why no acknowledgement can be sent to an anonymous reporter', () => {
    const html = render({
      ...unmarked,
      marked: true,
      acknowledgement: { ...unmarked.acknowledgement, possible: false },
    });
    expect(html).toContain('Underretteren er anonym');
    expect(html).not.toContain('Send kvittering');
  });

  it('offers the e-mail address, filled in from the intake, and says the e-mail names neither child nor concern', () => {
    const html = render({ ...unmarked, marked: true });
    expect(html).toContain('Fagpersonens e-mailadresse (valgfri)');
    expect(html).toMatch(/<input[^>]*type="email"[^>]*value="skole@demo.invalid"/);
    expect(html).toContain('E-mailen nævner hverken barnet eller bekymringen.');
  });

  it('shows the e-mail of the acknowledgement queued, sent or failed', () => {
    const sent = (status: 'queued' | 'sent' | 'failed') =>
      render({
        ...unmarked,
        marked: true,
        acknowledgement: {
          ...unmarked.acknowledgement,
          state: 'met',
          sentAt: '2026-03-05T12:05:00.000Z',
          sentBy: 'Tove Tovholder',
          sentTo: 'Skoleleder Demo, leder@skole.example',
          email: { to: 'leder@skole.example', status, at: '2026-03-05T12:06:00.000Z' },
        },
      });
    expect(sent('queued')).toContain(
      'Kvitteringen venter på at blive sendt som e-mail til leder@skole.example.',
    );
    expect(sent('sent')).toContain('Kvitteringen er sendt som e-mail til leder@skole.example');
    expect(sent('failed')).toContain(
      'Kvitteringen kunne ikke sendes som e-mail til leder@skole.example.',
    );
    expect(sent('sent')).not.toContain('Fagpersonens e-mailadresse');
  });
});
