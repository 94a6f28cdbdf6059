import { beforeAll, describe, expect, it } from 'vitest';
import type * as Values from './typeValues';
import { testMentorType } from './testType';

// The icon sprite is an asset of the browser build.

/** A catalogue offer's form values ↔ the create and update request bodies, and their check. */

let v: typeof Values;

beforeAll(async () => {
  // The app's i18n module sets <html lang>; a stand-in document is enough here.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  v = await import('./typeValues');
});

const mentor = testMentorType({ legalBasis: 'Serviceloven § 12 b' });

describe('catalogue offer values', () => {
  it('holds a new offer empty and active, and a stored one as it is', () => {
    expect(v.typeValues(null)).toMatchObject({ code: '', level: '', responsibleUnitId: '' });
    expect(v.typeValues(null).active).toBe(true);
    expect(v.typeValues(mentor)).toMatchObject({
      code: 'mentor',
      description: '',
      legalBasis: 'Serviceloven § 12 b',
      consentRequired: true,
    });
  });

  it('sends blank texts and no unit as null; a change carries the version, never the code', () => {
    const values = { ...v.typeValues(mentor), description: '  ', active: false };
    expect(v.updateBody(values, mentor)).toEqual({
      version: 3,
      name: 'Mentor',
      description: null,
      level: 'anticipating',
      ageGroup: 'all',
      legalBasis: 'Serviceloven § 12 b',
      consentRequired: true,
      tailored: false,
      revealsConcern: false,
      responsibleUnitId: null,
      active: false,
    });
    const created = v.createBody({ ...v.typeValues(null), code: 'coach', name: 'Coach' });
    expect(created).toMatchObject({ code: 'coach', description: null, legalBasis: null });
    expect(created).not.toHaveProperty('active');
  });

  it("checks a new offer with the server's schema, at the form's fields", async () => {
    const values = { ...v.typeValues(null), code: 'Ikke gyldig', name: 'Coach' };
    const parsed = await v.typeSchema(null).safeParseAsync(values);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'code',
      'level',
      'ageGroup',
    ]);
    const valid = { ...values, code: 'coach', level: 'building', ageGroup: 'adult' } as const;
    expect((await v.typeSchema(null).safeParseAsync(valid)).success).toBe(true);
  });
});
