import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseInterventionsPage as Page } from './CaseInterventionsPage';
import type { CaseIntervention, CaseInterventions } from './interventionsApi';
import {
  emptyIntervention,
  participantsFormSchema,
  participantsValues,
  toCreateBody,
} from './interventionValues';

/**
 * The participants field of the intervention forms (issue 12, part 2): the form (one person, or a
 * family or group), the case's persons as checkboxes with their role, the participants in the
 * list and the details, and one person's interventions on their own.
 */

let CaseInterventionsPage: typeof Page;
beforeAll(async () => {
  ({ CaseInterventionsPage } = await importWithI18n(() => import('./CaseInterventionsPage')));
});

const girl = { id: '44444444-4444-4444-8444-444444444444', name: 'Pige Holm', role: 'citizen' };
const mother = { id: '55555555-5555-4555-8555-555555555555', name: 'Mor Holm', role: 'parent' };
const brother = {
  id: '66666666-6666-4666-8666-666666666666',
  name: 'Lillebror Holm',
  role: 'sibling',
} as const;
const persons = [
  { ...girl, role: 'citizen', birthDate: null, custodyHolder: false },
  { ...mother, role: 'parent', birthDate: null, custodyHolder: true },
  { ...brother, birthDate: null, custodyHolder: false },
] as const;

const talk: CaseIntervention = {
  id: '22222222-2222-4222-8222-222222222222',
  version: 3,
  type: {
    id: '33333333-3333-4333-8333-333333333333',
    name: 'Gruppe- og familiesamtaler',
    level: 'anticipating',
    legalBasis: null,
    consentRequired: false,
    concern: null,
  },
  person: { ...mother, role: 'parent' },
  form: 'group',
  participants: [{ ...mother, role: 'parent' }, { ...brother }, { ...girl, role: 'citizen' }],
  provider: null,
  providerName: 'Familiehuset',
  status: 'planned',
  purpose: null,
  startsOn: null,
  endsOn: null,
  endReason: null,
  backdateReason: null,
  backdateNote: null,
  consent: null,
  sessions: [],
};

function render(interventions: CaseIntervention[]): string {
  const data: CaseInterventions = {
    id: TEST_CASE_ID,
    interventions,
    consents: [],
    offers: [],
    catalogue: [],
    providers: [],
  };
  return renderWithQuery(
    <CaseInterventionsPage detail={testCaseDetail({ persons: [...persons] })} />,
    ['cases', 'interventions', TEST_CASE_ID],
    data,
  );
}

describe('the participants of an intervention', () => {
  it('the form asks who the intervention is for, one person first', () => {
    const html = render([]);
    expect(html).toContain('Hvem er indsatsen for?');
    expect(html).toMatch(/checked="" value="individual"/);
    expect(html).toContain('Familie eller gruppe');
  });

  it('a family conversation shows its participants in the list and the details, and can be changed with checkboxes of the case persons and their roles', () => {
    const html = render([talk]);
    expect(html).toContain('Deltagere: Mor Holm, Lillebror Holm, Pige Holm');
    expect(html).toContain('Mor Holm (Forælder), Lillebror Holm (Søskende), Pige Holm (Borger)');
    expect(html).toContain('Skift deltagere');
    const boxes = html.match(/<input[^>]*type="checkbox"[^>]*name="participantIds"[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(3);
    expect(boxes.every((box) => box.includes('checked'))).toBe(true);
    expect(html).toContain('Sæt flueben ved alle, der deltager');
  });

  it("offers each participant's own interventions", () => {
    const html = render([talk]);
    expect(html).toContain('Vis indsatser for');
    expect(html).toContain('Alle sagens personer');
  });

  it('sends the participants only for a family or group; one person is the main person alone', () => {
    const values = { ...emptyIntervention([]), personId: mother.id, participantIds: [mother.id] };
    expect(toCreateBody(values).participantIds).toBeUndefined();
    const group = { ...values, form: 'group' as const, participantIds: [mother.id, girl.id] };
    expect(toCreateBody(group)).toMatchObject({
      form: 'group',
      participantIds: [mother.id, girl.id],
    });
    const schema = participantsFormSchema(mother.id);
    expect(schema.parse({ form: 'individual', participantIds: [girl.id] })).toEqual({
      form: 'individual',
      participantIds: [mother.id],
    });
    expect(participantsValues(talk).participantIds).toEqual([mother.id, brother.id, girl.id]);
    expect(schema.safeParse({ form: 'group', participantIds: [] }).success).toBe(false);
  });
});
