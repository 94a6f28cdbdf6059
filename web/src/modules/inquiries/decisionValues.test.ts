import { beforeAll, describe, expect, it } from 'vitest';
import type * as Values from './decisionValues';
import type * as Text from '../../ui/backdatedText';

/**
 * The decision form's day (issue 12, "Recording history"): empty means today; a day before today
 * carries the chosen reason to the server, a day of today does not; the form checks the day with
 * the server's schema; a back-dated decision is shown with its real day and when it was recorded.
 */
let V: typeof Values;
let backdatedText: typeof Text.backdatedText;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  V = await import('./decisionValues');
  ({ backdatedText } = await import('../../ui/backdatedText'));
}, 60_000);

const today = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const daysAgo = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() - days * 86_400_000),
  );

function filled(extra: Partial<Values.DecisionValues>): Values.DecisionValues {
  return {
    ...V.emptyDecision('person'),
    outcome: 'radicalisation',
    reason: 'Besluttet på mødet i forummet.',
    classification: { ...V.emptyDecision('person').classification, extremismForm: 'right_wing' },
    ...extra,
  };
}

describe('the decision form: the day of the decision', () => {
  it('sends no day and no reason for a decision made today', () => {
    const body = V.toBody(filled({ backdateReason: 'registered_late' }), 3);
    expect(body.decidedOn).toBeNull();
    expect(body).not.toHaveProperty('backdateReason');
    expect(V.decidedEarlier({ decidedOn: today() })).toBe(false);
    expect(V.toBody(filled({ decidedOn: today(), backdateReason: 'other' }), 3)).not.toHaveProperty(
      'backdateReason',
    );
  });

  it('sends an earlier day with its reason, and the note for "other"', () => {
    const day = daysAgo(6);
    expect(V.decidedEarlier({ decidedOn: day })).toBe(true);
    expect(
      V.toBody(filled({ decidedOn: day, backdateReason: 'moved_from_paper' }), 3),
    ).toMatchObject({
      decidedOn: day,
      backdateReason: 'moved_from_paper',
    });
    expect(
      V.toBody(
        filled({ decidedOn: day, backdateReason: 'other', backdateNote: ' Mødereferat ' }),
        3,
      ),
    ).toMatchObject({ backdateReason: 'other', backdateNote: 'Mødereferat' });
  });

  it('checks the day with the server schema: an impossible date is named in Danish', () => {
    const result = V.DecisionSchema.safeParse(filled({ decidedOn: '31.02.2026' }));
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'decidedOn');
    expect(issue).toBeDefined();
  });

  it('shows a back-dated decision with its day and when it was recorded', () => {
    expect(backdatedText('2026-03-13', '2026-03-20T10:00:00Z', 'registered_late')).toBe(
      '13. marts 2026 (registreret 20. marts 2026, registreret for sent)',
    );
  });
});
