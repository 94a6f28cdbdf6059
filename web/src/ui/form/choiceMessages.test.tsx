import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Layer from './index';
import type * as Choice from './OptionSelect';
import type * as Messages from './messages';
import type * as Resolver from './resolver';

/**
 * A select or radio group with nothing chosen says what to choose by its label ("Vælg kilde."),
 * whether the browser's schema or the server found it; never "Værdien er ikke en af de tilladte.".
 */

let layer: typeof Layer;
let OptionSelect: typeof Choice.OptionSelect;
let messages: typeof Messages;
let resolver: typeof Resolver;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  layer = await import('./index');
  ({ OptionSelect } = await import('./OptionSelect'));
  messages = await import('./messages');
  resolver = await import('./resolver');
});

const Body = z.object({ source: z.enum(['school', 'police']), unitId: z.uuid(), note: z.string() });
type Values = z.input<typeof Body>;

function Example({ problem }: { problem: { type: string; types?: Record<string, string> } }) {
  const { Form, TextInput, useZodForm } = layer;
  const form = useZodForm(Body, {
    defaultValues: { source: '', unitId: '', note: '' } as unknown as Values,
  });
  const error = { ...problem, message: 'Værdien er ikke en af de tilladte.' };
  form.setError('source', error);
  form.setError('note', { ...error, type: 'required', message: 'Feltet skal udfyldes.' });
  return (
    <Form id="choice" form={form} onSubmit={() => undefined}>
      <OptionSelect
        name="source"
        label="Kilde"
        none="Vælg"
        options={[{ value: 'school', label: 'Skole' }]}
      />
      <TextInput name="note" label="Notat" />
    </Form>
  );
}

const errorText = (html: string, id: string) =>
  new RegExp(`id="choice-${id}-error"><span class="sr-only">Fejl: </span>([^<]*)<`).exec(html)?.[1];

describe('a required choice with nothing chosen', () => {
  it("is the browser's `choose` problem for an empty enum, `required` for an empty id", async () => {
    const result = await resolver.zodFormResolver(Body)(
      { source: '', unitId: '', note: 'x' } as unknown as Values,
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(result.errors).toMatchObject({
      source: { type: 'choose' },
      unitId: { type: 'required' },
    });
  });

  it("keeps a form's own words for a missing choice", async () => {
    const result = await resolver.zodFormResolver(Body, {
      source: { required: 'followUps.record.levelMissing' },
    })({ source: '', unitId: '', note: '' } as unknown as Values, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    const source = (result.errors as Record<string, { type: string; message: string }>).source;
    expect(source).toEqual(expect.objectContaining({ type: 'custom' }));
    expect(source?.message).toBe('Vælg bekymringsniveauet, som I vurderer det nu.');
  });

  it('says "Vælg kilde." on the select for the browser\'s and the server\'s problem alike', () => {
    expect(
      errorText(renderToStaticMarkup(<Example problem={{ type: 'choose' }} />), 'source'),
    ).toBe('Vælg kilde.');
    const server = { type: 'server', types: { choose: 'Vælg en af mulighederne.' } };
    const html = renderToStaticMarkup(<Example problem={server} />);
    expect(errorText(html, 'source')).toBe('Vælg kilde.');
    // A text field keeps its own message.
    expect(errorText(html, 'note')).toBe('Feltet skal udfyldes.');
  });

  it('says the same in the error summary, by the field the summary links to', () => {
    const field = { label: 'Enhed', choice: true };
    expect(
      messages.shownMessage({ type: 'required', message: 'Feltet skal udfyldes.' }, field),
    ).toBe('Vælg enhed.');
    expect(
      messages.shownMessage(
        { type: 'required', message: 'Feltet skal udfyldes.' },
        { label: 'Navn' },
      ),
    ).toBe('Feltet skal udfyldes.');
    // A longer label is named as it stands; a form may give its own words.
    expect(messages.shownMessage({ type: 'choose' }, { label: 'Status nu', choice: true })).toBe(
      'Vælg en af mulighederne under »Status nu«.',
    );
    expect(
      messages.shownMessage(
        { type: 'choose' },
        { label: 'Mentor for Ali', choice: 'Vælg, hvad der sker.' },
      ),
    ).toBe('Vælg, hvad der sker.');
    // An abbreviation keeps its capitals.
    expect(messages.shownMessage({ type: 'choose' }, { label: 'KLE-emne', choice: true })).toBe(
      'Vælg KLE-emne.',
    );
  });
});
