import { describe, expect, it } from 'vitest';
import { danishToday } from '../cases/chronology.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, fieldsOf } from '../../test/records.ts';
import { caller, richCase, t } from '../closure/closure.fixtures.ts';
import { addDays } from '../closure/dates.ts';
import { useFilingFixtures } from './filing.fixtures.ts';
import type { Filing, FilingList } from './schema.ts';

/**
 * A recorded filing corrected (journal number, day, with a reason, optimistic locking) or
 * withdrawn when recorded in error (with a reason; the row kept and marked): each a chronology
 * event in words and audit entries; bad input a Danish message on its field and nothing changed;
 * the case's abilities say who may do which.
 */
useFilingFixtures();

const today = () => danishToday(new Date());
const filings = (caseId: string) => `/api/cases/${caseId}/filings`;

async function filedCase(): Promise<{ caseId: string; filing: Filing }> {
  const c = await richCase();
  const res = await caller('member').post(filings(c.id), {
    document: 'plan',
    documentVersion: '1',
    journalNumber: '27.24.00-G01-1-26',
    filedOn: today(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { caseId: c.id, filing: res.json() as Filing };
}

/** The row and the chronology events of the filing, to check that a refused change wrote none. */
async function trace(caseId: string) {
  const db = t.database.db;
  const rows = await db
    .selectFrom('case_filings')
    .select(['id', 'journal_number', 'filed_on', 'version', 'withdrawn_at', 'withdrawal_reason'])
    .where('case_id', '=', caseId)
    .orderBy('recorded_at')
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select('kind')
    .where('case_id', '=', caseId)
    .where('kind', 'in', ['filing_corrected', 'filing_withdrawn'])
    .execute();
  return { rows, events: events.map((e) => e.kind) };
}

type Chronology = { items: { kind: string; changes: Record<string, unknown> }[] };

describe(`correcting and withdrawing a filing (${testEngine})`, () => {
  it('corrects the journal number and day with a reason: version moves, chronology says old → new, audit written', async () => {
    const { caseId, filing } = await filedCase();
    const url = `${filings(caseId)}/${filing.id}`;
    const yesterday = addDays(today(), -1);
    const res = await caller('member').patch(url, {
      version: filing.version,
      journalNumber: '27.24.00-G01-2-26',
      filedOn: today(),
      reason: 'Tastefejl i løbenummeret',
    });
    expect(res.statusCode, res.body).toBe(200);
    const corrected = res.json() as Filing;
    expect(corrected).toMatchObject({
      id: filing.id,
      journalNumber: '27.24.00-G01-2-26',
      version: filing.version + 1,
      withdrawn: null,
    });
    expect(corrected.correctedAt).not.toBeNull();
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit[0]).toMatchObject({ action: 'update', resource_type: 'case_filing' });
    expect(JSON.stringify(audit)).not.toContain('Tastefejl');

    const chronology = (
      await caller('coordinator').get(`/api/cases/${caseId}/chronology?kind=filing_corrected`)
    ).json() as Chronology;
    expect(chronology.items).toHaveLength(1);
    expect(chronology.items[0]?.changes).toEqual({
      document: { from: null, to: 'plan' },
      documentVersion: { from: null, to: '1' },
      journalNumber: { from: '27.24.00-G01-1-26', to: '27.24.00-G01-2-26' },
      correctionReason: { from: null, to: 'Tastefejl i løbenummeret' },
    });

    // A stale version is a 409 with the current one; nothing changes.
    const stale = await caller('coordinator').patch(url, {
      version: filing.version,
      journalNumber: 'ANDET-1',
      filedOn: yesterday,
      reason: 'Igen',
    });
    expect(stale.statusCode).toBe(409);
    const before = await trace(caseId);
    expect(before.rows[0]?.journal_number).toBe('27.24.00-G01-2-26');
    expect(before.events).toEqual(['filing_corrected']);
  });

  it('refuses a correction without a reason, with a bad number or day, or unchanged, with a Danish message, and changes nothing', async () => {
    const { caseId, filing } = await filedCase();
    const url = `${filings(caseId)}/${filing.id}`;
    const before = await trace(caseId);
    const body = (extra: Record<string, unknown>) => ({
      version: filing.version,
      journalNumber: 'SAG 12/3456',
      filedOn: today(),
      reason: 'Forkert sag',
      ...extra,
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: '' }, 'body.reason:required'],
      [{ reason: '   ' }, 'body.reason:required'],
      [{ journalNumber: '!!' }, 'body.journalNumber:journal_number_format'],
      [{ filedOn: addDays(today(), 1) }, 'body.filedOn:in_future'],
      [{ filedOn: '2020-01-01' }, 'body.filedOn:filed_before_document'],
      [{ journalNumber: filing.journalNumber }, 'body.journalNumber:filing_unchanged'],
    ];
    for (const [extra, expected] of cases) {
      const res = await caller('coordinator').patch(url, body(extra));
      expect(res.statusCode, expected).toBe(400);
      expect(fieldsOf(res), expected).toContain(expected);
    }
    const res = await caller('coordinator').patch(
      url,
      body({ journalNumber: filing.journalNumber }),
    );
    const message = (res.json() as { error: { fields: { message: string }[] } }).error.fields[0];
    expect(message?.message).toContain('Journalnummeret og datoen er de samme som før');
    expect(await trace(caseId)).toEqual(before);
  });

  it('withdraws a filing recorded in error: row kept and marked, chronology and audit; then it can be recorded again but not changed', async () => {
    const { caseId, filing } = await filedCase();
    const url = `${filings(caseId)}/${filing.id}`;
    // A caseworker records and corrects, but only a coordinator withdraws.
    const denied = await caller('member').post(`${url}/withdrawal`, {
      version: filing.version,
      reason: 'Forkert sag',
    });
    expect(denied.statusCode).toBe(403);
    const noReason = await caller('coordinator').post(`${url}/withdrawal`, {
      version: filing.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toContain('body.reason:required');
    expect((await trace(caseId)).events).toEqual([]);

    const res = await caller('coordinator').post(`${url}/withdrawal`, {
      version: filing.version,
      reason: 'Registreret på den forkerte sag',
    });
    expect(res.statusCode, res.body).toBe(200);
    const withdrawn = res.json() as Filing;
    expect(withdrawn.withdrawn).toMatchObject({ reason: 'Registreret på den forkerte sag' });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit[0]).toMatchObject({ action: 'update', resource_type: 'case_filing' });

    const chronology = (
      await caller('coordinator').get(`/api/cases/${caseId}/chronology?kind=filing_withdrawn`)
    ).json() as Chronology;
    expect(chronology.items[0]?.changes).toMatchObject({
      journalNumber: { to: '27.24.00-G01-1-26' },
      withdrawalReason: { to: 'Registreret på den forkerte sag' },
    });

    // Withdrawn: neither corrected nor withdrawn again (a Danish message), nothing changed.
    const again = await caller('coordinator').patch(url, {
      version: withdrawn.version,
      journalNumber: 'SAG 1',
      filedOn: today(),
      reason: 'x',
    });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toEqual(['filing.status:filing_withdrawn']);
    expect(
      (await caller('coordinator').post(`${url}/withdrawal`, { version: 2, reason: 'x' }))
        .statusCode,
    ).toBe(400);

    // The same version can be recorded again; the list shows both, the withdrawn one marked.
    const recorded = await caller('coordinator').post(filings(caseId), {
      document: 'plan',
      documentVersion: '1',
      journalNumber: 'SAG 12/3456',
      filedOn: today(),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const list = (await caller('coordinator').get(filings(caseId))).json() as FilingList;
    expect(list.items.map((f) => [f.journalNumber, f.withdrawn !== null])).toEqual([
      ['SAG 12/3456', false],
      ['27.24.00-G01-1-26', true],
    ]);
    expect((await trace(caseId)).rows).toHaveLength(2);
  });

  it('answers 404 for a non-member, a member who may not read the document, and a filing of another case', async () => {
    const { caseId, filing } = await filedCase();
    const other = await filedCase();
    const url = `${filings(caseId)}/${filing.id}`;
    const body = { version: 1, journalNumber: 'SAG 1', filedOn: today(), reason: 'x' };
    for (const who of ['outsider', 'mentor']) {
      expect((await caller(who).patch(url, body)).statusCode, who).toBe(404);
      expect(
        (await caller(who).post(`${url}/withdrawal`, { version: 1, reason: 'x' })).statusCode,
        who,
      ).toBe(404);
    }
    const foreign = `${filings(caseId)}/${other.filing.id}`;
    expect((await caller('coordinator').patch(foreign, body)).statusCode).toBe(404);
    expect(
      (await caller('coordinator').post(`${foreign}/withdrawal`, { version: 1, reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await trace(caseId)).events).toEqual([]);
    expect((await trace(other.caseId)).events).toEqual([]);
  });

  it("tells the web who may correct and withdraw through the case's abilities", async () => {
    const { caseId } = await filedCase();
    const abilities = async (who: string) =>
      (
        (await caller(who).get(`/api/cases/${caseId}`)).json() as {
          abilities: { filing: { read: boolean; write: boolean; approve: boolean } };
        }
      ).abilities.filing;
    expect(await abilities('coordinator')).toEqual({ read: true, write: true, approve: true });
    expect(await abilities('member')).toEqual({ read: true, write: true, approve: false });
  });
});
