import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encryptField } from '../../platform/crypto.ts';
import { testKeys } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { cprContext } from '../persons/queries.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { auditRowsOf } from '../../test/records.ts';
import { caller, person, richCase, sister, t, unit } from '../closure/closure.fixtures.ts';
import { metadataOf, setFiling, useFilingFixtures } from './filing.fixtures.ts';
import type { FilingExport } from './schema.ts';

/**
 * The filing export of a case document (GET /api/cases/:id/filing-export?document=…): the PDF as
 * the reader may see it inside the metadata a record system needs, a neutral case title for
 * everyone, CPR numbers only when the settings say so, audited as a read in the same request,
 * and 404 for whoever may not read the document.
 */
useFilingFixtures();

const WORDS = /radikalis|ekstremis|radicalis|extremis|højreekstrem|12 b/i;
const url = (caseId: string, kind: string) => `/api/cases/${caseId}/filing-export?document=${kind}`;

async function exported(who: string, caseId: string, kind: string, lang = 'da') {
  const res = await caller(who).get(url(caseId, kind), { 'accept-language': lang });
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: res.json() as FilingExport };
}
const pdfOf = (body: FilingExport) => Buffer.from(body.document.contentBase64, 'base64');

describe(`the filing export (${testEngine})`, () => {
  it('holds the case summary PDF with the metadata a record system needs: neutral title, KLE, dates, parties, unit and coordinator', async () => {
    await setFiling({ filingKleCode: '27.24.00', filingKleFacet: 'G01', recordSystemName: 'ESDH' });
    const c = await richCase();
    await t.database.db
      .updateTable('case_members')
      .set({ unit_id: unit.id })
      .where('case_id', '=', c.id)
      .execute();
    const { res, body } = await exported('coordinator', c.id, 'case-summary');
    const pdf = pdfOf(body);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.document.size).toBe(pdf.length);
    expect(body.document.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(body).toMatchObject({
      format: 'tovholder-filing/1',
      recordSystem: 'ESDH',
      case: {
        id: c.id,
        reference: c.reference,
        title: `Forebyggende indsats – sag ${c.reference}`,
        kleCode: '27.24.00',
        kleFacet: 'G01',
        status: 'active',
        closedOn: null,
        responsibleUnit: unit.name,
      },
      document: { kind: 'case-summary', title: 'Sagsresumé', mediaType: 'application/pdf' },
    });
    expect(body.case.openedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.document.version).toBe(body.document.date);
    // The file name carries the reference and the day, never a person's data.
    expect(body.document.fileName).toBe(`sagsresume-${c.reference}-${body.document.date}.pdf`);
    expect(body.parties).toEqual([
      {
        name: person.name,
        role: 'citizen',
        roleLabel: 'Borger',
        birthDate: '2010-03-14',
        cpr: null,
      },
      {
        name: sister.name,
        role: 'younger_sibling',
        roleLabel: 'Yngre søskende',
        birthDate: '2010-03-14',
        cpr: null,
      },
    ]);
    // Audited as a read of each person of the case, in the request that read them.
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => [a.action, a.subject_person_id]).sort()).toEqual(
      [
        ['read', person.id],
        ['read', sister.id],
      ].sort(),
    );
    expect(audit[0]?.details).toMatchObject({ read: 'filing_export', document: 'case-summary' });
  });

  it('exports the action plan in its approved version', async () => {
    const c = await richCase();
    const { body } = await exported('coordinator', c.id, 'plan', 'en');
    expect(body.document).toMatchObject({
      kind: 'plan',
      version: '1',
      title: 'Action plan, version 1',
    });
    expect(body.document.fileName).toBe(`handleplan-${c.reference}-v1.pdf`);
    expect(body.case.title).toBe(`Preventive work – case ${c.reference}`);
    expect(await pdfText(pdfOf(body))).toContain('Fastholde skolegang');
  });

  it('carries the CPR numbers only when the settings say so', async () => {
    const c = await richCase();
    await setFiling({ filingIncludeCpr: true });
    try {
      await t.database.db
        .updateTable('persons')
        .set({ cpr_enc: encryptField(testKeys.secret, '1403101234', cprContext(person.id)) })
        .where('id', '=', person.id)
        .execute();
      const { res, body } = await exported('coordinator', c.id, 'case-summary');
      expect(body.parties.find((p) => p.role === 'citizen')?.cpr).toBe('140310-1234');
      expect(body.parties.find((p) => p.role === 'younger_sibling')?.cpr).toBeNull();
      const audit = await auditRowsOf(t.database.db, res);
      expect(audit[0]?.details).toMatchObject({ cpr: true });
    } finally {
      await setFiling({ filingIncludeCpr: false });
    }
  });

  it('ASVS 8.2.3: a member without the compartment finds no concern word in the title, the metadata or the PDF, in Danish or English', async () => {
    const c = await richCase();
    for (const lang of ['da', 'en']) {
      for (const kind of ['case-summary', 'plan']) {
        const { body } = await exported('member', c.id, kind, lang);
        expect(metadataOf(body), `${kind} ${lang}`).not.toMatch(WORDS);
        expect(await pdfText(pdfOf(body)), `${kind} ${lang}`).not.toMatch(WORDS);
      }
    }
    // The coordinator's summary holds the concern (the compartment), yet the title never does.
    const { body } = await exported('coordinator', c.id, 'case-summary');
    expect(await pdfText(pdfOf(body))).toMatch(WORDS);
    expect(metadataOf(body)).not.toMatch(WORDS);
  });

  it('answers 404 as for a missing case to a non-member, and to a member who may not read the document', async () => {
    const c = await richCase();
    const missing = await caller('coordinator').get(url(randomUUID(), 'case-summary'));
    expect(missing.statusCode).toBe(404);
    for (const [who, kind] of [
      ['outsider', 'case-summary'],
      ['mentor', 'case-summary'],
      ['mentor', 'plan'],
    ] as const) {
      const res = await caller(who).get(url(c.id, kind));
      expect(res.statusCode, `${who} ${kind}`).toBe(404);
      expect((res.json() as { error: { code: string } }).error.code).toBe('not_found');
      expect(await auditRowsOf(t.database.db, res)).toEqual([]);
    }
    const unknown = await caller('coordinator').get(url(c.id, 'minutes'));
    expect(unknown.statusCode).toBe(400);
  });
});
