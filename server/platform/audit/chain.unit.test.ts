import { describe, expect, it } from 'vitest';
import {
  canonicalEntry,
  canonicalJson,
  computeHash,
  GENESIS_HASH,
  type ChainEntry,
} from './chain.ts';

const key = Buffer.alloc(32, 7);
const entry: ChainEntry = {
  chainKey: '101',
  seq: 3,
  occurredAt: new Date('2026-03-01T12:34:56.789+01:00'),
  actorUserId: '00000000-0000-4000-8000-000000000001',
  actorRole: 'coordinator',
  actorUnitId: null,
  municipalityCode: '101',
  action: 'read',
  resourceType: 'person',
  resourceId: 'p-1',
  subjectPersonId: '00000000-0000-4000-8000-000000000002',
  purpose: 'case_work',
  legalBasis: 'serviceloven_11',
  requestId: 'req-1',
  breakGlass: false,
  details: { b: 1, a: 'x', c: null, d: true },
};

describe('audit chain hashing', () => {
  it('serialises an entry the same way whatever the key order of its details', () => {
    const reordered = { ...entry, details: { d: true, c: null, a: 'x', b: 1 } };
    expect(canonicalEntry(reordered)).toBe(canonicalEntry(entry));
    expect(computeHash(key, GENESIS_HASH, reordered)).toBe(computeHash(key, GENESIS_HASH, entry));
  });

  it('writes the time in UTC with milliseconds, and nested keys sorted', () => {
    expect(canonicalEntry(entry)).toContain('"2026-03-01T11:34:56.789Z"');
    expect(canonicalJson({ z: { y: 1, x: [2, { b: 0, a: 0 }] }, a: undefined })).toBe(
      '{"z":{"x":[2,{"a":0,"b":0}],"y":1}}',
    );
  });

  it('tells null from the text "null" and from a missing field', () => {
    const nullPurpose = canonicalEntry({ ...entry, purpose: null });
    const textPurpose = canonicalEntry({ ...entry, purpose: 'null' });
    expect(nullPurpose).not.toBe(textPurpose);
    // Moving a value to the neighbouring field must change the text too (fixed positions).
    expect(canonicalEntry({ ...entry, purpose: null, legalBasis: 'case_work' })).not.toBe(
      canonicalEntry({ ...entry, purpose: 'case_work', legalBasis: null }),
    );
  });

  it('gives a different hash for a different previous hash, entry or key', () => {
    const base = computeHash(key, GENESIS_HASH, entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(computeHash(key, GENESIS_HASH, entry)).toBe(base);
    expect(computeHash(key, 'a'.repeat(64), entry)).not.toBe(base);
    expect(computeHash(key, GENESIS_HASH, { ...entry, seq: 4 })).not.toBe(base);
    expect(
      computeHash(key, GENESIS_HASH, { ...entry, details: { ...(entry.details as object), b: 2 } }),
    ).not.toBe(base);
    expect(computeHash(Buffer.alloc(32, 8), GENESIS_HASH, entry)).not.toBe(base);
  });
});
