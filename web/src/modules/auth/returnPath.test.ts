import { describe, expect, it } from 'vitest';
import { loginState, returnPath } from './returnPath';

describe('the page to return to after login', () => {
  it('is the page the user wanted, with its query and fragment', () => {
    expect(returnPath(loginState('/sager', '?side=2', '#noter'))).toBe('/sager?side=2#noter');
  });

  it('is the front page when the login page was opened directly', () => {
    expect(returnPath(null)).toBe('/');
    expect(returnPath(undefined)).toBe('/');
    expect(returnPath({})).toBe('/');
  });

  it('never leaves the app or loops back to the login page', () => {
    for (const from of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'sager']) {
      expect(returnPath({ from })).toBe('/');
    }
    expect(returnPath({ from: '/login' })).toBe('/');
    expect(returnPath({ from: 42 })).toBe('/');
  });
});
