import { describe, expect, it } from 'vitest';
import { createPdf } from './pdf.ts';

describe('createPdf', () => {
  it('writes a PDF with Danish letters, lists and fields', async () => {
    const bytes = await createPdf({ title: 'S-2026-0001 Handleplan', language: 'da' })
      .title('Handleplan for S-2026-0001')
      .heading('Mål og delmål')
      .field('Ansvarlig', 'Søren Ærø Østergaard')
      .field('Måldato', null)
      .list(['Går i skole hver dag', 'Møder sin mentor'], 'Ingen')
      .list([], 'Ingen aftaler')
      .note('Udskrevet 21.11.2026')
      .done();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
