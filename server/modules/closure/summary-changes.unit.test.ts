import { describe, expect, it } from 'vitest';
import webDa from '../../../web/src/modules/cases/locales/da.json' with { type: 'json' };
import { changeWords } from './summary-changes.ts';

/** Every field the web's chronology names: the document names each of them too. */
const FIELDS = [...Object.keys(webDa.cases.chronology.fields), 'renewalsCancelled'];

describe('a chronology change in words', () => {
  const da = changeWords('da');
  const en = changeWords('en');
  const line = (kind: string, field: string, from: string | null, to: string | null) =>
    da(kind, { [field]: { from, to } }, 'Indsats')[0];

  it('names every recorded field in both languages, never by its key', () => {
    expect(FIELDS.length).toBeGreaterThan(40);
    for (const field of FIELDS) {
      const [danish] = da('note', { [field]: { from: null, to: 'x' } }, '');
      const [english] = en('note', { [field]: { from: null, to: 'x' } }, '');
      expect(danish, field).not.toMatch(new RegExp(`^${field}:`));
      expect(english, field).not.toMatch(new RegExp(`^${field}:`));
      expect(danish, field).not.toMatch(/^Anden oplysning/);
      expect(english, field).not.toMatch(/^Other detail/);
    }
  });

  it('reads a status by what the event is about', () => {
    expect(line('intervention_changed', 'status', 'planned', 'active')).toBe(
      'Status: Planlagt → I gang',
    );
    expect(line('offer_answered', 'status', 'open', 'accepted')).toBe(
      'Status: Afventer svar → Takket ja',
    );
    expect(line('status_changed', 'status', 'active', 'on_hold')).toBe(
      'Status: Aktiv → Sat i bero',
    );
    expect(line('follow_up_recorded', 'concernLevel', null, 'low')).toBe(
      'Bekymringsniveau: – → Lav bekymring',
    );
  });

  it('writes dates out, keeps free text, and hides an unknown field or code', () => {
    expect(line('follow_up_scheduled', 'dueOn', null, '2026-12-05')).toBe(
      'Opfølgning planlagt til: – → 5. december 2026',
    );
    expect(line('intervention_changed', 'endReason', null, 'Flyttet til Ærø')).toBe(
      'Begrundelse for afslutning: – → Flyttet til Ærø',
    );
    expect(line('note', 'someNewField', null, 'Tekst')).toBe('Anden oplysning: – → Tekst');
    expect(line('intervention_changed', 'status', null, 'some_new_status')).toBe('Status: – → –');
    expect(line('intervention_added', 'intervention', null, null)).toBe('Indsats: – → Indsats');
  });

  it('states a fact by its value alone, as the web does', () => {
    expect(line('opened', 'inquiry', null, 'H-2026-0007')).toBe('Fra henvendelse: H-2026-0007');
    expect(line('status_changed', 'resumeReason', null, 'Hjemme igen')).toMatch(/: Hjemme igen$/);
  });
});
