import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import { testMentorType } from '../interventions/testType';
import type { InquiryDecision as Inquiry } from './MinutesInquiryDecision';
import type { InterventionFields as Intervention } from './MinutesInterventionDecision';

/**
 * The minutes' decision forms rendered to markup: an inquiry decided at a meeting offers every
 * outcome of the inquiry's own page; a new intervention offers the catalogue and the case's
 * persons (issue 14 part 4).
 */
let InquiryDecision: typeof Inquiry;
let InterventionFields: typeof Intervention;

beforeAll(async () => {
  ({ InquiryDecision } = await importWithI18n(() => import('./MinutesInquiryDecision')));
  ({ InterventionFields } = await importWithI18n(() => import('./MinutesInterventionDecision')));
});

const ITEM = '33333333-3333-4333-8333-333333333333';
const submit = () => Promise.resolve();

describe('the decisions of the minutes', () => {
  it('decide an inquiry with any outcome, the police handover included', () => {
    const html = renderWithQuery(
      <InquiryDecision itemId={ITEM} submit={submit} error={null} pending={false} />,
      ['unused'],
      null,
    );
    for (const outcome of [
      'Ingen bekymring',
      'Anden bekymring (trivsel, kriminalitet)',
      'Radikaliseringsbekymring',
      'Overdraget til politiet',
    ]) {
      expect(html).toContain(`>${outcome}</option>`);
    }
    expect(html).toContain('>Gennemfør beslutningen</button>');
  });

  it('add an intervention from the catalogue for a person of the case', () => {
    const html = renderWithQuery(
      <InterventionFields
        itemId={ITEM}
        persons={[{ id: '55555555-5555-4555-8555-555555555555', name: 'Amir Demo' }]}
        types={[testMentorType()]}
        submit={submit}
        error={null}
        pending={false}
      />,
      ['unused'],
      null,
    );
    expect(html).toContain('>Indsats fra kataloget</label>');
    expect(html).toContain('>Mentor</option>');
    expect(html).toContain('>Amir Demo</option>');
    expect(html).toContain('Udfører, periode og familie- eller gruppeforløb sættes på sagens side');
  });
});
