import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Layer from './index';

/** The form layer rendered to markup: dkfds field markup, problems tied to their fields. */

let layer: typeof Layer;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  layer = await import('./index');
});

const Body = z.object({
  name: z.string().min(1).max(20),
  startsOn: z.iso.date(),
  confidential: z.boolean(),
});

function Example({ problem }: { problem?: string }) {
  const { Form, TextInput, DateInput, Checkbox, useZodForm } = layer;
  const form = useZodForm(Body, {
    defaultValues: { name: '', startsOn: '2026-02-01', confidential: false },
  });
  if (problem) form.setError('name', { type: 'server', message: problem });
  return (
    <Form id="unit" form={form} onSubmit={() => undefined}>
      <TextInput name="name" label="Navn" hint="Som på døren" />
      <DateInput name="startsOn" label="Startdato" />
      <Checkbox name="confidential" label="Fortroligt notat" />
    </Form>
  );
}

describe('form fields', () => {
  it('ties the label and hint to the field, with no problem shown', () => {
    const html = renderToStaticMarkup(<Example />);
    expect(html).toMatch(/<form id="unit" novalidate="">/i);
    expect(html).toContain(
      '<div class="form-group"><label class="form-label" for="unit-name">Navn</label>',
    );
    expect(html).toContain('<span class="form-hint" id="unit-name-hint">Som på døren</span>');
    expect(html).toContain('aria-describedby="unit-name-hint"');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('form-error');
  });

  it('shows a problem in the dkfds error markup and marks the field invalid', () => {
    const html = renderToStaticMarkup(<Example problem="Feltet skal udfyldes." />);
    expect(html).toContain('<div class="form-group form-error">');
    expect(html).toContain(
      '<span class="form-error-message" id="unit-name-error"><span class="sr-only">Fejl: </span>Feltet skal udfyldes.</span>',
    );
    expect(html).toMatch(/<input id="unit-name"[^>]*aria-invalid="true"/);
    expect(html).toContain('aria-describedby="unit-name-hint unit-name-error"');
  });

  it('shows a date as dd.mm.åååå in a text field, never a date picker', () => {
    const html = renderToStaticMarkup(<Example />);
    expect(html).toMatch(/<input id="unit-startsOn"[^>]*type="text" inputMode="numeric"/);
    expect(html).toContain('value="01.02.2026"');
    expect(html).toContain('<span class="form-hint" id="unit-startsOn-hint">dd.mm.åååå</span>');
    expect(html).not.toContain('type="date"');
  });

  it('draws a checkbox in the dkfds checkbox markup, so the box shows', () => {
    const html = renderToStaticMarkup(<Example />);
    expect(html).toMatch(
      /<div class="form-group-checkbox"><input id="unit-confidential"[^>]*type="checkbox" class="form-checkbox"[^>]*\/><label class="form-label" for="unit-confidential">Fortroligt notat<\/label>/,
    );
  });
});

describe('browser messages', () => {
  it("never shows a message written into a schema, nor Zod's English", async () => {
    const { zodFormResolver } = await import('./resolver');
    const Username = z.object({ username: z.string().regex(/^[a-z]{3,}$/, 'username') }).strict();
    const result = await zodFormResolver(Username)(
      { username: 'Å', extra: 1 } as { username: string },
      undefined,
      {
        fields: {},
        shouldUseNativeValidation: false,
      },
    );
    expect(result.errors).toMatchObject({
      username: { type: 'invalid_format', message: 'Værdien har et forkert format.' },
      root: { type: 'invalid', message: 'Værdien er ugyldig.' },
    });
  });

  it("says the schema's problems in the app's own words, with the server's code names", () => {
    const result = Body.safeParse(
      { name: 'x'.repeat(21), startsOn: '2026-2-1', confidential: 'yes' },
      { error: layer.issueMessage },
    );
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Må højst være 20 tegn.',
      'Skriv en dato, der findes, som dd.mm.åååå, fx 24.12.2026.',
      'Værdien har en forkert type.',
    ]);
    // A date written as one but not in the calendar says so, with the text as typed.
    const impossible = Body.safeParse(
      { name: 'x', startsOn: ' 31.02.2003 ', confidential: true },
      { error: layer.issueMessage, reportInput: true },
    );
    expect(impossible.error?.issues.map((issue) => issue.message)).toEqual([
      '31.02.2003 findes ikke. Tjek dag og måned.',
    ]);
    expect(layer.isImpossibleDate('2003-02-31')).toBe(true);
    expect(layer.isImpossibleDate('29.02.2024')).toBe(false);
    expect(layer.isImpossibleDate('31/02/2003')).toBe(false);
    const empty = Body.safeParse({ name: '', startsOn: '' }, { error: layer.issueMessage });
    expect(empty.error?.issues.map((issue) => issue.message)).toEqual([
      'Feltet skal udfyldes.',
      'Feltet skal udfyldes.',
      'Feltet skal udfyldes.',
    ]);
  });
});
