import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeamCase, logInAll, newMember } from '../../test/case-team.ts';
import { pdfText } from '../../test/pdf-text.ts';
import type { Client } from '../../test/records.ts';

/**
 * Retsplejeloven § 115 (issue 13 part 3): what the municipality shares with the police is for
 * crime prevention only, never for investigation. A police user's view of a case carries the
 * purpose (`access.purposeLimit`), every case document they download states it under the
 * letterhead and at the foot of every page, and the filing export — the municipality's own
 * record — is not theirs to take. The municipality's own readers see none of it.
 */
let t: TestApp;
let caseId: string;
const as: Record<string, Client> = {};
const MARK = 'Retsplejelovens § 115: kun til kriminalpræventivt formål, ikke til efterforskning';
const STATEMENT = 'efter retsplejelovens § 115 alene til kriminalpræventivt formål';

beforeAll(async () => {
  t = await startTestApp();
  const team = await createTeamCase(t.database.db, ['coordinator']);
  caseId = team.theCase.id;
  await logInAll(t, team.users, as);
  as.police = (await newMember(t, caseId, ['police_contact'])).as;
});
afterAll(() => t.close());

const textOf = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');

describe('the § 115 purpose limit of a police user', () => {
  it('is part of the police user’s view of the case, and absent from the coordinator’s', async () => {
    const police = await callerIn(as, 'police').get(`/api/cases/${caseId}`);
    expect(police.statusCode).toBe(200);
    const body = police.json() as {
      access: { purposeLimit: string | null };
      abilities: { filing: { read: boolean; write: boolean } };
    };
    expect(body.access.purposeLimit).toBe('crime_prevention_115');
    expect(body.abilities.filing).toMatchObject({ read: false, write: false });

    const own = (await callerIn(as, 'coordinator').get(`/api/cases/${caseId}`)).json() as {
      access: { purposeLimit: string | null };
      abilities: { filing: { read: boolean } };
    };
    expect(own.access.purposeLimit).toBeNull();
    expect(own.abilities.filing.read).toBe(true);
  });

  it('is stated on every page of the case summary the police user downloads', async () => {
    const res = await callerIn(as, 'police').get(`/api/cases/${caseId}/summary.pdf`);
    expect(res.statusCode).toBe(200);
    const text = await textOf(res.rawPayload);
    expect(text).toContain(STATEMENT);
    const pages = (text.match(/Side \d+ af (\d+)/) ?? [])[1];
    expect(Number(pages)).toBeGreaterThan(0);
    expect(text.split(MARK).length - 1).toBe(Number(pages));

    const own = await textOf(
      (await callerIn(as, 'coordinator').get(`/api/cases/${caseId}/summary.pdf`)).rawPayload,
    );
    expect(own).not.toContain('§ 115');
  });

  it('keeps the filing export from the police user (403), and lets the coordinator have it', async () => {
    const police = await callerIn(as, 'police').get(
      `/api/cases/${caseId}/filing-export?document=case-summary`,
    );
    expect(police.statusCode).toBe(403);
    const own = await callerIn(as, 'coordinator').get(
      `/api/cases/${caseId}/filing-export?document=case-summary`,
    );
    expect(own.statusCode).toBe(200);
  });
});
