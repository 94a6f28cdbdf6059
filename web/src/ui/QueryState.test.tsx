import type { UseQueryResult } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Module from './QueryState';

/** A query's place on the page: the spinner, the error with a retry, or what the data draws. */

let QueryState: typeof Module.QueryState;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../app/i18n');
  ({ QueryState } = await import('./QueryState'));
});

function query(state: Partial<UseQueryResult<string[]>>): UseQueryResult<string[]> {
  return { refetch: () => Promise.resolve(), ...state } as UseQueryResult<string[]>;
}

function render(state: Partial<UseQueryResult<string[]>>) {
  return renderToStaticMarkup(
    <QueryState query={query(state)} loading="Henter enheder …" loadError="Kunne ikke hente">
      {(units) => (
        <ul>
          {units.map((unit) => (
            <li key={unit}>{unit}</li>
          ))}
        </ul>
      )}
    </QueryState>,
  );
}

describe('QueryState', () => {
  it('says what is loading while the query is pending', () => {
    const html = render({ isPending: true, isError: false });
    expect(html).toContain('<div class="spinner-status" role="status">Henter enheder …</div>');
    expect(html).not.toContain('<ul>');
  });

  it('shows the load error with a way to try again', () => {
    const html = render({ isPending: false, isError: true, error: new Error('x') });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Kunne ikke hente');
    expect(html).toContain('<button type="button" class="button button-secondary mt-4">');
  });

  it('draws the data once it is there', () => {
    const html = render({ isPending: false, isError: false, data: ['SSP', 'PSP'] });
    expect(html).toBe('<ul><li>SSP</li><li>PSP</li></ul>');
  });
});
