import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createInquiryRow, fieldsOf } from '../../test/records.ts';
import { A, B, as, citizenOf, t, useTransferWorld, users } from './transfers.fixtures.ts';

/**
 * Issue 13 part 5: an inquiry forwarded to the municipality it belongs to arrives in that
 * municipality's inbox as a copy marked "Videresendt fra …", the sender's inquiry is closed as
 * forwarded with a disclosure register entry, and the sender never sees the receiver's copy.
 */
useTransferWorld();

async function inquiryOfA(createdBy = users.coordA!.id) {
  const person = await citizenOf(A);
  const inquiry = await createInquiryRow(t.database.db, {
    createdBy,
    municipalityCode: A,
    persons: [person.id],
  });
  return { ...inquiry, person };
}

const forward = (id: string, body: Record<string, unknown>, who = 'coordA') =>
  as[who]!.post(`/api/inquiries/${id}/forward`, { id: randomUUID(), version: 1, ...body });

async function inboxOf(who: string) {
  const res = await as[who]!.get('/api/inquiries?limit=100');
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { id: string; reference: string }[] }>().items;
}

describe('forwarding an inquiry to another municipality (issue 13 part 5)', () => {
  it('puts a copy in the receiver’s inbox, closes the sender’s and records the disclosure', async () => {
    const inquiry = await inquiryOfA();
    const res = await forward(inquiry.id, { toMunicipalityCode: B, reason: 'Borgeren bor i B' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      sent: { municipality: { code: B, name: 'Frederiksberg' }, reason: 'Borgeren bor i B' },
      received: null,
      abilities: { forward: false },
    });

    // The sender's inquiry: closed as forwarded, with its chronology entry.
    const own = await as.coordA!.get(`/api/inquiries/${inquiry.id}`);
    expect(own.json()).toMatchObject({ status: 'forwarded' });
    expect(JSON.stringify(own.json())).toContain('forwarded');

    // The receiver's inbox holds a copy of what was registered, marked where it came from.
    const copy = (await inboxOf('coordB')).find((i) => !i.reference.includes(inquiry.reference));
    const copies = await t.database.db
      .selectFrom('inquiry_forwardings')
      .select(['inquiry_id', 'municipality_code', 'direction'])
      .where('counterpart_code', '=', A)
      .where('direction', '=', 'received')
      .execute();
    expect(copies).toHaveLength(1);
    const copyId = copies[0]!.inquiry_id;
    expect(copy).toBeDefined();
    const detail = await as.coordB!.get(`/api/inquiries/${copyId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'received' });
    expect(JSON.stringify(detail.json())).toContain('Eleven taler om voldelig ekstremisme');
    expect(JSON.stringify(detail.json())).toContain('Borgersen');
    const mark = await as.coordB!.get(`/api/inquiries/${copyId}/forwarding`);
    expect(mark.json()).toMatchObject({
      sent: null,
      received: { municipality: { code: A, name: 'København' } },
      abilities: { forward: true },
    });

    // The person is registered anew in B (the tenant key never crosses).
    const persons = await t.database.db
      .selectFrom('inquiry_persons')
      .select(['person_id', 'municipality_code'])
      .where('inquiry_id', '=', copyId)
      .execute();
    expect(persons).toHaveLength(1);
    expect(persons[0]!.municipality_code).toBe(B);
    expect(persons[0]!.person_id).not.toBe(inquiry.person.id);

    // The sender's disclosure register names the municipality as recipient.
    const register = await as.dpoA!.post('/api/disclosures/search', {
      personId: inquiry.person.id,
    });
    expect(register.statusCode).toBe(200);
    expect(register.json().items).toEqual([
      expect.objectContaining({
        recipientOrganisation: 'Frederiksberg',
        recipientKind: 'other_municipality',
        productSource: 'inquiry_forwarding',
      }),
    ]);

    // The sender cannot read the receiver's copy (ASVS 8.2.2: 404, as for a missing id).
    expect((await as.coordA!.get(`/api/inquiries/${copyId}`)).statusCode).toBe(404);
    expect((await as.coordA!.get(`/api/inquiries/${copyId}/forwarding`)).statusCode).toBe(404);
    expect((await inboxOf('coordA')).map((i) => i.id)).not.toContain(copyId);
  });

  it('lets the hotline employee who recorded it forward it, and then shows only where it went', async () => {
    const inquiry = await inquiryOfA(users.hotline!.id);
    const before = await as.hotline!.get(`/api/inquiries/${inquiry.id}/forwarding`);
    expect(before.json()).toMatchObject({ sent: null, abilities: { forward: true } });
    // The hotline records inquiries and reads none (a receipt only).
    expect((await as.hotline!.get(`/api/inquiries/${inquiry.id}`)).statusCode).toBe(403);
    const res = await forward(inquiry.id, { toMunicipalityCode: B }, 'hotline');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sent: { municipality: { code: B } } });
  });

  it('answers the same forwarding again without a second copy (idempotent)', async () => {
    const inquiry = await inquiryOfA();
    const body = { id: randomUUID(), version: 1, toMunicipalityCode: B };
    const url = `/api/inquiries/${inquiry.id}/forward`;
    expect((await as.coordA!.post(url, body)).statusCode).toBe(201);
    expect((await as.coordA!.post(url, body)).statusCode).toBe(200);
    const rows = await t.database.db
      .selectFrom('inquiry_forwardings')
      .select('id')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses one’s own municipality and an unknown one in Danish, storing nothing', async () => {
    const inquiry = await inquiryOfA();
    const own = await forward(inquiry.id, { toMunicipalityCode: A });
    expect(own.statusCode).toBe(400);
    expect(fieldsOf(own)).toEqual(['body.toMunicipalityCode:transfer_own_municipality']);
    expect(own.json().error.fields[0].message).toBe('Vælg en anden kommune end din egen.');
    const unknown = await forward(inquiry.id, { toMunicipalityCode: '999' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['body.toMunicipalityCode:transfer_municipality_unknown']);
    const rows = await t.database.db
      .selectFrom('inquiry_forwardings')
      .select('id')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(rows).toEqual([]);
    const own2 = await as.coordA!.get(`/api/inquiries/${inquiry.id}`);
    expect(own2.json()).toMatchObject({ status: 'received', version: 1 });
  });

  it('refuses those who may not see the inquiry (404) and roles that never forward (403)', async () => {
    const inquiry = await inquiryOfA();
    expect((await forward(inquiry.id, { toMunicipalityCode: B }, 'coordB')).statusCode).toBe(404);
    expect((await forward(inquiry.id, { toMunicipalityCode: B }, 'forumA')).statusCode).toBe(404);
    expect((await forward(inquiry.id, { toMunicipalityCode: B }, 'dpoA')).statusCode).toBe(403);
  });

  it('answers a stale version with 409 and stores nothing', async () => {
    const inquiry = await inquiryOfA();
    const res = await forward(inquiry.id, { toMunicipalityCode: B, version: 7 });
    expect(res.statusCode).toBe(409);
    const rows = await t.database.db
      .selectFrom('inquiry_forwardings')
      .select('id')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
