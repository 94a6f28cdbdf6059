import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Layer from './index';
import type * as Text from '../backdatedText';

/**
 * The one back-dating field group (issue 12) and how a back-dated record is shown: the reason
 * choice appears only for a date before the registration (or when the server asked for it), and
 * the words are the app's own, in Danish.
 */

let layer: typeof Layer;
let text: typeof Text;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  layer = await import('./index');
  text = await import('../backdatedText');
});

function Example({
  show,
  reason = '',
  problem,
}: {
  show: boolean;
  reason?: '' | 'other' | 'registered_late';
  problem?: string;
}) {
  const { Form, DateInput, BackdateFields, BackdateFieldsShape, useZodForm } = layer;
  const Schema = z.object({ heldOn: z.iso.date(), ...BackdateFieldsShape });
  const form = useZodForm(Schema, {
    defaultValues: { heldOn: '2024-12-15', backdateReason: reason, backdateNote: '' },
  });
  if (problem) form.setError('backdateReason', { type: 'server', message: problem });
  return (
    <Form id="session" form={form} onSubmit={() => undefined}>
      <DateInput name="heldOn" label="Dato" />
      <BackdateFields show={show} />
    </Form>
  );
}

describe('the back-dating field group', () => {
  it('asks why, with the three reasons, only for a date before the registration', () => {
    const html = renderToStaticMarkup(<Example show />);
    expect(html).toContain('Hvorfor registreres det først nu?');
    for (const label of ['Registreret for sent', 'Flyttet fra papir', 'Andet']) {
      expect(html).toContain(`>${label}</label>`);
    }
    expect(html).toContain('name="backdateReason"');
    expect(html).not.toContain('name="backdateNote"');
    expect(renderToStaticMarkup(<Example show={false} />)).not.toContain('backdateReason');
  });

  it('asks for a text when the reason is "other"', () => {
    const html = renderToStaticMarkup(<Example show reason="other" />);
    expect(html).toContain('Beskriv kort årsagen');
    expect(html).toContain('name="backdateNote"');
  });

  it("shows the server's Danish message at the choice even when the form did not expect it", () => {
    const message = 'Datoen ligger før sagen eller henvendelsen blev registreret her.';
    const html = renderToStaticMarkup(<Example show={false} problem={message} />);
    expect(html).toContain(message);
    expect(html).toContain('Flyttet fra papir');
  });

  it('sends the chosen reason, with its text only for "other", and nothing when not back-dated', () => {
    const { backdateBody, isBackdated } = layer;
    expect(backdateBody({ backdateReason: 'moved_from_paper', backdateNote: 'x' })).toEqual({
      backdateReason: 'moved_from_paper',
    });
    expect(backdateBody({ backdateReason: 'other', backdateNote: ' Arkiv ' })).toEqual({
      backdateReason: 'other',
      backdateNote: 'Arkiv',
    });
    expect(backdateBody({ backdateReason: '', backdateNote: '' })).toEqual({});
    expect(backdateBody({ backdateReason: 'registered_late', backdateNote: '' }, false)).toEqual(
      {},
    );
    expect(isBackdated('2025-01-09', '2025-01-10')).toBe(true);
    expect(isBackdated('2025-01-10', '2025-01-10')).toBe(false);
    expect(isBackdated('', '2025-01-10')).toBe(false);
  });
});

describe('a back-dated record as shown', () => {
  it('gives the real date, when it was registered and why, in Danish words', () => {
    expect(text.backdatedText('2026-03-13', '2026-03-20T09:15:00Z', 'registered_late')).toBe(
      '13. marts 2026 (registreret 20. marts 2026, registreret for sent)',
    );
    expect(text.backdatedText('2024-12-01', '2025-01-10T08:00:00Z', 'moved_from_paper')).toBe(
      '1. december 2024 (registreret 10. januar 2025, flyttet fra papir)',
    );
  });

  it('says how many days before its registration an inquiry was received, not an overdue count', () => {
    expect(text.receivedBeforeText('2026-03-10T10:00:00Z', '2026-03-20T09:00:00Z')).toBe(
      'modtaget 10 dage før den blev registreret',
    );
    expect(text.receivedBeforeText('2026-03-19T10:00:00Z', '2026-03-20T22:30:00Z')).toBe(
      'modtaget 1 dag før den blev registreret',
    );
    // Danish calendar days: 23:30 UTC on 31 March is already 1 April in Copenhagen.
    expect(text.daysBeforeRegistration('2026-03-31T23:30:00Z', '2026-04-02T08:00:00Z')).toBe(1);
  });
});
