import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCase, fieldsOf } from '../../test/records.ts';
import { A, B, as, citizenOf, t, useTransferWorld, users } from './transfers.fixtures.ts';

/**
 * Consent-based transfers (issue 13 parts 4 and 5, docs/TRANSFERS.md): on the consent basis the
 * coordinator names the case's consent, which must be valid today and cover a single disclosure
 * to another municipality of what the parts copy; otherwise the proposal is refused on
 * `body.consentId` and nothing is stored. A consent withdrawn before the answer stops the
 * acceptance.
 */
useTransferWorld();

const addDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Copenhagen',
  });

async function caseOfA() {
  const citizen = await citizenOf(A, '0101084321');
  const theCase = await createCase(t.database.db, {
    municipalityCode: A,
    persons: [{ id: citizen.id }],
    members: [{ userId: users.coordA!.id, role: 'coordinator' }],
  });
  return { ...theCase, citizen };
}

type ConsentScope = {
  uses?: string[];
  categories?: string[];
  organisation_kinds?: string[];
  withdrawn_on?: string | null;
};

/** A written, signed consent of the case's citizen, covering a transfer unless told otherwise. */
async function consentOf(c: Awaited<ReturnType<typeof caseOfA>>, scope: ConsentScope = {}) {
  const row = await t.database.db
    .insertInto('case_consents')
    .values({
      case_id: c.id,
      person_id: c.citizen.id,
      given_by: 'person',
      purpose: 'Overførsel af sagen til Frederiksberg Kommune',
      method: 'written',
      given_on: addDays(-5),
      signed_on: addDays(-5),
      uses: scope.uses ?? ['single_disclosure'],
      categories: scope.categories ?? ['identity', 'case_history'],
      organisation_kinds: scope.organisation_kinds ?? ['other_municipality'],
      withdrawn_on: scope.withdrawn_on ?? null,
      recorded_by: users.coordA!.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const propose = (caseId: string, body: Record<string, unknown>) =>
  as.coordA!.post(`/api/cases/${caseId}/transfers`, {
    id: randomUUID(),
    toMunicipalityCode: B,
    reason: 'Borgeren flytter til Frederiksberg.',
    legalBasis: 'consent',
    parts: ['identity', 'work_summary'],
    ...body,
  });

async function transfersOf(caseId: string) {
  return t.database.db
    .selectFrom('case_transfers')
    .select(['id', 'consent_id', 'status'])
    .where('case_id', '=', caseId)
    .execute();
}

describe('a transfer on the consent basis (issue 13 part 4)', () => {
  it('is accepted when the case’s consent covers it, and the copy is made', async () => {
    const c = await caseOfA();
    const consentId = await consentOf(c);
    const res = await propose(c.id, { consentId });
    expect(res.statusCode, res.body).toBe(201);
    expect(await transfersOf(c.id)).toEqual([
      { id: res.json().id, consent_id: consentId, status: 'proposed' },
    ]);
    const accepted = await as.coordB!.post(`/api/transfers/${res.json().id}/accept`, {
      version: res.json().version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
  });

  it('covers only the work summary with a consent naming the case history alone', async () => {
    const c = await caseOfA();
    const consentId = await consentOf(c, { categories: ['case_history'] });
    const both = await propose(c.id, { consentId });
    expect(fieldsOf(both)).toEqual(['body.consentId:transfer_consent_not_covering']);
    const summary = await propose(c.id, { consentId, parts: ['work_summary'] });
    expect(summary.statusCode, summary.body).toBe(201);
  });

  const refused: [string, ConsentScope][] = [
    ['withdrawn', { withdrawn_on: addDays(-1) }],
    ['withdrawn today', { withdrawn_on: addDays(0) }],
    ['for another kind of recipient', { organisation_kinds: ['school', 'psychiatry'] }],
    ['for counselling only', { uses: ['counselling'] }],
    ['for standing access only', { uses: ['standing_access'] }],
  ];
  it.each(refused)('is refused with a consent %s, nothing stored', async (_label, scope) => {
    const c = await caseOfA();
    const consentId = await consentOf(c, scope);
    const res = await propose(c.id, { consentId });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.consentId:transfer_consent_not_covering']);
    expect(await transfersOf(c.id)).toEqual([]);
  });

  it('is refused without a consent, or with another case’s consent', async () => {
    const c = await caseOfA();
    const none = await propose(c.id, {});
    expect(fieldsOf(none)).toEqual(['body.consentId:transfer_consent_required']);
    const other = await caseOfA();
    const othersConsent = await consentOf(other);
    const foreign = await propose(c.id, { consentId: othersConsent });
    expect(fieldsOf(foreign)).toEqual(['body.consentId:transfer_consent_not_covering']);
    const unknown = await propose(c.id, { consentId: randomUUID() });
    expect(fieldsOf(unknown)).toEqual(['body.consentId:transfer_consent_not_covering']);
    expect(await transfersOf(c.id)).toEqual([]);
  });

  it('cannot be accepted once the consent is withdrawn; it can still be declined', async () => {
    const c = await caseOfA();
    const consentId = await consentOf(c);
    const res = await propose(c.id, { consentId });
    expect(res.statusCode, res.body).toBe(201);
    await t.database.db
      .updateTable('case_consents')
      .set({ withdrawn_on: addDays(0) })
      .where('id', '=', consentId)
      .execute();
    const id = res.json().id as string;
    const accepted = await as.coordB!.post(`/api/transfers/${id}/accept`, {
      version: res.json().version,
    });
    expect(accepted.statusCode).toBe(400);
    expect(fieldsOf(accepted)).toEqual(['transfer.consent:transfer_consent_no_longer_valid']);
    expect(await transfersOf(c.id)).toEqual([{ id, consent_id: consentId, status: 'proposed' }]);
    const declined = await as.coordB!.post(`/api/transfers/${id}/decline`, {
      version: res.json().version,
      reason: 'Samtykket er trukket tilbage.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
  });
});
