import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Layer from './index';

/**
 * A long text field never cuts the text silently: no native `maxlength`, a count under the field
 * and a clear problem when the text is too long; the schema refuses it when it is sent.
 */

let layer: typeof Layer;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  layer = await import('./index');
});

const Body = z.object({ judgement: z.string().max(4000) });

function Example({ text }: { text: string }) {
  const { Form, TextArea, useZodForm } = layer;
  const form = useZodForm(Body, { defaultValues: { judgement: text } });
  return (
    <Form id="long" form={form} onSubmit={() => undefined}>
      <TextArea
        name="judgement"
        label="Samlet vurdering"
        hint="Højst 4000 tegn."
        maxLength={4000}
      />
    </Form>
  );
}

describe('a long text field', () => {
  it('counts the characters under the field, tied to it, and never sets maxlength', () => {
    const html = renderToStaticMarkup(<Example text={'a'.repeat(1234)} />);
    expect(html).not.toMatch(/maxlength/i);
    expect(html).toContain('aria-describedby="long-judgement-hint long-judgement-count"');
    expect(html).toContain(
      '<span id="long-judgement-count" class="form-hint character-count">1.234 af højst 4.000 tegn</span>',
    );
  });

  it('keeps all of a text that is too long and says by how much, before it is sent', () => {
    const html = renderToStaticMarkup(<Example text={'a'.repeat(4120)} />);
    expect(html).toContain('a'.repeat(4120));
    expect(html).toContain(
      'Du har skrevet 120 tegn for meget. Teksten må højst være 4.000 tegn – forkort den, før du gemmer.',
    );
    expect(html).toMatch(/class="form-error-message character-count" aria-live="polite"/);
  });

  it('is refused by the schema with the limit when it is sent', async () => {
    const result = await layer.zodFormResolver(Body)({ judgement: 'a'.repeat(4001) }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.errors).toMatchObject({
      judgement: { type: 'too_big_string', message: 'Må højst være 4000 tegn.' },
    });
  });
});
