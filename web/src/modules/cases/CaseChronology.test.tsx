import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { EventItem as Item } from './CaseChronology';
import type { CaseEvent } from './casesApi';

/** One chronology event in words, as the case's "Forløb" shows it. */

let EventItem: typeof Item;

beforeAll(async () => {
  ({ EventItem } = await importWithI18n(() => import('./CaseChronology')));
});

const event = (overrides: Partial<CaseEvent>): CaseEvent => ({
  id: '1',
  kind: 'note',
  occurredAt: '2026-03-02T09:15:00.000Z',
  happenedOn: null,
  backdateReason: null,
  author: { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' },
  changes: {},
  concernChanges: null,
  noteText: null,
  compartment: false,
  compartmentText: null,
  ...overrides,
});

describe('a chronology event', () => {
  it('says the case was opened, by whom and from which inquiry, without a from-to arrow', () => {
    const html = renderToStaticMarkup(
      <EventItem
        item={event({ kind: 'opened', changes: { inquiry: { from: null, to: 'H-2026-0007' } } })}
      />,
    );
    expect(html).toContain('Sagen oprettet');
    expect(html).toContain('Tove Tovholder');
    expect(html).toMatch(/<dt>Fra henvendelse<\/dt><dd>H-2026-0007<\/dd>/);
    expect(html).not.toContain('→');
  });

  it('tells an assessment edit field by field in words, under the assessment page’s labels, with no raw keys', () => {
    const html = renderToStaticMarkup(
      <EventItem
        item={event({
          kind: 'assessment_updated',
          changes: {
            'family.wellbeing': { from: 'text', to: 'text' },
            protectiveFactors: { from: 1, to: 2 },
            sources: { from: 'text', to: null },
            resources: { from: null, to: 'text' },
            concernLevel: { from: null, to: 'moderate' },
            followUpIntervalDays: { from: 30, to: 7 },
          },
        })}
      />,
    );
    expect(html).toContain('Udredning redigeret');
    expect(html).toContain('<dt>Familie – Trivsel og modstandskraft</dt><dd>ændret</dd>');
    expect(html).toContain('<dt>Beskyttende faktorer</dt><dd>1 punkt → 2 punkter</dd>');
    expect(html).toContain('<dt>Informationskilder</dt><dd>slettet</dd>');
    expect(html).toContain('<dt>Borgerens ressourcer</dt><dd>udfyldt</dd>');
    expect(html).toContain('<dt>Bekymringsniveau</dt><dd>Ikke vurderet → Moderat bekymring</dd>');
    expect(html).toContain(
      '<dt>Hvor ofte der skal følges op</dt><dd>Hver måned (30 dage) → Hver uge</dd>',
    );
    expect(html).not.toMatch(
      /wellbeing|protectiveFactors|followUpIntervalDays|concernLevel|moderate/,
    );
  });

  it('shows a corrected journal number old → new and the reason as a fact', () => {
    const html = renderToStaticMarkup(
      <EventItem
        item={event({
          kind: 'filing_corrected',
          changes: {
            document: { from: null, to: 'plan' },
            journalNumber: { from: 'SAG 1', to: 'SAG 2' },
            correctionReason: { from: null, to: 'Tastefejl' },
          },
        })}
      />,
    );
    expect(html).toContain('Journalisering rettet');
    expect(html).toContain('<dt>Journalnummer</dt><dd>SAG 1 → SAG 2</dd>');
    expect(html).toContain('<dt>Begrundelse for rettelse</dt><dd>Tastefejl</dd>');
  });
});
