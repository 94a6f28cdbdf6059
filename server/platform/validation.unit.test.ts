import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RequestValidationError } from './validation.ts';
import { isStorableText, validatorCompiler } from './validation.ts';

const validate = (schema: z.ZodType, data: unknown) =>
  validatorCompiler({ schema, method: 'POST', url: '/x', httpPart: 'body' })(data) as {
    value?: unknown;
    error?: RequestValidationError;
  };

describe('text that cannot be stored', () => {
  it('tells a lone surrogate or a NUL from well-formed text (emoji included)', () => {
    expect(isStorableText('Mentorhuset \ud83d\ude00')).toBe(true);
    expect(isStorableText('æøå – “citat”')).toBe(true);
    for (const bad of ['A\ud800', '\ud800A', 'A\udc00', '\ude00\ud83d', 'Ha\u0000ns']) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('names the nested field (or key) holding it, in every request part', () => {
    const schema = z.object({
      list: z.array(z.object({ text: z.string() })),
      free: z.record(z.string(), z.string()),
    });
    const nested = validate(schema, { list: [{ text: 'ok' }, { text: 'A\ud800' }], free: {} });
    expect(nested.error?.validation).toEqual([
      expect.objectContaining({ keyword: 'invalid_characters', instancePath: '/list/1/text' }),
    ]);
    const key = validate(schema, { list: [], free: { 'k\udfff': 'v' } });
    expect(key.error?.validation[0]?.instancePath).toBe('/free/key');
    expect(validate(schema, { list: [{ text: '\ud83d\ude00' }], free: {} }).value).toBeTruthy();
  });
});
