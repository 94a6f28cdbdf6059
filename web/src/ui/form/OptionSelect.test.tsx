import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Layer from './index';
import type * as Fields from './NumberInput';
import type * as Choices from './OptionSelect';

/** The select of a list of choices and the whole-number field, in the form layer's markup. */

let layer: typeof Layer;
let OptionSelect: typeof Choices.OptionSelect;
let NumberInput: typeof Fields.NumberInput;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  layer = await import('./index');
  ({ OptionSelect } = await import('./OptionSelect'));
  ({ NumberInput } = await import('./NumberInput'));
});

const Body = z.object({ kind: z.enum(['ssp', 'psp']).optional(), days: z.number().int() });

function Example() {
  const { Form, useZodForm } = layer;
  const form = useZodForm(Body, { defaultValues: { kind: 'psp', days: 30 } });
  return (
    <Form id="unit" form={form} onSubmit={() => undefined}>
      <OptionSelect
        name="kind"
        label="Type"
        empty="undefined"
        none="Alle"
        options={[
          { value: 'ssp', label: 'SSP' },
          { value: 'psp', label: 'PSP' },
        ]}
      />
      <NumberInput name="days" label="Dage" required />
    </Form>
  );
}

describe('OptionSelect and NumberInput', () => {
  it('offers "nothing" first, then the choices in order, the form value chosen', () => {
    const html = renderToStaticMarkup(<Example />);
    expect(html).toContain('<label class="form-label" for="unit-kind">Type</label>');
    expect(html).toMatch(
      /<select id="unit-kind" name="kind" class="form-select"[^>]*><option value="">Alle<\/option><option value="ssp">SSP<\/option><option value="psp" selected="">PSP<\/option><\/select>/,
    );
  });

  it('draws a whole number as a narrow field typed on the number pad', () => {
    const html = renderToStaticMarkup(<Example />);
    expect(html).toMatch(/<input id="unit-days" class="form-input input-char-4"/);
    expect(html).toContain('value="30"');
    expect(html).toContain('autoComplete="off"');
    expect(html).toContain('inputMode="numeric"');
    expect(html).toContain('required=""');
  });
});
