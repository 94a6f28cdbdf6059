import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { OrganisationModelSection as Section } from './OrganisationModelSection';
import type { PoliceFeedbackSection as Feedback } from '../police-feedback/PoliceFeedbackSection';
import type { Settings } from './adminApi';

/**
 * The organisation model on the settings page, and the police's feedback on the inquiry page,
 * rendered to markup: the three models explained in Danish with the national mapping as source,
 * who changed the settings last, a setting that differs from the model marked; the feedback with
 * "Markér som læst" only for those who may mark it.
 */
let OrganisationModelSection: typeof Section;
let PoliceFeedbackSection: typeof Feedback;

beforeAll(async () => {
  ({ OrganisationModelSection } = await importWithI18n(() => import('./OrganisationModelSection')));
  ({ PoliceFeedbackSection } = await import('../police-feedback/PoliceFeedbackSection'));
}, 60_000);

const settings = {
  deadlineHours: { high: 24, medium: 48, low: 72 },
  triageBy: 'coordinator',
  fourEyes: false,
  noConcernRetentionDays: 180,
  reminderHours: 4,
  planApproval: 'coordinator',
  caseStartDays: 14,
  closureFourEyes: true,
  filingKleCode: null,
  filingKleFacet: null,
  recordSystemName: null,
  filingIncludeCpr: false,
  organisationModel: 3,
  assessmentInForum: true,
  policeParticipation: 'serious',
  reReviewAtMeetings: true,
  meetingCadence: 'monthly',
  onHoldAgendaWeeks: 8,
  lastChangedAt: '2026-12-01T09:30:00.000Z',
  lastChangedBy: 'Jens Demo-Administrator',
  version: 3,
} satisfies Settings;

const noop = () => Promise.resolve();

describe('OrganisationModelSection', () => {
  it('explains the three models in Danish, says who changed the settings, marks a deviation', () => {
    const html = renderWithQuery(
      <OrganisationModelSection settings={settings} onSaved={() => {}} reload={noop} />,
      ['unused'],
      null,
    );
    expect(html).toContain('Model 1: Tovholdermodellen');
    expect(html).toContain('Model 2: Ad hoc-forum');
    expect(html).toContain('Model 3: Stående forum med styregruppe');
    expect(html).toContain('kortlægning');
    expect(html).toContain('2018');
    expect(html).toContain('Jens Demo-Administrator');
    expect(html).toContain('01.12.2026');
    // Model 3 has the police always; "serious" differs from it, the cadence does not.
    expect(html).toContain('Hvornår deltager politiet i vurderingen? (afviger fra model 3)');
    expect(html).not.toContain('Forummets mødekadence (afviger');
    expect(html).toContain('<details class="details">');
  });
});

describe('PoliceFeedbackSection', () => {
  const item = {
    id: '0b1f6c1e-8f4b-4a57-9c55-0d9f3c1e2a11',
    kind: 'police_take_over' as const,
    note: 'Politiet efterforsker.',
    sentAt: '2026-12-02T10:00:00.000Z',
    sentBy: 'Demo Politi',
    readAt: null,
    readBy: null,
    version: 1,
  };
  const render = (mayMarkRead: boolean) =>
    renderWithQuery(
      <PoliceFeedbackSection inquiryId="i-1" />,
      ['police-feedback', 'inquiry', 'i-1'],
      { items: [item], mayMarkRead },
    );

  it('shows what the police said, and "Markér som læst" to a coordinator only', () => {
    const html = render(true);
    expect(html).toContain('Politiets tilbagemelding');
    expect(html).toContain('Politiet overtager; kommunen afventer');
    expect(html).toContain('Politiet efterforsker.');
    expect(html).toContain('Markér som læst');
    expect(render(false)).not.toContain('Markér som læst');
  });
});
