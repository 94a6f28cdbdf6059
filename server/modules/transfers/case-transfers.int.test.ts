import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCase, fieldsOf } from '../../test/records.ts';
import { A, B, as, citizenOf, t, useTransferWorld, users } from './transfers.fixtures.ts';

/**
 * Issue 13 part 5: a case transferred to the municipality the citizen moves to. The receiving
 * municipality's coordinators see the incoming transfer's neutral facts, accept (a copy opens as
 * their own case, "Overtaget fra …") or decline with a reason; a third municipality sees nothing.
 */
useTransferWorld();

async function caseOfA() {
  const citizen = await citizenOf(A, '0101084321');
  const theCase = await createCase(t.database.db, {
    municipalityCode: A,
    persons: [{ id: citizen.id }],
    members: [{ userId: users.coordA!.id, role: 'coordinator' }],
  });
  return { ...theCase, citizen };
}

const propose = (caseId: string, body: Record<string, unknown> = {}, who = 'coordA') =>
  as[who]!.post(`/api/cases/${caseId}/transfers`, {
    id: randomUUID(),
    toMunicipalityCode: B,
    reason: 'Borgeren flytter til Frederiksberg 1. januar.',
    legalBasis: 'value_leap',
    parts: ['identity', 'work_summary'],
    ...body,
  });

describe('transferring a case to another municipality (issue 13 part 5)', () => {
  it('is proposed, seen by the receiver as neutral facts, and accepted as a copy', async () => {
    const theCase = await caseOfA();
    const proposed = await propose(theCase.id);
    expect(proposed.statusCode).toBe(201);
    const transfer = proposed.json<{ id: string; version: number }>();
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      from: { code: A },
      to: { code: B, name: 'Frederiksberg' },
      receivedCaseId: null,
    });

    // The receiving coordinators are told, without the case being named.
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'case_id'])
      .where('user_id', '=', users.coordB!.id)
      .execute();
    expect(told).toContainEqual({ kind: 'transfer_incoming', case_id: null });

    // The receiver's incoming list: the neutral facts, never the sending case.
    const incoming = await as.coordB!.get('/api/transfers/incoming?status=proposed');
    expect(incoming.statusCode).toBe(200);
    const item = incoming.json().items.find((i: { id: string }) => i.id === transfer.id);
    expect(item).toMatchObject({
      from: { code: A, name: 'København' },
      parts: ['identity', 'work_summary'],
    });
    expect(JSON.stringify(incoming.json())).not.toContain(theCase.id);
    expect(JSON.stringify(incoming.json())).not.toContain('Borgersen');
    // Until accepted, the receiver cannot open the sending case.
    expect((await as.coordB!.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);

    const accepted = await as.coordB!.post(`/api/transfers/${transfer.id}/accept`, {
      version: transfer.version,
    });
    expect(accepted.statusCode).toBe(200);
    const copyId = accepted.json().receivedCaseId as string;
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(copyId).toMatch(/^[0-9a-f-]{36}$/);

    // The copy: B's own case, with the person's identifying facts and the work summary, never
    // the compartment, and the chronology's "Overtaget fra København".
    const copy = await as.coordB!.get(`/api/cases/${copyId}`);
    expect(copy.statusCode).toBe(200);
    const body = JSON.stringify(copy.json());
    expect(body).toContain('Borgersen');
    expect(body).toContain('Mentorforløb og samtaler med familien.');
    expect(body).not.toContain('højreekstremistisk');
    const row = await t.database.db
      .selectFrom('cases')
      .select(['municipality_code', 'extremism_form', 'concern_summary'])
      .where('id', '=', copyId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ municipality_code: B, extremism_form: null, concern_summary: null });
    const chronology = await as.coordB!.get(`/api/cases/${copyId}/chronology`);
    expect(JSON.stringify(chronology.json())).toContain('transfer_received');
    expect(JSON.stringify(chronology.json())).toContain('København');

    // The sender: the chronology records the acceptance; the register records the disclosure;
    // the sender never sees the receiver's copy.
    const sender = await as.coordA!.get(`/api/cases/${theCase.id}/transfers`);
    expect(sender.json().items[0]).toMatchObject({ status: 'accepted', receivedCaseId: null });
    const answered = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', users.coordA!.id)
      .where('case_id', '=', theCase.id)
      .execute();
    expect(answered).toEqual([{ kind: 'transfer_answered' }]);
    const senderChronology = await as.coordA!.get(`/api/cases/${theCase.id}/chronology`);
    expect(JSON.stringify(senderChronology.json())).toContain('transfer_accepted');
    const register = await as.dpoA!.post('/api/disclosures/search', {
      personId: theCase.citizen.id,
    });
    expect(register.json().items).toEqual([
      expect.objectContaining({
        recipientOrganisation: 'Frederiksberg',
        productSource: 'case_transfer',
      }),
    ]);
    expect((await as.coordA!.get(`/api/cases/${copyId}`)).statusCode).toBe(404);
  });

  it('is invisible to a third municipality and to the receiver’s other roles (404 / 403)', async () => {
    const theCase = await caseOfA();
    const transfer = (await propose(theCase.id)).json<{ id: string }>();
    expect((await as.coordC!.get(`/api/transfers/${transfer.id}`)).statusCode).toBe(404);
    const listC = await as.coordC!.get('/api/transfers/incoming');
    expect(listC.json().items.map((i: { id: string }) => i.id)).not.toContain(transfer.id);
    const accept = await as.coordC!.post(`/api/transfers/${transfer.id}/accept`, { version: 1 });
    expect(accept.statusCode).toBe(404);
    expect((await as.coordA!.get(`/api/transfers/${transfer.id}`)).statusCode).toBe(404);
    expect((await as.caseworkerB!.get(`/api/transfers/${transfer.id}`)).statusCode).toBe(403);
    const status = await t.database.db
      .selectFrom('case_transfers')
      .select('status')
      .where('id', '=', transfer.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('proposed');
  });

  it('is declined only with a reason, which the sending case then shows', async () => {
    const theCase = await caseOfA();
    const transfer = (await propose(theCase.id)).json<{ id: string }>();
    const noReason = await as.coordB!.post(`/api/transfers/${transfer.id}/decline`, {
      version: 1,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['body.reason:transfer_decline_reason_required']);
    expect(noReason.json().error.fields[0].message).toMatch(/^Skriv, hvorfor/);
    const declined = await as.coordB!.post(`/api/transfers/${transfer.id}/decline`, {
      version: 1,
      reason: 'Borgeren er ikke tilflyttet.',
    });
    expect(declined.statusCode).toBe(200);
    const sender = await as.coordA!.get(`/api/cases/${theCase.id}/transfers`);
    expect(sender.json().items[0]).toMatchObject({
      status: 'declined',
      declineReason: 'Borgeren er ikke tilflyttet.',
    });
    // Answered: a second answer is a conflict.
    const again = await as.coordB!.post(`/api/transfers/${transfer.id}/accept`, { version: 1 });
    expect(again.statusCode).toBe(409);
  });

  it('refuses one’s own municipality, an unknown one and a basis that does not fit, storing nothing', async () => {
    const theCase = await caseOfA();
    const own = await propose(theCase.id, { toMunicipalityCode: A });
    expect(fieldsOf(own)).toEqual(['body.toMunicipalityCode:transfer_own_municipality']);
    const unknown = await propose(theCase.id, { toMunicipalityCode: '000' });
    expect(fieldsOf(unknown)).toEqual(['body.toMunicipalityCode:transfer_municipality_unknown']);
    // § 115 (SSP) covers the police and the municipality's own units, not another municipality.
    const ssp = await propose(theCase.id, { legalBasis: 'rpl_115_ssp' });
    expect(ssp.statusCode).toBe(400);
    expect(fieldsOf(ssp)).toEqual(['body.legalBasis:basis_kind_not_covered']);
    // Consent needs the case's consent covering the sharing (transfer-consent.int.test.ts).
    const consent = await propose(theCase.id, { legalBasis: 'consent' });
    expect(fieldsOf(consent)).toEqual(['body.consentId:transfer_consent_required']);
    const rows = await t.database.db
      .selectFrom('case_transfers')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('allows one open proposal per case and answers the same id again (idempotent)', async () => {
    const theCase = await caseOfA();
    const id = randomUUID();
    expect((await propose(theCase.id, { id })).statusCode).toBe(201);
    expect((await propose(theCase.id, { id })).statusCode).toBe(200);
    const second = await propose(theCase.id);
    expect(fieldsOf(second)).toEqual(['case.status:transfer_already_proposed']);
  });
});
