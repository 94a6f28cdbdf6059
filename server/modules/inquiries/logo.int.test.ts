import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogo, drawPng } from '../../demo/logo.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import type { Client, ErrorBody } from '../../test/records.ts';
import { createUser } from '../../test/users.ts';

/**
 * The municipality's logo in the letterhead of its documents (issue 12 part 6): a PNG or JPEG
 * of at most 200 kB, recognised by its bytes; set and removed by the municipal administrator with
 * optimistic locking and an audit entry; drawn in every PDF of the municipality's cases.
 */
interface Logo {
  version: number;
  logo: { mediaType: string; dataUrl: string; bytes: number } | null;
}

let t: TestApp;
let caseId = '';
const as: Record<string, Client> = {};
const caller = (name: string): Client => callerIn(as, name);

beforeAll(async () => {
  // The production limit (1 MiB) rather than the tests' 64 KiB: a logo over 200 kB must arrive.
  t = await startTestApp({ bodyLimitBytes: 1024 * 1024 });
  const { users, theCase } = await createTeamCase(t.database.db, ['coordinator']);
  caseId = theCase.id;
  const admin = await createUser(t.database.db, { roles: ['municipal_admin'] });
  await logInAll(t, { ...users, admin }, as);
});
afterAll(() => t.close());

const put = (version: number, image: Buffer | string | null, who = 'admin') =>
  caller(who).put('/api/municipality-settings/logo', {
    version,
    image: Buffer.isBuffer(image) ? image.toString('base64') : image,
  });
const rows = () => t.database.db.selectFrom('municipality_logos').selectAll().execute();
const logoAudits = async () =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('resource_type', '=', 'municipality_logo')
      .execute()
  ).length;
const summaryPdf = async () => {
  const res = await caller('coordinator').get(`/api/cases/${caseId}/summary.pdf`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload.toString('latin1');
};

/** The field problem of a refused upload, in Danish. */
const problemOf = (res: { statusCode: number; json: () => unknown }) => {
  expect(res.statusCode).toBe(400);
  const fields = (res.json() as ErrorBody).error.fields ?? [];
  expect(fields.map((f) => f.field)).toEqual(['body.image']);
  return fields[0];
};

describe(`the municipality's logo (${testEngine})`, () => {
  it('refuses a file that is no PNG or JPEG, whatever it claims, and one over 200 kB: nothing stored', async () => {
    const before = { rows: await rows(), audits: await logoAudits() };
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const text = Buffer.from('%PDF-1.7 not a picture at all');
    // Starts like a PNG but is none: pdfkit could not draw it.
    const fakePng = Buffer.concat([demoLogo().subarray(0, 8), Buffer.from('rubbish')]);
    for (const bad of [gif, text, fakePng]) {
      const problem = problemOf(await put(0, bad));
      expect(problem?.code).toBe('logo_type');
      expect(problem?.message).toContain('PNG- eller JPEG-billede');
    }
    // Just over 200 kB: a real PNG with noise behind it.
    const big = Buffer.concat([demoLogo(), Buffer.alloc(200 * 1024, 7)]);
    const tooLarge = problemOf(await put(0, big));
    expect(tooLarge?.code).toBe('logo_too_large');
    expect(tooLarge?.message).toBe(
      'Logoet må højst fylde 200 kB. Gør billedet mindre (færre pixels eller stærkere komprimering), og prøv igen.',
    );
    expect(problemOf(await put(0, 'not base64!'))?.code).toBe('invalid_format');
    expect(await rows()).toEqual(before.rows);
    expect(await logoAudits()).toBe(before.audits);
  });

  it('is set and removed by the administrator only, with optimistic locking and audit', async () => {
    const none = await caller('coordinator').get('/api/municipality-settings/logo');
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toEqual({ version: 0, logo: null });
    expect((await put(0, demoLogo(), 'coordinator')).statusCode).toBe(403);

    const audits = await logoAudits();
    const set = await put(0, demoLogo());
    expect(set.statusCode, set.body).toBe(200);
    const saved = set.json() as Logo;
    expect(saved.version).toBe(1);
    expect(saved.logo).toMatchObject({ mediaType: 'image/png', bytes: demoLogo().length });
    expect(saved.logo?.dataUrl).toBe(`data:image/png;base64,${demoLogo().toString('base64')}`);
    expect(await logoAudits()).toBe(audits + 1);

    const stale = await put(
      0,
      drawPng(4, 4, () => [0, 0, 0]),
    );
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.meta).toEqual({ currentVersion: 1 });

    const removed = await put(1, null);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ version: 2, logo: null });
    expect(await logoAudits()).toBe(audits + 2);
  });

  it('is drawn in the letterhead of the case summary as an image', async () => {
    const current = (await caller('admin').get('/api/municipality-settings/logo')).json() as Logo;
    if (current.logo) expect((await put(current.version, null)).statusCode).toBe(200);
    const version = current.logo ? current.version + 1 : current.version;
    expect(await summaryPdf()).not.toMatch(/\/Subtype \/Image/);

    expect((await put(version, demoLogo())).statusCode).toBe(200);
    expect(await summaryPdf()).toMatch(/\/Subtype \/Image/);
  });
});
