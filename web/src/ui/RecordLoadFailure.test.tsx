import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiError as ApiErrorClass } from '../app/api';
import type { RecordLoadFailure as Failure } from './RecordLoadFailure';

/** A record page's failed load rendered to markup: 404 is the not-found page, else an alert. */

let RecordLoadFailure: typeof Failure;
let ApiError: typeof ApiErrorClass;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../app/i18n');
  ({ RecordLoadFailure } = await import('./RecordLoadFailure'));
  ({ ApiError } = await import('../app/api'));
});

function render(error: unknown): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <RecordLoadFailure
        error={error}
        title="Henvendelse"
        loadError="Henvendelsen kunne ikke hentes"
        onRetry={() => undefined}
      />
    </MemoryRouter>,
  );
}

const failure = (status: number, code: string) =>
  new ApiError(status, { error: { code, message: 'Serverens tekst', requestId: 'r1' } });

describe('RecordLoadFailure', () => {
  it('answers a record the user may not see (404) with the ordinary not-found page', () => {
    const html = render(failure(404, 'not_found'));
    expect(html).not.toContain('Henvendelsen kunne ikke hentes');
    expect(html).toContain(`<h1 tabindex="-1">Siden findes ikke</h1>`);
  });

  it('shows the page heading and the error with a retry for any other failure', () => {
    const html = render(failure(500, 'internal'));
    expect(html).toContain('<h1 tabindex="-1">Henvendelse</h1>');
    expect(html).toContain('Henvendelsen kunne ikke hentes');
    expect(html).toContain('role="alert"');
  });
});
