import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, type ErrorBody } from '../../test/records.ts';
import { pdfText } from '../../test/pdf-text.ts';
import {
  caller,
  citizenWithFile,
  registerBody,
  requestTrace,
  t,
  useAccessRequestFixtures,
} from './access-requests.fixtures.ts';
import type { AccessRequest } from './schema.ts';

/**
 * Review item by item (release, withhold, redact with a reason and an exemption), the second
 * person's approval (four-eyes), the release recorded as a disclosure to the citizen and in the
 * case's chronology, and the package PDF: only released items, redactions marked, no withheld
 * item, no employee name. Every refusal stores nothing; stale versions are 409.
 */
useAccessRequestFixtures();

const URL = '/api/access-requests';
const fieldsOf = (res: { json(): unknown }) => (res.json() as ErrorBody).error.fields ?? [];

async function registered() {
  const file = await citizenWithFile();
  const res = await caller('dpo').post(URL, registerBody(file.citizen.id));
  if (res.statusCode !== 201) throw new Error(res.body);
  return { ...file, request: res.json() as AccessRequest };
}

function itemOf(request: AccessRequest, source: string) {
  const item = request.items.find((i) => i.source === source);
  if (!item) throw new Error(`no ${source} item`);
  return item;
}

describe(`reviewing, approving and releasing (${testEngine})`, () => {
  it('refuses a withhold without reason or exemption, a redaction without lines and a stale version — nothing stored', async () => {
    const { citizen, request } = await registered();
    const item = itemOf(request, 'case');
    const at = `${URL}/${request.id}/items/${item.id}`;
    const bare = await caller('dpo').put(at, { decision: 'withhold', version: item.version });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare).map((f) => `${f.field}:${f.code}`)).toEqual([
      'body.exemption:access_exemption_required',
      'body.reason:access_reason_required',
    ]);
    expect(fieldsOf(bare)[1]?.message).toBe(
      'Skriv begrundelsen for, at oplysningerne ikke udleveres.',
    );
    const noLines = await caller('dpo').put(at, {
      decision: 'redact',
      exemption: 'third_party',
      reason: 'Søsteren er tredjemand',
      version: item.version,
    });
    expect(fieldsOf(noLines).map((f) => f.code)).toEqual(['access_lines_required']);
    const unknownExemption = await caller('dpo').put(at, {
      decision: 'withhold',
      exemption: 'because',
      reason: 'x',
      version: item.version,
    });
    expect(unknownExemption.statusCode).toBe(400);
    const stale = await caller('dpo').put(at, { decision: 'release', version: item.version + 1 });
    expect(stale.statusCode).toBe(409);
    const trace = await requestTrace(citizen.id);
    expect(trace.items.every((i) => i.decision === 'pending' && i.version === 1)).toBe(true);
  });

  it('refuses approving one’s own review and releasing before approval — nothing stored', async () => {
    const { citizen, request } = await registered();
    let current = request;
    for (const item of request.items) {
      const res = await caller('dpo').put(`${URL}/${request.id}/items/${item.id}`, {
        decision: 'release',
        version: item.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      current = res.json() as AccessRequest;
    }
    expect(current.abilities).toMatchObject({ review: true, approve: false });

    const early = await caller('dpo2').post(`${URL}/${request.id}/release`, {
      version: current.version,
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)[0]).toMatchObject({
      code: 'access_not_approved',
      message: 'Anmodningen skal godkendes af en anden, før pakken kan udleveres.',
    });

    const own = await caller('dpo').post(`${URL}/${request.id}/approve`, {
      version: current.version,
    });
    expect(own.statusCode).toBe(400);
    expect(fieldsOf(own).map((f) => f.code)).toEqual(['access_own_review']);
    const trace = await requestTrace(citizen.id);
    expect(trace.requests).toEqual([
      expect.objectContaining({ status: 'in_review', version: current.version }),
    ]);

    const stale = await caller('dpo2').post(`${URL}/${request.id}/approve`, {
      version: current.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const approved = await caller('dpo2').post(`${URL}/${request.id}/approve`, {
      version: current.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as AccessRequest).status).toBe('approved');
  });

  it('releases only released items as a PDF with redactions marked, recorded as a disclosure and in the chronology', async () => {
    const { citizen, sister, theCase, request } = await registered();
    const caseItem = itemOf(request, 'case');
    const sisterLine = caseItem.lines.findIndex((l) => l.value.includes(sister.name));
    const disclosureItem = itemOf(request, 'disclosure');
    const decisions: Record<string, Record<string, unknown>> = {
      [caseItem.id]: {
        decision: 'redact',
        exemption: 'third_party',
        reason: 'Søsteren er tredjemand og har ikke samtykket',
        redactedLines: [sisterLine],
      },
      [disclosureItem.id]: {
        decision: 'withhold',
        exemption: 'police_section_115',
        reason: 'Oplysninger delt med politiet i SSP efter § 115',
      },
    };
    let current = request;
    for (const item of request.items) {
      const res = await caller('dpo2').put(`${URL}/${request.id}/items/${item.id}`, {
        decision: 'release',
        ...decisions[item.id],
        version: item.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      current = res.json() as AccessRequest;
    }
    expect(current.abilities.approve).toBe(false);
    expect((await caller('dpo').get(`${URL}/${request.id}/package.pdf`)).statusCode).toBe(400);

    const approved = await caller('dpo').post(`${URL}/${request.id}/approve`, {
      version: current.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const ready = approved.json() as AccessRequest;
    expect(ready.abilities).toMatchObject({ review: false, approve: false, release: true });

    const released = await caller('dpo').post(`${URL}/${request.id}/release`, {
      version: ready.version,
    });
    expect(released.statusCode, released.body).toBe(200);
    expect((released.json() as AccessRequest).status).toBe('released');
    const twice = await caller('dpo').post(`${URL}/${request.id}/release`, {
      version: ready.version + 1,
    });
    expect(fieldsOf(twice).map((f) => f.code)).toEqual(['access_already_released']);

    const db = t.database.db;
    const entry = await db
      .selectFrom('disclosures as d')
      .innerJoin('disclosure_persons as p', 'p.disclosure_id', 'd.id')
      .select(['d.recipient_kind', 'd.channel', 'd.product_source', 'd.legal_basis'])
      .where('p.person_id', '=', citizen.id)
      .where('d.recipient_kind', '=', 'citizen')
      .execute();
    expect(entry).toEqual([
      {
        recipient_kind: 'citizen',
        channel: 'product',
        product_source: 'access_request_package',
        legal_basis: 'Databeskyttelsesforordningen art. 15 (indsigtsret)',
      },
    ]);
    const events = await db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', theCase.id)
      .where('kind', '=', 'access_request_released')
      .execute();
    expect(events).toHaveLength(1);

    const pdf = await caller('dpo2').get(`${URL}/${request.id}/package.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(theCase.reference);
    expect(text).toContain(citizen.name);
    expect(text).toContain('[Udeladt: Oplysninger om andre personer]');
    expect(text).toContain('Samtale med skolen om trivsel');
    // Not the redacted sister, not the withheld disclosure, no employee's name.
    expect(text).not.toContain('Søstersen');
    expect(text).not.toContain('Politiets SSP-kontakt');
    expect(text).not.toContain('Retsplejeloven § 115 (SSP)');
    expect(text).not.toMatch(/Test Bruger/);
    const audit = await auditRowsOf(db, pdf);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'export',
        resource_type: 'access_request',
        subject_person_id: citizen.id,
      }),
    ]);
  });

  it('titles a redacted item by its kind alone, so a redacted recipient is nowhere in the package', async () => {
    const { request } = await registered();
    const disclosureItem = itemOf(request, 'disclosure');
    const recipientLine = disclosureItem.lines.findIndex((l) => l.label === 'recipient');
    expect(recipientLine).toBeGreaterThanOrEqual(0);
    const recipient = disclosureItem.lines[recipientLine]?.value ?? '';
    expect(disclosureItem.title).toContain(recipient);
    let current = request;
    for (const item of request.items) {
      const redact = item.id === disclosureItem.id;
      const res = await caller('dpo2').put(`${URL}/${request.id}/items/${item.id}`, {
        decision: redact ? 'redact' : 'release',
        ...(redact && {
          exemption: 'police_section_115',
          reason: 'Modtageren er politiet; oplyses ikke',
          redactedLines: [recipientLine],
        }),
        version: item.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      current = res.json() as AccessRequest;
    }
    const approved = await caller('dpo').post(`${URL}/${request.id}/approve`, {
      version: current.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const released = await caller('dpo').post(`${URL}/${request.id}/release`, {
      version: (approved.json() as AccessRequest).version,
    });
    expect(released.statusCode, released.body).toBe(200);
    const pdf = await caller('dpo').get(`${URL}/${request.id}/package.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Videregivelse');
    expect(text).not.toContain(recipient);
  });
});
