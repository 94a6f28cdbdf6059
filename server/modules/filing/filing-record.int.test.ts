import { describe, expect, it } from 'vitest';
import { danishToday } from '../cases/chronology.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, fieldsOf } from '../../test/records.ts';
import { caller, proposeAndApprove, richCase, t } from '../closure/closure.fixtures.ts';
import { addDays } from '../closure/dates.ts';
import { filingTrace, setFiling, useFilingFixtures } from './filing.fixtures.ts';
import type { Filing, FilingList } from './schema.ts';

/**
 * "Registrer journalisering": the case records where and when a document version was filed, with
 * its chronology event and audit entries; the same version again answers the filing already
 * there; bad input is a Danish message on its field and nothing is stored; the settings' KLE
 * formats are checked the same way.
 */
useFilingFixtures();

const today = () => danishToday(new Date());
const filings = (caseId: string) => `/api/cases/${caseId}/filings`;
const body = (extra: Record<string, unknown> = {}) => ({
  document: 'case-summary',
  documentVersion: today(),
  journalNumber: '27.24.00-G01-1-26',
  filedOn: today(),
  ...extra,
});

describe(`recording a filing (${testEngine})`, () => {
  it('records the filing with its chronology event and audit; the same version again answers it', async () => {
    await setFiling({ filingKleCode: '27.24.00', recordSystemName: 'ESDH' });
    const c = await richCase();
    const res = await caller('member').post(filings(c.id), body());
    expect(res.statusCode, res.body).toBe(201);
    const filing = res.json() as Filing;
    expect(filing).toMatchObject({
      document: 'case-summary',
      documentVersion: today(),
      documentDate: today(),
      journalNumber: '27.24.00-G01-1-26',
      recordSystem: 'ESDH',
      kleCode: '27.24.00',
      filedOn: today(),
    });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]).toMatchObject({ action: 'create', resource_type: 'case_filing' });

    const chronology = (
      await caller('coordinator').get(`/api/cases/${c.id}/chronology?kind=document_filed`)
    ).json() as { items: { changes: Record<string, { to: unknown }> }[] };
    expect(chronology.items).toHaveLength(1);
    expect(chronology.items[0]?.changes).toMatchObject({
      document: { to: 'case-summary' },
      journalNumber: { to: '27.24.00-G01-1-26' },
      recordSystem: { to: 'ESDH' },
    });

    const again = await caller('coordinator').post(
      filings(c.id),
      body({ journalNumber: 'ANDET-1' }),
    );
    expect(again.statusCode).toBe(200);
    expect((again.json() as Filing).id).toBe(filing.id);
    expect(await filingTrace(c.id)).toEqual({
      filings: [{ id: filing.id, journal_number: '27.24.00-G01-1-26' }],
      events: 1,
    });

    const list = (await caller('coordinator').get(filings(c.id))).json() as FilingList;
    expect(list.items.map((f) => f.id)).toEqual([filing.id]);
    expect(list.documents.map((d) => [d.kind, d.version])).toEqual([
      ['case-summary', today()],
      ['plan', '1'],
    ]);
    expect(list).toMatchObject({ recordSystem: 'ESDH', kleCode: '27.24.00', nextCursor: null });
  });

  it('files the summary of a closed case, and pages the filings newest first', async () => {
    const c = await richCase();
    const { approved } = await proposeAndApprove(c, 'coordinator2');
    expect(approved.statusCode, approved.body).toBe(200);
    const plan = await caller('coordinator').post(
      filings(c.id),
      body({ document: 'plan', documentVersion: '1', journalNumber: 'SAG 12/3456' }),
    );
    expect(plan.statusCode, plan.body).toBe(201);
    const summary = await caller('coordinator').post(filings(c.id), body());
    expect(summary.statusCode, summary.body).toBe(201);
    const first = (
      await caller('coordinator').get(`${filings(c.id)}?limit=1`)
    ).json() as FilingList;
    expect(first.items.map((f) => f.document)).toEqual(['case-summary']);
    expect(first.nextCursor).not.toBeNull();
    const next = (
      await caller('coordinator').get(`${filings(c.id)}?limit=1&after=${first.nextCursor}`)
    ).json() as FilingList;
    expect(next.items.map((f) => f.journalNumber)).toEqual(['SAG 12/3456']);
    expect(next.nextCursor).toBeNull();
  });

  it('refuses a bad journal number, day or version with a Danish message on the field, and stores nothing', async () => {
    const c = await richCase();
    const before = await filingTrace(c.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ journalNumber: '!!' }, 'body.journalNumber:journal_number_format'],
      [{ journalNumber: '27.24.00  A53' }, 'body.journalNumber:journal_number_format'],
      [{ journalNumber: '' }, 'body.journalNumber:required'],
      [{ journalNumber: 'x'.repeat(61) }, 'body.journalNumber:too_big_string'],
      [{ filedOn: addDays(today(), 1) }, 'body.filedOn:in_future'],
      [{ filedOn: '2026-02-31' }, 'body.filedOn:date_not_exist'],
      [{ document: 'plan', documentVersion: '9' }, 'body.documentVersion:document_version_unknown'],
      [{ documentVersion: addDays(today(), 1) }, 'body.documentVersion:document_version_unknown'],
      [{ documentVersion: '1999-01-01' }, 'body.documentVersion:document_version_unknown'],
      [
        { document: 'plan', documentVersion: '1', filedOn: '2020-01-01' },
        'body.filedOn:filed_before_document',
      ],
    ];
    for (const [extra, expected] of cases) {
      const res = await caller('coordinator').post(filings(c.id), body(extra));
      expect(res.statusCode, expected).toBe(400);
      expect(fieldsOf(res), expected).toContain(expected);
    }
    const res = await caller('coordinator').post(filings(c.id), body({ journalNumber: '§§' }));
    const message = (res.json() as { error: { fields: { message: string }[] } }).error.fields[0];
    expect(message?.message).toContain('Journalnummeret kan kun indeholde bogstaver');
    expect(await filingTrace(c.id)).toEqual(before);
  });

  it('answers 404 to a non-member and to a member who may not read the document, and stores nothing', async () => {
    const c = await richCase();
    for (const who of ['outsider', 'mentor']) {
      const res = await caller(who).post(filings(c.id), body());
      expect(res.statusCode, who).toBe(404);
    }
    expect((await caller('outsider').get(filings(c.id))).statusCode).toBe(404);
    expect(await filingTrace(c.id)).toEqual({ filings: [], events: 0 });
  });

  it('refuses a KLE number or facet in another form on the settings, with a Danish message, and stores nothing', async () => {
    const admin = caller('admin');
    const before = (await admin.get('/api/municipality-settings')).json() as Record<
      string,
      unknown
    >;
    for (const [change, expected] of [
      [{ filingKleCode: '27.24' }, 'body.filingKleCode:kle_code_format'],
      [{ filingKleCode: '' }, 'body.filingKleCode:kle_code_format'],
      [{ filingKleFacet: 'g1' }, 'body.filingKleFacet:kle_facet_format'],
      [{ recordSystemName: 'x'.repeat(41) }, 'body.recordSystemName:too_big_string'],
    ] as const) {
      const res = await admin.patch('/api/municipality-settings', {
        version: before.version,
        ...change,
      });
      expect(res.statusCode, expected).toBe(400);
      expect(fieldsOf(res)).toEqual([expected]);
    }
    const res = await admin.patch('/api/municipality-settings', {
      version: before.version,
      filingKleCode: '1',
    });
    expect(
      (res.json() as { error: { fields: { message: string }[] } }).error.fields[0]?.message,
    ).toContain('Skriv KLE-emnenummeret');
    expect((await admin.get('/api/municipality-settings')).json()).toEqual(before);
  });
});
