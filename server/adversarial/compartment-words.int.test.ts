import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { printCounts } from '../test/bad-input-run.ts';
import { buildWorkbench, type Workbench } from '../test/case-workbench.ts';
import { pdfText } from '../test/pdf-text.ts';
import { client, createPoliceContact, type Client } from '../test/records.ts';
import { createUser, login } from '../test/users.ts';

/**
 * The compartment words (issue 10): a coordinator fills every compartment field of a case through
 * the API with a marker and the concern words — the inquiry's observation, sign, contribution and
 * decision, the classification, a compartment note, the assessment's risk lens, risk factors and
 * overall judgement. A caseworker and a police contact are members of the case without the
 * compartment (the caseworker also provides its intervention and is responsible for a goal, so
 * tasks and notifications are not empty). Nothing either of them can read — every list, every GET
 * of a case or person in the OpenAPI document (so a new tab is covered), tasks, notifications,
 * the chronology, and the plan and summary PDFs as text — holds the marker or a concern word, in
 * Danish or English.
 */
const MARKER = 'KMPMARKOER7391';
const TEXT = `${MARKER} radikalisering ekstremisme radicalisation extremism`;
const WORDS = /KMPMARKOER7391|radikalis|ekstremis|radicalis|extremis/i;
/** Not data: the API's own description, and the process's health and metrics. */
const NOT_DATA = new Set(['/api/openapi.json', '/healthz', '/metrics']);

let t: TestApp;
let wb: Workbench;
const as: Record<'coordinator' | 'caseworker' | 'police', Client> = {} as never;
let urls: string[] = [];
let read = 0;
let leaks = 0;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const caseworker = await createUser(db, { roles: ['caseworker'] });
  const police = await createPoliceContact(db);
  as.coordinator = client(t.app, await login(t.app, coordinator));
  as.caseworker = client(t.app, await login(t.app, caseworker));
  as.police = client(t.app, await login(t.app, police));
  wb = await buildWorkbench(db, as.coordinator, coordinator.id, {
    text: TEXT,
    members: [caseworker.id, police.id],
    providerUserId: caseworker.id,
  });
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-record'?: string }>>;
  };
  const idOf: Record<string, string[]> = {
    case: [wb.caseId],
    person: [wb.citizenId, wb.parentId],
  };
  urls = Object.entries(doc.paths).flatMap(([path, ops]) => {
    const record = ops.get?.['x-record'];
    if (!ops.get || NOT_DATA.has(path)) return [];
    const params = path.match(/\{\w+\}/g) ?? [];
    if (params.length === 0) return [path === '/api/inquiries' ? `${path}?status=all` : path];
    if (!record || params.length > 1 || params[0] !== '{id}') return [];
    return (idOf[record] ?? []).map((id) => path.replace('{id}', id));
  });
});
afterAll(async () => {
  printCounts(
    `[adversarial] compartment words (${testEngine}): ${urls.length} GET routes, ` +
      `${read} answers read by members without the compartment, ${leaks} × leak`,
  );
  await t.close();
});

/**
 * The text of an answer as its reader sees it: JSON as sent, a PDF as its extracted text, and a
 * filing export's JSON followed by the text of the PDF inside it.
 */
async function textOf(res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) {
  const pdf = String(res.headers['content-type'] ?? '').startsWith('application/pdf');
  if (pdf) return { pdf, text: await pdfText(res.rawPayload) };
  const inside = /"contentBase64":"([A-Za-z0-9+/=]+)"/.exec(res.body)?.[1];
  const filed = inside ? await pdfText(Buffer.from(inside, 'base64')) : '';
  return { pdf, text: `${res.body}\n${filed}` };
}

describe(`compartment words (${testEngine})`, () => {
  it('the compartment text reaches the case coordinator (detail, assessments, chronology, summary PDF), so the search below can find it', async () => {
    for (const path of ['', '/assessments', '/chronology', '/summary.pdf', '/filing-export']) {
      const res = await as.coordinator.get(`/api/cases/${wb.caseId}${path}`);
      expect(res.statusCode, path).toBe(200);
      expect((await textOf(res)).text, path).toContain(MARKER);
    }
    // The plan PDF is the citizen's copy: no compartment content even for the coordinator.
    const plan = await as.coordinator.get(`/api/cases/${wb.caseId}/plan.pdf`);
    expect(plan.statusCode).toBe(200);
    expect((await textOf(plan)).text).toContain('Fastholde skolegang');
    expect((await textOf(plan)).text).not.toMatch(WORDS);
  });

  it.each(['caseworker', 'police'] as const)(
    'ASVS 8.2.3: a case %s finds neither the compartment text nor a concern word in any answer, in Danish or English',
    async (name) => {
      expect(urls).toEqual(
        expect.arrayContaining([
          '/api/cases',
          '/api/tasks',
          '/api/notifications',
          `/api/cases/${wb.caseId}/chronology`,
          `/api/cases/${wb.caseId}/interventions`,
          `/api/cases/${wb.caseId}/plan.pdf`,
          `/api/cases/${wb.caseId}/summary.pdf`,
          `/api/cases/${wb.caseId}/notice-letter.pdf`,
          `/api/cases/${wb.caseId}/filing-export`,
          `/api/persons/${wb.citizenId}`,
        ]),
      );
      const found: string[] = [];
      let seen = 0;
      let pdfs = 0;
      for (const lang of ['da', 'en']) {
        for (const url of urls) {
          const res = await as[name].get(url, { 'accept-language': lang });
          read += 1;
          expect(res.statusCode, `${url} ${lang}`).toBeLessThan(500);
          const { pdf, text } = await textOf(res);
          if (text.includes(wb.reference)) seen += 1;
          if (pdf && res.statusCode === 200) pdfs += 1;
          const hit = WORDS.exec(text);
          if (hit) {
            const at = Math.max(0, hit.index - 60);
            found.push(
              `${url} (${lang}): …${text.slice(at, hit.index + 40).replace(/\s+/g, ' ')}…`,
            );
          }
        }
      }
      leaks += found.length;
      // The case did reach the reader (list, detail, tabs, and the three PDFs: plan, summary and
      // the letter telling the citizen of the processing), in both languages.
      expect(seen).toBeGreaterThanOrEqual(10);
      expect(pdfs).toBe(6);
      expect(found).toEqual([]);
    },
  );
});
