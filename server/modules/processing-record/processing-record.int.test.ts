import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, ORGANISATION_KINDS } from '../../../shared/sharing.ts';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { caller, useNoticeFixtures } from '../notice/notice.fixtures.ts';
import type { ProcessingRecord } from './schema.ts';

/**
 * The record of processing (GDPR art. 30, issue 13 part 10): generated from the value lists the
 * code enforces and the municipality's settings, for the municipal administrator and the
 * data-protection role; what nothing configures says "Ikke konfigureret".
 */
useNoticeFixtures();

const url = '/api/admin/processing-record';

describe(`the record of processing (${testEngine})`, () => {
  it('lists every category and kind of recipient the code knows, the retention setting and the security measures, in Danish', async () => {
    const res = await caller('dpo').get(url);
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json() as ProcessingRecord;
    expect(record.municipality.code).toBe('101');
    expect(record.categories.map((c) => c.code)).toEqual([...DATA_CATEGORIES]);
    expect(record.recipients.map((r) => r.code)).toEqual(
      expect.arrayContaining([...ORGANISATION_KINDS]),
    );
    expect(record.retention).toEqual([
      expect.objectContaining({ code: 'inquiry_no_concern', configured: true }),
      expect.objectContaining({ code: 'case', configured: false }),
      expect.objectContaining({ code: 'audit_log', configured: false }),
    ]);
    expect(record.retention[0]?.text).toContain('180 dage');
    expect(record.retention[1]?.text).toContain('Ikke konfigureret');
    expect(record.dataProtectionOfficer).toEqual({ configured: false, text: 'Ikke konfigureret' });
    // The session figures the server runs with, not a copy of them.
    expect(record.security.find((s) => s.code === 'sessions')?.text).toMatch(/\d+ minutters/);
    expect(record.security.map((s) => s.code)).toEqual(
      expect.arrayContaining(['two_factor', 'field_encryption', 'audit_chain']),
    );
    const english = (
      await caller('admin').get(url, { 'accept-language': 'en' })
    ).json() as ProcessingRecord;
    expect(english.retention[1]?.text).toContain('Not configured');
  });

  it('follows the municipality’s saved retention setting', async () => {
    const current = (await caller('admin').get('/api/municipality-settings')).json() as {
      version: number;
    };
    const saved = await caller('admin').patch('/api/municipality-settings', {
      version: current.version,
      noConcernRetentionDays: 90,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const record = (await caller('dpo').get(url)).json() as ProcessingRecord;
    expect(record.retention[0]?.text).toContain('90 dage (kommunens indstilling)');
  });

  it('is a PDF in the document layout', async () => {
    const res = await caller('admin').get(`${url}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Fortegnelse over behandlingsaktiviteter');
    expect(text).toContain('Kategorier af modtagere');
    expect(text).toContain('Ikke konfigureret');
  });

  it('is for the administrator and the data-protection role only (403 for case workers)', async () => {
    for (const who of ['coordinator', 'member', 'mentor']) {
      expect((await caller(who).get(url)).statusCode, who).toBe(403);
      expect((await caller(who).get(`${url}.pdf`)).statusCode, who).toBe(403);
    }
  });
});
