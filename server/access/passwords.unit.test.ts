import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('password rules', () => {
  it.each([
    ['kort-kode1', undefined, 'too_short'],
    ['x'.repeat(257), undefined, 'too_long'],
    ['123qweasdzxc', undefined, 'common'],
    ['QWERTY123456', undefined, 'common'],
    ['anne.jensen-sommer-2026', 'anne.jensen', 'contains_username'],
    ['korrekt-hest-batteri-hæfteklamme', 'anne.jensen', undefined],
  ])('%s → %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it('counts characters, not bytes (æøå count once)', () => {
    expect(passwordProblem('æøåæøåæøåæø')).toBe('too_short');
    expect(passwordProblem('æøåæøåæøåæøå-')).toBeUndefined();
  });

  it('hashes with Argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('korrekt-hest-batteri-hæfteklamme');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'korrekt-hest-batteri-hæfteklamme')).toBe(true);
    expect(await verifyPassword(stored, 'korrekt-hest-batteri-hæfteklammE')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
