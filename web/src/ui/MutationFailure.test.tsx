import { isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Api from '../app/api';
import type * as Failure from './MutationFailure';

/** A failed change answered in one place: the stale notice, the error alert, or nothing. */

let ApiError: typeof Api.ApiError;
let MutationFailure: typeof Failure.MutationFailure;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../app/i18n');
  ({ ApiError } = await import('../app/api'));
  ({ MutationFailure } = await import('./MutationFailure'));
});

const stale = () =>
  new ApiError(409, {
    error: { code: 'conflict', message: 'Ændret af en anden.', requestId: 'r' },
  });
const change = (error: unknown) => ({ error, reset: vi.fn() });

describe('MutationFailure', () => {
  it('shows nothing while no change failed, and no alert where the form shows the failure', () => {
    const html = (element: ReactElement) => renderToStaticMarkup(element);
    expect(html(<MutationFailure mutations={change(null)} onReload={() => {}} />)).toBe('');
    const failed = change(new ApiError(500, undefined));
    expect(html(<MutationFailure mutations={failed} onReload={() => {}} />)).toBe('');
    expect(
      html(
        <MutationFailure mutations={failed} errorTitle="Kunne ikke gemmes" onReload={() => {}} />,
      ),
    ).toContain('Kunne ikke gemmes');
  });

  it('offers the latest version when one change was stale, clearing every failure', () => {
    const approve = change(null);
    const reject = change(stale());
    const onReload = vi.fn();
    const element = MutationFailure({ mutations: [approve, reject], text: 'Ændret', onReload });
    expect(isValidElement(element)).toBe(true);
    expect(renderToStaticMarkup(element as ReactElement)).toContain('Ændret');
    (element as ReactElement<{ onReload: () => void }>).props.onReload();
    expect(onReload).toHaveBeenCalledOnce();
    expect(approve.reset).toHaveBeenCalled();
    expect(reject.reset).toHaveBeenCalled();
  });

  it('keeps the notice until the latest version has arrived when the reload is a promise', async () => {
    const failed = change(stale());
    let arrive = () => {};
    const latest = new Promise<void>((resolve) => (arrive = resolve));
    const element = MutationFailure({ mutations: failed, onReload: () => latest });
    (element as ReactElement<{ onReload: () => void }>).props.onReload();
    await Promise.resolve();
    expect(failed.reset).not.toHaveBeenCalled();
    arrive();
    await latest;
    await Promise.resolve();
    expect(failed.reset).toHaveBeenCalledOnce();
  });
});
