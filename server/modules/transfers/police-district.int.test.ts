import { describe, expect, it } from 'vitest';
import {
  client,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  createPoliceContact,
  type Client,
} from '../../test/records.ts';
import { login } from '../../test/users.ts';
import { A, B, C, t, useTransferWorld, users } from './transfers.fixtures.ts';

/**
 * Issue 13 part 5: the police district's Infohus contact works across the district's
 * municipalities (101 København and 147 Frederiksberg are both in Københavns Politi's district)
 * and sees only what a municipality shared with the police — the cases they are a member of and
 * the inquiries of a forum they sit in — never the rest, and nothing outside the district even
 * when a membership there exists by mistake (ASVS 8.2.2).
 */
useTransferWorld();

async function world() {
  const db = t.database.db;
  const police = await createPoliceContact(db, 11);
  const asPolice: Client = client(t.app, await login(t.app, police));
  const member = (municipalityCode: string, withPolice: boolean) =>
    createCase(db, {
      municipalityCode,
      members: [
        {
          userId: municipalityCode === A ? users.coordA!.id : users.coordB!.id,
          role: 'coordinator',
        },
        ...(withPolice ? [{ userId: police.id, role: 'forum' as const }] : []),
      ],
    });
  const sharedA = await member(A, true);
  const sharedB = await member(B, true);
  const unsharedA = await member(A, false);
  const unsharedB = await member(B, false);
  // Outside the district (751 Aarhus): a membership by mistake must not open it.
  const outside = await createCase(db, {
    municipalityCode: C,
    members: [
      { userId: users.coordC!.id, role: 'coordinator' },
      { userId: police.id, role: 'forum' },
    ],
  });
  const forumB = await createForum(db, { municipalityCode: B, members: [police.id] });
  const personB = await createPerson(db, { municipalityCode: B });
  const personA = await createPerson(db, { municipalityCode: A });
  const inquiryShared = await createInquiryRow(db, {
    createdBy: users.coordB!.id,
    municipalityCode: B,
    persons: [personB.id],
    forumId: forumB.id,
    status: 'triaged',
  });
  const inquiryUnshared = await createInquiryRow(db, {
    createdBy: users.coordA!.id,
    municipalityCode: A,
    persons: [personA.id],
  });
  return {
    asPolice,
    sharedA,
    sharedB,
    unsharedA,
    unsharedB,
    outside,
    inquiryShared,
    inquiryUnshared,
  };
}

describe('the police district’s Infohus contact (issue 13 part 5)', () => {
  it('sees the shared cases of both municipalities of the district, and nothing unshared', async () => {
    const w = await world();
    const res = await w.asPolice.get('/api/cases?limit=100');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([w.sharedA.id, w.sharedB.id]));
    expect(ids).not.toContain(w.unsharedA.id);
    expect(ids).not.toContain(w.unsharedB.id);
    expect(ids).not.toContain(w.outside.id);
    expect((await w.asPolice.get(`/api/cases/${w.sharedB.id}`)).statusCode).toBe(200);
    expect((await w.asPolice.get(`/api/cases/${w.unsharedB.id}`)).statusCode).toBe(404);
    expect((await w.asPolice.get(`/api/cases/${w.outside.id}`)).statusCode).toBe(404);
  });

  it('sees the inquiries of a forum they sit in, in another municipality of the district', async () => {
    const w = await world();
    const res = await w.asPolice.get('/api/inquiries?limit=100');
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids).toContain(w.inquiryShared.id);
    expect(ids).not.toContain(w.inquiryUnshared.id);
    expect((await w.asPolice.get(`/api/inquiries/${w.inquiryUnshared.id}`)).statusCode).toBe(404);
  });

  it('never receives a transfer or forwards an inquiry (no municipality of their own)', async () => {
    const w = await world();
    expect((await w.asPolice.get('/api/transfers/incoming')).statusCode).toBe(403);
    const res = await w.asPolice.get(`/api/inquiries/${w.inquiryShared.id}/forwarding`);
    expect(res.json()).toMatchObject({ abilities: { forward: false } });
  });
});
