import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../app/api';
import type * as Alert from './ErrorAlert';

/** The one error alert: the server's translated reason, or what it means in the page's words. */

let ApiError: typeof Api.ApiError;
let ErrorAlert: typeof Alert.ErrorAlert;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../app/i18n');
  ({ ApiError } = await import('../app/api'));
  ({ ErrorAlert } = await import('./ErrorAlert'));
});

const refused = () =>
  new ApiError(422, {
    error: { code: 'validation_failed', message: 'Oplysningerne er ikke gyldige.', requestId: 'r' },
  });

describe('ErrorAlert', () => {
  it("says the server's reason under the title, in dkfds alert markup", () => {
    const html = renderToStaticMarkup(<ErrorAlert title="Ikke sammenlagt" error={refused()} />);
    expect(html).toContain('class="alert alert-error" role="alert"');
    expect(html).toContain('<h3 class="alert-heading">Ikke sammenlagt</h3>');
    expect(html).toContain('Oplysningerne er ikke gyldige.');
  });

  it("says the page's own words instead, when it has them", () => {
    const html = renderToStaticMarkup(
      <ErrorAlert title="Ikke sammenlagt" error={refused()} text="CPR-numrene er forskellige." />,
    );
    expect(html).toContain('CPR-numrene er forskellige.');
    expect(html).not.toContain('Oplysningerne er ikke gyldige.');
  });
});
