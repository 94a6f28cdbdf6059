import i18n from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Api from './api';

/** The real i18n (no DOM here: a stand-in for `<html lang>`), so the language switch is real. */
let ApiError: typeof Api.ApiError;
let apiSend: typeof Api.apiSend;
let setCsrfToken: typeof Api.setCsrfToken;
let withQuery: typeof Api.withQuery;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  ({ ApiError, apiSend, setCsrfToken, withQuery } = await import('./api'));
});

async function switchTo(language: 'da' | 'en') {
  await i18n.changeLanguage(language);
}

interface Sent {
  method: string | undefined;
  headers: Record<string, string>;
  body: BodyInit | null | undefined;
}

let sent: Sent[];

function answer(status: number, body?: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      sent.push({
        method: init.method,
        headers: init.headers as Record<string, string>,
        body: init.body,
      });
      return new Response(body === undefined ? null : JSON.stringify(body), { status });
    }),
  );
}

beforeEach(async () => {
  await switchTo('da');
  sent = [];
  setCsrfToken(null);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  // Later files of this worker share the i18n instance: leave it in Danish, as a page starts.
  await switchTo('da');
});

describe('apiSend', () => {
  it('sends the body as JSON with the CSRF token and the language', async () => {
    setCsrfToken('token-1');
    answer(200, { ok: true });
    await expect(apiSend('POST', '/api/x', { code: '123456' })).resolves.toEqual({ ok: true });
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.body).toBe('{"code":"123456"}');
    expect(sent[0]?.headers).toMatchObject({
      'Content-Type': 'application/json',
      'x-csrf-token': 'token-1',
      'Accept-Language': 'da',
    });
  });

  it('sends no body and no content type when there is nothing to send', async () => {
    answer(204);
    await expect(apiSend('POST', '/api/auth/logout')).resolves.toBeUndefined();
    expect(sent[0]?.body).toBeUndefined();
    expect(sent[0]?.headers).not.toHaveProperty('Content-Type');
    expect(sent[0]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('uses the new CSRF token an auth response hands out on the next request', async () => {
    setCsrfToken('old');
    answer(200, { next: 'totp', csrfToken: 'new' });
    await apiSend('POST', '/api/auth/login', { username: 'a', password: 'b' });
    await apiSend('POST', '/api/auth/totp', { code: '123456' });
    expect(sent.map((s) => s.headers['x-csrf-token'])).toEqual(['old', 'new']);
  });

  it("fails with the server's code, message and field problems", async () => {
    answer(400, {
      error: {
        code: 'validation_failed',
        message: 'Ret de markerede felter.',
        requestId: 'r1',
        fields: [{ field: 'body.username', code: 'required', message: 'Feltet skal udfyldes.' }],
      },
    });
    const error = await apiSend('POST', '/api/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      serverMessage: 'Ret de markerede felter.',
      fields: [{ field: 'body.username', message: 'Feltet skal udfyldes.' }],
    });
  });

  it('fails with status 0 when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiSend('POST', '/api/x')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });
});

describe('server messages after a language switch', () => {
  const locked = {
    error: {
      code: 'login_locked',
      message:
        'For mange mislykkede forsøg. Prøv igen om 15 minutter, eller kontakt din administrator.',
      requestId: 'r2',
      fields: [
        { field: 'body.name', code: 'too_big_string', message: 'Må højst være 20 tegn.' },
        { field: 'body.kind', code: 'made_up_code', message: 'Noget andet.' },
      ],
    },
  };

  it('asks in the language chosen now, and keeps the text while it is the same language', async () => {
    await switchTo('en');
    answer(429, locked);
    const error = await apiSend('POST', '/api/auth/login', {}).catch((e: unknown) => e);
    expect(sent[0]?.headers['Accept-Language']).toBe('en');
    expect(error).toMatchObject({ language: 'en', serverMessage: locked.error.message });
  });

  it('says a Danish answer in English after switching, with its values', async () => {
    answer(429, locked);
    const error = (await apiSend('POST', '/api/auth/login', {}).catch(
      (e: unknown) => e,
    )) as Api.ApiError;
    expect(error.serverMessage).toBe(locked.error.message);
    await switchTo('en');
    expect(error.serverMessage).toBe(
      'Too many failed attempts. Try again in 15 minutes, or contact your administrator.',
    );
    expect(error.fields.map((f) => f.message)).toEqual([
      'Must be at most 20 characters.',
      // A code the catalogue does not know keeps the server's text.
      'Noget andet.',
    ]);
    await switchTo('da');
    expect(error.fields[0]?.message).toBe('Må højst være 20 tegn.');
  });
});

describe('withQuery', () => {
  it('asks only for the filters that are set, and for none with the bare path', () => {
    expect(withQuery('/api/tasks', { kind: 'goal', after: null, q: '', unit: undefined })).toBe(
      '/api/tasks?kind=goal',
    );
    expect(withQuery('/api/cases', { status: null })).toBe('/api/cases');
    expect(withQuery('/api/x', { q: 'a b&c' })).toBe('/api/x?q=a+b%26c');
  });
});
