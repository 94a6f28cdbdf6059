import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n/index.ts';
import { assessmentChangeWords } from '../closure/assessment-change-words.ts';
import { ASSESSMENT_CHANGE_FIELDS, assessmentChanges } from './changes.ts';
import { emptyContent } from './content.ts';

/**
 * The one field list of an assessment's chronology: every field has its words in both languages
 * on the server (the PDF) and on the web (the chronology), and an edit is described without its
 * texts, the compartment's fields apart.
 */
const webCatalogue = (lang: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../../../web/src/modules/assessments/locales/${lang}.json`, import.meta.url),
      'utf8',
    ),
  ) as { assessments: Record<string, Record<string, string>> };

describe('the assessment change fields', () => {
  it('have a label in Danish and English on the server and on the web', () => {
    for (const lang of ['da', 'en'] as const) {
      const web = webCatalogue(lang).assessments;
      const lines = assessmentChangeWords(lang)(
        Object.fromEntries(ASSESSMENT_CHANGE_FIELDS.map((f) => [f.key, { from: null, to: null }])),
      );
      expect(lines).toHaveLength(ASSESSMENT_CHANGE_FIELDS.length);
      for (const line of lines) expect(line, lang).not.toMatch(/caseSummary|assessmentChanges/);
      for (const f of ASSESSMENT_CHANGE_FIELDS) {
        if (f.dimension && f.lens) {
          expect(web.dimensions?.[f.dimension], f.key).toBeTruthy();
          expect(web.lenses?.[f.lens], f.key).toBeTruthy();
        } else if (f.key !== 'concernLevel') {
          expect(web.fields?.[f.key], f.key).toBeTruthy();
        }
        expect(translate(lang, 'caseSummary.fields.other')).not.toContain('caseSummary');
      }
    }
  });

  it('describes an edit without its texts, the compartment apart', () => {
    const before = emptyContent();
    const after = {
      ...before,
      dimensions: { ...before.dimensions, violence: { risk: 'Hemmelig', wellbeing: 'Boksning' } },
      riskFactors: ['Miljøet'],
      resources: 'Matematik',
    };
    const { ordinary, compartment } = assessmentChanges(before, after);
    expect(ordinary).toEqual({
      'violence.wellbeing': { from: null, to: 'text' },
      resources: { from: null, to: 'text' },
    });
    expect(compartment).toEqual({
      'violence.risk': { from: null, to: 'text' },
      riskFactors: { from: 0, to: 1 },
    });
    expect(JSON.stringify({ ordinary, compartment })).not.toMatch(
      /Hemmelig|Boksning|Miljøet|Matematik/,
    );
  });
});
