import { describe, expect, it } from 'vitest';
import { demoLogo, drawPng } from '../demo/logo.ts';
import { pdfText } from '../test/pdf-text.ts';
import { createDocument, isDrawableImage, type DocumentMeta } from './pdf-layout.ts';

/**
 * The municipality's logo in the letterhead (issue 12 part 6): drawn as an image next to the
 * municipality's name, which stays text; a file pdfkit cannot draw is recognised before it is
 * stored, so a document never fails on it.
 */
const meta: DocumentMeta = {
  language: 'da',
  documentTitle: 'Sagsresumé S-2026-0001',
  heading: 'Sagsresumé',
  reference: 'S-2026-0001',
  municipality: 'Demo Kommune',
  contact: null,
  date: new Date('2026-12-05T10:00:00Z'),
};

describe('the logo in the letterhead', { timeout: 30_000 }, () => {
  it('is drawn as an image when given, with the name still as text', async () => {
    const without = await createDocument(meta).done();
    expect(without.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    const withLogo = await createDocument({ ...meta, logo: demoLogo() }).done();
    expect(withLogo.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(await pdfText(withLogo)).toContain('Demo Kommune');
  });

  it('accepts a PNG pdfkit can draw, a wide one too, and refuses what only starts like one', () => {
    expect(isDrawableImage(demoLogo())).toBe(true);
    expect(isDrawableImage(drawPng(400, 40, () => [0, 73, 147]))).toBe(true);
    expect(isDrawableImage(Buffer.concat([demoLogo().subarray(0, 8), Buffer.from('x')]))).toBe(
      false,
    );
  });
});
