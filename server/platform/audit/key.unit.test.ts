import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAuditKey, loadAuditKey } from './key.ts';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'tovholder-audit-key-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const bytes = Buffer.alloc(32, 0xab);

describe('the audit HMAC key', () => {
  it('reads base64 and hex of at least 32 bytes, and nothing shorter', () => {
    expect(decodeAuditKey(bytes.toString('base64'))).toEqual(bytes);
    expect(decodeAuditKey(bytes.toString('base64').replace(/=+$/, ''))).toEqual(bytes);
    expect(decodeAuditKey(bytes.toString('hex'))).toEqual(bytes);
    expect(decodeAuditKey(` ${bytes.toString('hex')}\n`)).toEqual(bytes);
    expect(decodeAuditKey(Buffer.alloc(31, 1).toString('base64'))).toBeUndefined();
    expect(decodeAuditKey(Buffer.alloc(31, 1).toString('hex'))).toBeUndefined();
    expect(decodeAuditKey('not a key at all, not base64 either: !!!!!!!!!!!!!!!')).toBeUndefined();
  });

  it('prefers the key text, then the key file', () => {
    const dir = tempDir();
    const file = join(dir, 'k');
    writeFileSync(file, Buffer.alloc(32, 1).toString('base64') + '\n');
    const common = { dataDir: dir, production: true };
    expect(loadAuditKey({ ...common, key: bytes.toString('hex') })).toEqual(bytes);
    expect(loadAuditKey({ ...common, keyFile: file })).toEqual(Buffer.alloc(32, 1));
    expect(() => loadAuditKey({ ...common, keyFile: join(dir, 'missing') })).toThrow(
      /key file .* does not exist/,
    );
    expect(() => loadAuditKey({ ...common, key: 'short' })).toThrow(/TOVHOLDER_AUDIT_KEY: must be/);
  });

  it('is required in production, naming TOVHOLDER_AUDIT_KEY', () => {
    expect(() => loadAuditKey({ dataDir: tempDir(), production: true })).toThrow(
      /TOVHOLDER_AUDIT_KEY/,
    );
  });

  it('outside production is created once in the data dir, readable by the owner only', () => {
    const dir = join(tempDir(), 'data');
    const first = loadAuditKey({ dataDir: dir, production: false });
    expect(first).toHaveLength(32);
    const path = join(dir, 'audit.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ dataDir: dir, production: false })).toEqual(first);
    expect(decodeAuditKey(readFileSync(path, 'utf8'))).toEqual(first);
  });

  it('is not created when the caller only verifies (create: false)', () => {
    const dir = tempDir();
    expect(() => loadAuditKey({ dataDir: dir, production: false, create: false })).toThrow(
      /does not exist/,
    );
  });
});
