import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { caller, childCase, t, useNoticeFixtures } from '../notice/notice.fixtures.ts';
import { RISKS } from './dpia-facts.ts';
import type { Dpia } from './dpia-schema.ts';

/**
 * The data protection impact assessment template (GDPR art. 35, issue 13 part 10): built from
 * the same configuration as the record of processing (its security measures and retention
 * periods are the measures' texts), every risk with the product's measures and the blanks of the
 * municipality's assessment; for the data-protection role only; Danish and English; the PDF
 * holds no personal data.
 */
useNoticeFixtures();

const url = '/api/admin/dpia';

describe(`the impact assessment template (${testEngine})`, () => {
  it('describes the processing, its necessity, each risk with the measures and blanks, in Danish and English', async () => {
    const res = await caller('dpo').get(url);
    expect(res.statusCode, res.body).toBe(200);
    const dpia = res.json() as Dpia;
    expect(dpia.processing.municipality.code).toBe('101');
    expect(dpia.risks.map((r) => r.code)).toEqual(RISKS.map((r) => r.code));
    const risk = (code: string) => dpia.risks.find((r) => r.code === code);
    expect(risk('unauthorised_access')?.text).toContain('Uberettiget adgang');
    expect(risk('reidentification')?.text).toContain('statistik');
    // The record's own measure texts and figures, not a copy of them.
    const sessions = risk('unauthorised_access')?.measures.find((m) => m.code === 'sessions');
    expect(sessions?.text).toBe(dpia.processing.security.find((s) => s.code === 'sessions')?.text);
    const retention = risk('over_retention')?.measures[0];
    expect(retention?.text).toContain(dpia.processing.retention[0]?.text ?? 'missing');
    // What the product does not enforce is said, never claimed.
    expect(risk('reidentification')?.measures).toEqual([
      expect.objectContaining({ code: 'no_statistics_export', enforced: false }),
    ]);
    expect(dpia.riskBlanks.map((b) => b.code)).toEqual([
      'likelihood',
      'severity',
      'residual',
      'further_measures',
    ]);
    expect(dpia.signOff.map((b) => b.code)).toContain('dpo_advice');
    const english = (await caller('dpo').get(url, { 'accept-language': 'en' })).json() as Dpia;
    expect(english.risks[0]?.text).toContain('Unauthorised access');
  });

  it('follows the saved retention setting', async () => {
    const current = (await caller('admin').get('/api/municipality-settings')).json() as {
      version: number;
    };
    await caller('admin').patch('/api/municipality-settings', {
      version: current.version,
      noConcernRetentionDays: 75,
    });
    const dpia = (await caller('dpo').get(url)).json() as Dpia;
    const retention = dpia.risks.find((r) => r.code === 'over_retention')?.measures[0];
    expect(retention?.text).toContain('75 dage');
  });

  it('is a PDF with the sections, the blanks and the signatures, and no personal data', async () => {
    await childCase();
    const res = await caller('dpo').get(`${url}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['cache-control']).toContain('no-store');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Konsekvensanalyse vedrørende databeskyttelse');
    expect(text).toContain('Nødvendighed og proportionalitet');
    expect(text).toContain('Videregivelse uden hjemmel');
    expect(text).toContain('Restrisiko efter foranstaltningerne');
    expect(text).toContain('håndhæves ikke af systemet');
    expect(text).toContain('Databeskyttelsesrådgiver');
    // No person's name and no user's name of the test database appears in it.
    const db = t.database.db;
    const persons = await db.selectFrom('persons').select(['given_name', 'family_name']).execute();
    const users = await db.selectFrom('users').select('display_name').execute();
    expect(persons.length).toBeGreaterThan(0);
    for (const p of persons) expect(text).not.toContain(`${p.given_name} ${p.family_name}`);
    for (const u of users) expect(text).not.toContain(u.display_name);
    expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
  });

  it('is for the data-protection role only (403 for the administrator and case workers)', async () => {
    for (const who of ['admin', 'coordinator', 'member', 'mentor']) {
      expect((await caller(who).get(url)).statusCode, who).toBe(403);
      expect((await caller(who).get(`${url}.pdf`)).statusCode, who).toBe(403);
    }
  });
});
