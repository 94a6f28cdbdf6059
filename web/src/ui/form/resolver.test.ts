import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type I18n from '../../app/i18n';
import type * as Messages from './messages';
import type * as Resolver from './resolver';

let i18n: typeof I18n;
let saidIssue: typeof Messages.saidIssue;
let zodFormResolver: typeof Resolver.zodFormResolver;

beforeAll(async () => {
  // i18n reads the page's language; a bare node test has no page.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  i18n = (await import('../../app/i18n')).default;
  ({ saidIssue } = await import('./messages'));
  ({ zodFormResolver } = await import('./resolver'));
});

const options = { fields: {}, shouldUseNativeValidation: false } as const;

async function errorsOf(
  schema: z.ZodType<{ when: string }, { when: string }>,
  values: { when: string },
) {
  const result = await zodFormResolver(schema)(values, undefined, options);
  return result.errors as Record<string, { type: string; message: string } | undefined>;
}

describe('the form resolver', () => {
  it("shows a form's own check in its own words", async () => {
    await i18n.changeLanguage('da');
    const schema = z
      .object({ when: z.string() })
      .superRefine((values, ctx) => ctx.addIssue(saidIssue('when', `Ikke ${values.when}.`)));
    expect((await errorsOf(schema, { when: 'i går' })).when).toEqual({
      type: 'custom',
      message: 'Ikke i går.',
    });
  });

  it("never shows a server schema's own refine text", async () => {
    await i18n.changeLanguage('da');
    const schema = z.object({ when: z.string().refine(() => false, 'when must be later') });
    const error = (await errorsOf(schema, { when: 'x' })).when;
    expect(error?.message).not.toContain('when must be later');
    expect(error?.message).toBe(i18n.t('form.validation.invalid'));
  });
});
