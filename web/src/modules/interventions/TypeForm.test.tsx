import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { TypeForm as Form } from './TypeForm';
import type { InterventionType } from './catalogueApi';
import { testMentorType } from './testType';

/**
 * The catalogue's offer form rendered to markup (no DOM here): a new offer asks for its code; a
 * change does not, and offers the active box; the yes/no settings are dkfds checkboxes.
 */
// The icon sprite is an asset of the browser build.

let TypeForm: typeof Form;

beforeAll(async () => {
  ({ TypeForm } = await importWithI18n(() => import('./TypeForm')));
});

const mentor = testMentorType();

function render(type: InterventionType | null): string {
  const client = new QueryClient();
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <TypeForm
        type={type}
        municipalityCode={undefined}
        onDone={() => {}}
        onReload={async () => {}}
      />
    </QueryClientProvider>,
  );
}

describe('TypeForm', () => {
  it('asks a new offer for its code, without the active box', () => {
    const html = render(null);
    expect(html).toContain('Tilføj indsats');
    expect(html).toContain('>Kode</label>');
    expect(html).not.toContain('Aktiv (kan vælges i nye sager)');
    expect(html.match(/class="form-checkbox"/g)).toHaveLength(3);
  });

  it('changes an offer without its code, with the stored values and the active box', () => {
    const html = render(mentor);
    expect(html).toContain('Ret Mentor');
    expect(html).not.toContain('>Kode</label>');
    expect(html).toContain('value="Mentor"');
    expect(html).toMatch(
      /<input[^>]*checked=""[^>]*>\s*<label[^>]*>Indsatsen kræver borgerens samtykke/,
    );
    expect(html).toContain('Aktiv (kan vælges i nye sager)');
  });
});
