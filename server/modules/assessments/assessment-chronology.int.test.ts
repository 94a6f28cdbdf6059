import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import {
  caller,
  JUDGEMENT,
  RISK_FACTOR,
  RISK_TEXT,
  theCase,
  url,
  useAssessmentsFixtures,
  type Assessment,
} from './assessments.fixtures.ts';

/**
 * An assessment edit in the chronology, field by field in words (issue 12): each kind of field —
 * a dimension's lens, a list of factors, a text, the concern level, the follow-up interval — is
 * described old → new with the labels of the assessment page, texts as "udfyldt / ændret /
 * slettet" without their content; the compartment's fields only in an event compartmented like
 * the source. The same in the case summary PDF, with no raw keys.
 */
useAssessmentsFixtures();

type Event = {
  kind: string;
  compartment: boolean;
  changes: Record<string, { from: unknown; to: unknown }>;
};
const chronology = async (who: 'coordinator' | 'member') =>
  (
    (
      await caller(who).get(`/api/cases/${theCase.id}/chronology?kind=assessment_updated`)
    ).json() as { items: Event[] }
  ).items;

const RAW_KEYS =
  /wellbeing|\.risk|riskFactors|protectiveFactors|followUpIntervalDays|concernLevel|citizenPerspective|overallJudgement|assessmentChanges|caseSummary|moderate\b/;

describe(`the assessment's chronology in words (${testEngine})`, () => {
  it('records each kind of field changed, in words, with the compartment in its own event; the summary PDF says the same', async () => {
    const started = await caller('coordinator').post(url(), {});
    const draft = (started.json() as { assessment: Assessment }).assessment;
    const first = await caller('coordinator').put(url(`/${draft.id}`), {
      version: draft.version,
      dimensions: { family: { risk: null, wellbeing: 'Tæt på sin lillesøster.' } },
      protectiveFactors: ['Fast fritidsjob'],
      resources: 'God til matematik.',
      sources: 'Skolens underretning.',
      followUpIntervalDays: 30,
    });
    expect(first.statusCode, first.body).toBe(200);
    const saved = (first.json() as { assessment: Assessment }).assessment;
    const second = await caller('coordinator').put(url(`/${draft.id}`), {
      version: saved.version,
      dimensions: {
        family: { risk: null, wellbeing: 'Tæt på sin lillesøster og sin mor.' },
        violence: { risk: RISK_TEXT, wellbeing: null },
      },
      riskFactors: [RISK_FACTOR],
      protectiveFactors: ['Fast fritidsjob', 'Glad for sin mentor'],
      resources: 'God til matematik.',
      citizenPerspective: 'Føler sig misforstået.',
      sources: null,
      overallJudgement: JUDGEMENT,
      concernLevel: 'moderate',
      followUpIntervalDays: 7,
    });
    expect(second.statusCode, second.body).toBe(200);

    const all = await chronology('coordinator');
    const [latestCompartment, latest] = all;
    expect(latestCompartment).toMatchObject({ compartment: true });
    expect(latestCompartment?.changes).toEqual({
      'violence.risk': { from: null, to: 'text' },
      riskFactors: { from: 0, to: 1 },
      overallJudgement: { from: null, to: 'text' },
    });
    expect(latest).toMatchObject({ compartment: false });
    expect(latest?.changes).toEqual({
      'family.wellbeing': { from: 'text', to: 'text' },
      protectiveFactors: { from: 1, to: 2 },
      citizenPerspective: { from: null, to: 'text' },
      sources: { from: 'text', to: null },
      concernLevel: { from: null, to: 'moderate' },
      followUpIntervalDays: { from: 30, to: 7 },
    });
    // No text of the assessment is in the chronology.
    const stored = JSON.stringify(all);
    for (const text of [RISK_TEXT, JUDGEMENT, RISK_FACTOR, 'lillesøster', 'matematik']) {
      expect(stored).not.toContain(text);
    }

    // A member without the compartment sees the ordinary events only.
    const member = await chronology('member');
    expect(member.every((e) => !e.compartment)).toBe(true);
    expect(JSON.stringify(member)).not.toMatch(/violence\.risk|riskFactors|overallJudgement/);
    expect(member).toHaveLength(2);

    const pdf = await caller('coordinator').get(`/api/cases/${theCase.id}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    for (const line of [
      'Familie – Trivsel og modstandskraft: udfyldt',
      'Familie – Trivsel og modstandskraft: ændret',
      'Beskyttende faktorer: ingen punkter → 1 punkt',
      'Beskyttende faktorer: 1 punkt → 2 punkter',
      'Borgerens ressourcer: udfyldt',
      'Borgerens eget perspektiv: udfyldt',
      'Informationskilder: slettet',
      'Bekymringsniveau: Ikke vurderet → Moderat bekymring',
      'Hvor ofte der skal følges op: Ikke valgt → Hver måned (30 dage)',
      'Hvor ofte der skal følges op: Hver måned (30 dage) → Hver uge',
      'Voldsparathed – Risiko og trussel: udfyldt',
      'Risikofaktorer: ingen punkter → 1 punkt',
      'Samlet faglig vurdering: udfyldt',
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).not.toMatch(RAW_KEYS);
    for (const secret of [RISK_TEXT, JUDGEMENT, RISK_FACTOR, 'lillesøster']) {
      expect(text).not.toContain(secret);
    }

    // The member's summary: the ordinary fields in words, nothing of the compartment's.
    const memberPdf = await caller('member').get(`/api/cases/${theCase.id}/summary.pdf`);
    expect(memberPdf.statusCode).toBe(200);
    const memberText = await pdfText(memberPdf.rawPayload);
    expect(memberText).toContain('Informationskilder: slettet');
    expect(memberText).not.toContain('Risiko og trussel');
    expect(memberText).not.toContain('Risikofaktorer');
    expect(memberText).not.toContain('Samlet faglig vurdering');
    expect(memberText).not.toMatch(RAW_KEYS);

    // In English too, without raw keys.
    const english = await caller('coordinator').get(`/api/cases/${theCase.id}/summary.pdf`, {
      'accept-language': 'en',
    });
    const englishText = await pdfText(english.rawPayload);
    expect(englishText).toContain('Protective factors: 1 point → 2 points');
    expect(englishText).toContain('Sources of information: deleted');
    expect(englishText).not.toMatch(RAW_KEYS);
  });
});
