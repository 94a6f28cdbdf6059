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
});
