import { describe, expect, it } from 'vitest';
import { failedRun, riskCheckComplete, riskCheckOf, storedRiskCheck } from './presenters.ts';

describe('the contact bar and the risk check', () => {
  it('counts the tries in a row, up to the latest, that did not reach the citizen', () => {
    expect(failedRun([])).toBe(0);
    expect(failedRun(['refused', 'no_answer', 'refused'])).toBe(3);
    expect(failedRun(['refused', 'contact_made', 'no_answer'])).toBe(1);
    expect(failedRun(['refused', 'refused', 'agreed_to_meet'])).toBe(0);
  });

  it('keeps the checklist in its order with unanswered items as null, never a score', () => {
    const stored = storedRiskCheck([
      { item: 'weapons', answer: 'no', note: '  ' },
      { item: 'exit', answer: null, note: 'Døren mod gården' },
    ]);
    expect(JSON.parse(stored)).toEqual({
      weapons: { answer: 'no', note: null },
      exit: { answer: null, note: 'Døren mod gården' },
    });
    const check = riskCheckOf(JSON.parse(stored));
    expect(check.map((r) => r.item)).toEqual([
      'known_violence',
      'weapons',
      'others_present',
      'place',
      'exit',
      'someone_knows',
    ]);
    expect(check.find((r) => r.item === 'exit')).toEqual({
      item: 'exit',
      answer: null,
      note: 'Døren mod gården',
    });
    expect(riskCheckComplete(JSON.parse(stored))).toBe(false);
    expect(riskCheckOf({ weapons: { answer: 'maybe' } })[1]?.answer).toBeNull();
  });
});
