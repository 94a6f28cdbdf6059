import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfTagging, pdfText } from '../test/pdf-text.ts';
import { createDocument, documentDate, type DocumentMeta } from './pdf-layout.ts';
import { fontData, fontDirectory } from './pdf-fonts.ts';

/** fontkit, the font reader pdfkit embeds fonts with (pdfkit's dependency, untyped). */
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(data: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
};

const meta: DocumentMeta = {
  language: 'da',
  documentTitle: 'Handleplan S-2026-0001',
  heading: 'Handleplan',
  reference: 'S-2026-0001',
  municipality: 'Ærø Kommune',
  contact: { name: 'Søren Østergaard', unit: 'SSP Syd', email: 'soren@example.dk' },
  date: new Date('2026-12-05T10:00:00Z'),
};

// Embedding the font and reading the PDF back take a few seconds on a busy machine.
describe('the document layout', { timeout: 30_000 }, () => {
  it('finds the embedded font where the dkfds package is installed', () => {
    expect(existsSync(join(fontDirectory(), 'IBMPlexSans-Regular.ttf'))).toBe(true);
    expect(existsSync(join(fontDirectory(), 'IBMPlexSans-Bold.ttf'))).toBe(true);
  });

  it('embeds a font that has the letters and signs the documents use', () => {
    for (const data of Object.values(fontData())) {
      const font = fontkit.create(data);
      for (const sign of 'æøåÆØÅé→–·…“”»«') {
        expect(font.hasGlyphForCodePoint(sign.codePointAt(0) ?? 0), sign).toBe(true);
      }
    }
  });

  it('writes the letterhead, æøå and arrows in the embedded font, and page numbers on every page', async () => {
    const pdf = createDocument(meta)
      .heading('Mål og delmål')
      .field('Bekymringsniveau', 'Moderat bekymring → Høj bekymring')
      .field('Måldato', null)
      .list(['Går i skole hver dag', 'Møder sin mentor'], 'Ingen')
      .list([], 'Ingen aftaler');
    for (let i = 0; i < 70; i += 1) pdf.paragraph(`Linje ${i} om æblegrød og rødgrød med fløde`);
    const bytes = await pdf.signatures([{ role: 'Borgeren', name: 'Åse Ærø' }]).done();
    const text = await pdfText(bytes);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('Ærø Kommune');
    expect(text).toContain('Kontaktperson: Søren Østergaard, SSP Syd, soren@example.dk');
    expect(text).toContain('Dato: 5. december 2026');
    expect(text).toContain('Sagsnummer: S-2026-0001');
    expect(text).toContain('Bekymringsniveau: Moderat bekymring → Høj bekymring');
    expect(text).toContain('Måldato: –');
    expect(text).toContain('Ingen aftaler');
    expect(text).toContain('Navn: Åse Ærø');
    expect(text).toContain('Underskrift:');
    const pages = [...text.matchAll(/Side (\d+) af (\d+)/g)].map((m) => [m[1], m[2]].join('/'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages).toEqual(pages.map((_, i) => `${i + 1}/${pages.length}`));
    // The font is embedded (a subset), not the built-in Helvetica.
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(bytes.toString('latin1')).not.toContain('/Helvetica');
  });

  it('is tagged for screen readers, in the reader’s language, with no personal data in the metadata', async () => {
    const bytes = await createDocument(meta).paragraph('Søren Østergaard').done();
    expect(pdfTagging(bytes)).toEqual({ marked: true, structTree: true, lang: true });
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).not.toContain('Østergaard'); // only in the compressed, subset-encoded page text
  });

  it('says "Page 1 of 1" and writes dates the English way in English', async () => {
    const bytes = await createDocument({ ...meta, language: 'en', contact: null }).done();
    const text = await pdfText(bytes);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Date: 5 December 2026');
    expect(text).toContain('Contact person: The case has no coordinator yet');
  });

  it('writes a calendar date and a moment in Danish words', () => {
    expect(documentDate('da', '2026-03-01')).toBe('1. marts 2026');
    expect(documentDate('da', new Date('2026-12-31T23:30:00Z'))).toBe('1. januar 2027');
  });
});
