import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type * as LogoModule from './LogoSettings';

/**
 * The logo part of the settings page rendered to markup (no DOM here): the preview with its text
 * alternative and "Fjern logo" when the municipality has a logo, the file field for PNG or JPEG
 * with its limit, and the form's own Danish messages for no file and a file over 200 kB.
 */
let Logo: typeof LogoModule;

beforeAll(async () => {
  Logo = await importWithI18n(() => import('./LogoSettings'));
});

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const render = (data: unknown) =>
  renderWithQuery(<Logo.LogoSettings />, [...Logo.LOGO_QUERY_KEY], data);

describe('LogoSettings', () => {
  it('shows the current logo as a preview with "Fjern logo"', () => {
    const html = render({
      version: 3,
      logo: { mediaType: 'image/png', dataUrl: PNG, bytes: 2048 },
    });
    expect(html).toContain('<h3');
    expect(html).toContain('Logo på dokumenter');
    expect(html).toContain(`src="${PNG}"`);
    expect(html).toContain('alt="Kommunens nuværende logo"');
    expect(html).toContain('Det nuværende logo fylder 2 kB.');
    expect(html).toMatch(/<button type="button"[^>]*>Fjern logo<\/button>/);
  });

  it('without a logo says so, and offers a file field for PNG or JPEG up to 200 kB', () => {
    const html = render({ version: 0, logo: null });
    expect(html).toContain('Kommunen har ikke noget logo endnu.');
    expect(html).not.toContain('Fjern logo');
    expect(html).toMatch(/<label class="form-label" for="([^"]+)">Nyt logo<\/label>/);
    const id = /for="([^"]+)">Nyt logo/.exec(html)?.[1] ?? '';
    expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/type="file"[^>]*accept="image\/png,image\/jpeg"/);
    expect(html).toContain('Et PNG- eller JPEG-billede på højst 200 kB.');
    expect(html).toContain('Gem logo');
  });

  it('asks for a file and refuses one over 200 kB before anything is sent', () => {
    const problems = (value: { image: string; bytes: number }) => {
      const result = Logo.LogoFormSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(problems({ image: '', bytes: 0 })).toEqual(['Vælg en billedfil med logoet.']);
    expect(problems({ image: 'iVBORw0KGgo=', bytes: 200 * 1024 + 1 })).toEqual([
      'Filen er for stor. Logoet må højst fylde 200 kB.',
    ]);
    expect(problems({ image: 'iVBORw0KGgo=', bytes: 200 * 1024 })).toEqual([]);
  });
});
