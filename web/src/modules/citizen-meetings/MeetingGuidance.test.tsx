import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { ContactAttemptForm as Form } from './ContactAttemptForm';

/**
 * The contact form shows the administrator-editable guidance (`meetingContact`, issue 15 part
 * 6) collapsed next to its fields: the product's default naming its source, or the
 * municipality's own text once its administrator replaced it. One set of texts: the contact
 * helper's own step texts are gone.
 */
let ContactAttemptForm: typeof Form;
beforeAll(async () => {
  ({ ContactAttemptForm } = await importWithI18n(() => import('./ContactAttemptForm')));
});

const render = (items: unknown[]) =>
  renderWithQuery(
    <ContactAttemptForm
      owner={{ kind: 'case', id: '11111111-1111-4111-8111-111111111111' }}
      colleagues={[]}
      onDone={() => undefined}
    />,
    ['guidance'],
    { items },
  );

describe('the guidance on the citizen-meeting forms', () => {
  it('shows the contact step’s guidance collapsed, naming the inspiration package', () => {
    const html = render([]);
    expect(html).toContain('<details class="details guidance-details">');
    expect(html).not.toContain('open=""');
    expect(html).toContain('Vejledning: Kontakt til borgeren');
    expect(html).toContain('Kilde: Inspirationspakken');
    expect(html).not.toContain('Gode råd:');
  });

  it('shows the municipality’s own text when the administrator replaced it', () => {
    const html = render([
      {
        key: 'meetingContact',
        textDa: 'Ring altid to gange, før I skriver.',
        textEn: null,
        updatedAt: '2026-12-01T10:00:00.000Z',
        version: 1,
      },
    ]);
    expect(html).toContain('Ring altid to gange, før I skriver.');
    expect(html).toContain('Kommunens egen tekst');
  });
});
