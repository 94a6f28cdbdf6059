import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as FormModule from './form';
import type { SearchField as Field } from './SearchField';
import { importWithI18n } from './testRender';

/** The one search field of the list pages: label, hint, field, submit, and clear while shown. */

let SearchField: typeof Field;
let form: typeof FormModule;

beforeAll(async () => {
  ({ SearchField } = await importWithI18n(() => import('./SearchField')));
  form = await import('./form');
});

const Text = z.object({ text: z.string() });

function render(onClear?: () => void, extra?: string): string {
  function Page() {
    const values = form.useZodForm(Text, { defaultValues: { text: '' } });
    return (
      <form.Form id="list-search" form={values} onSubmit={() => undefined}>
        <SearchField
          name="text"
          label="Søg efter sag"
          hint="Reference, navn eller CPR-nummer"
          submit="Søg"
          clear="Ryd søgning"
          onClear={onClear}
        >
          {extra && <p>{extra}</p>}
        </SearchField>
      </form.Form>
    );
  }
  return renderToStaticMarkup(<Page />);
}

describe('SearchField', () => {
  it('draws the labelled field with its hint and the submit button, no clear before a search', () => {
    const html = render();
    expect(html).toContain('for="list-search-text">Søg efter sag</label>');
    expect(html).toMatch(/<input[^>]*type="search"[^>]*>/);
    expect(html).toContain('Reference, navn eller CPR-nummer');
    expect(html).toContain('<button type="submit" class="button button-primary">Søg</button>');
    expect(html).not.toContain('Ryd søgning');
  });

  it('offers to clear a search shown, with further criteria between the field and the buttons', () => {
    const html = render(() => undefined, 'Fødselsdato');
    expect(html).toContain('>Ryd søgning</button>');
    expect(html.indexOf('Fødselsdato')).toBeLessThan(html.indexOf('>Søg</button>'));
  });
});
