import { describe, expect, it } from 'vitest';
import { auditRowsOf, createCase, fieldsOf, registerPerson } from '../../test/records.ts';
import { testEngine } from '../../test/database.ts';
import { addDays } from '../closure/dates.ts';
import { caller, coordinator, t } from '../closure/closure.fixtures.ts';
import { disclosureBody, today, useDisclosureFixtures } from './disclosures.fixtures.ts';
import type { CitizenTrail } from './schema-trail.ts';

/**
 * "Who has seen and received this citizen's data, when, why, on what legal basis" from one page
 * (issue 13, Done when): the data-protection role finds the citizen by CPR number in the body
 * (never in a URL) and sees the reads and the disclosures in one time order, filtered by period
 * and kind, in keyset pages; viewing is audited (ASVS 7.2.1 / 16.2.1: who saw the citizen); no
 * other role may use it (403) and a person of another municipality is 404 (ASVS 8.2.2).
 */
useDisclosureFixtures();

const TRAIL = '/api/disclosures/citizen-trail';

let cprSeq = 0;
/** A fresh valid CPR number (day 01–28 of 1990, modulus-11 not required by the parser). */
function freshCpr() {
  cprSeq += 1;
  const day = String((cprSeq % 28) + 1).padStart(2, '0');
  return `${day}0190${String(4000 + cprSeq).slice(-4)}`;
}

async function citizenWithCase() {
  const cpr = freshCpr();
  const citizen = await registerPerson(t.database.db, {
    createdBy: coordinator.id,
    givenName: 'Sporborger',
    cpr,
  });
  const c = await createCase(t.database.db, {
    persons: [{ id: citizen.id }],
    members: [{ userId: coordinator.id, role: 'coordinator' }],
  });
  return { c, citizen, cpr };
}

describe(`who has seen and received a citizen's data (${testEngine})`, () => {
  it('shows reads and disclosures in one time order, with who, purpose, recipient and basis; audited', async () => {
    const { c, citizen, cpr } = await citizenWithCase();
    // A read by the coordinator, then a disclosure, then another read.
    expect((await caller('coordinator').get(`/api/persons/${citizen.id}`)).statusCode).toBe(200);
    const entry = disclosureBody({
      personIds: [citizen.id],
      recipientOrganisation: 'Kriminalforsorgen KSP',
      recipientKind: 'prison_probation',
      legalBasis: 'Retsplejeloven § 115 (KSP)',
    });
    expect(
      (await caller('coordinator').post(`/api/cases/${c.id}/disclosures`, entry)).statusCode,
    ).toBe(201);
    expect((await caller('coordinator').get(`/api/persons/${citizen.id}`)).statusCode).toBe(200);

    const res = await caller('dpo').post(TRAIL, { cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}` });
    expect(res.statusCode, res.body).toBe(200);
    const trail = res.json() as CitizenTrail;
    expect(trail.persons.map((p) => p.id)).toEqual([citizen.id]);
    const times = trail.items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const kinds = trail.items.map((i) => i.kind);
    expect(kinds).toContain('read');
    expect(kinds).toContain('disclosure');
    const disclosure = trail.items.find((i) => i.kind === 'disclosure');
    expect(disclosure).toMatchObject({
      personId: citizen.id,
      legalBasis: 'Retsplejeloven § 115 (KSP)',
      purpose: entry.purpose,
      userName: expect.any(String),
      disclosure: {
        id: entry.id,
        disclosedOn: today(),
        caseReference: c.reference,
        recipientOrganisation: 'Kriminalforsorgen KSP',
        recipientKind: 'prison_probation',
      },
    });
    const read = trail.items.find((i) => i.kind === 'read' && i.resourceType === 'person');
    expect(read).toMatchObject({
      action: 'read',
      role: 'coordinator',
      userName: expect.any(String),
      disclosure: null,
    });
    expect(read?.purpose).not.toBeNull();
    // The register's own 'disclose' audit rows are the disclosure row, not a second row.
    expect(trail.items.filter((i) => i.action === 'disclose')).toHaveLength(1);

    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'search',
      resource_type: 'citizen_trail',
      subject_person_id: citizen.id,
      purpose: 'data_protection_review',
      actor_role: 'data_protection',
    });
    expect(JSON.stringify(audit)).not.toContain(cpr.slice(6));
    // The data-protection role's own look is a read the next view shows.
    const again = (
      await caller('dpo').post(TRAIL, { personId: citizen.id })
    ).json() as CitizenTrail;
    expect(again.items[0]).toMatchObject({
      resourceType: 'citizen_trail',
      role: 'data_protection',
    });
  });

  it('filters by kind and period and walks keyset pages without gaps or repeats', async () => {
    const { c, citizen } = await citizenWithCase();
    for (const d of [-20, -3]) {
      const res = await caller('coordinator').post(
        `/api/cases/${c.id}/disclosures`,
        disclosureBody({ personIds: [citizen.id], disclosedOn: addDays(today(), d) }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    for (let i = 0; i < 3; i += 1) {
      await caller('coordinator').get(`/api/persons/${citizen.id}`);
    }
    const all = (
      await caller('dpo').post(TRAIL, { personId: citizen.id, limit: 200 })
    ).json() as CitizenTrail;
    const reads = (
      await caller('dpo').post(TRAIL, { personId: citizen.id, kind: 'read', limit: 200 })
    ).json() as CitizenTrail;
    expect(reads.items.every((i) => i.kind === 'read')).toBe(true);
    expect(reads.items.length).toBeGreaterThanOrEqual(3);
    const disclosures = (
      await caller('dpo').post(TRAIL, { personId: citizen.id, kind: 'disclosure' })
    ).json() as CitizenTrail;
    expect(disclosures.items.map((i) => i.disclosure?.disclosedOn)).toEqual([
      addDays(today(), -3),
      addDays(today(), -20),
    ]);
    const period = (
      await caller('dpo').post(TRAIL, {
        personId: citizen.id,
        from: addDays(today(), -25),
        to: addDays(today(), -10),
      })
    ).json() as CitizenTrail;
    expect(period.items.map((i) => i.disclosure?.disclosedOn)).toEqual([addDays(today(), -20)]);

    // Pages of two, merged across both sources, give the whole view once, in order.
    const walked: string[] = [];
    let after: string | null = null;
    const first = all.items.length;
    do {
      const page = (
        await caller('dpo').post(TRAIL, {
          personId: citizen.id,
          limit: 2,
          to: today(),
          ...(after && { after }),
        })
      ).json() as CitizenTrail;
      walked.push(...page.items.map((i) => i.key));
      after = page.nextCursor;
    } while (after);
    // The walk ends with the whole view as it was before (the views since are newer reads).
    expect(walked.slice(-first)).toEqual(all.items.map((i) => i.key));
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('is for the data-protection role only; a foreign person is 404; bad input is refused in Danish', async () => {
    const { citizen, cpr } = await citizenWithCase();
    expect((await caller('coordinator').post(TRAIL, { personId: citizen.id })).statusCode).toBe(
      403,
    );
    expect((await caller('member').post(TRAIL, { personId: citizen.id })).statusCode).toBe(403);
    const foreign = await caller('foreignDpo').post(TRAIL, { personId: citizen.id });
    expect(foreign.statusCode).toBe(404);
    expect(await auditRowsOf(t.database.db, foreign)).toHaveLength(0);
    const foreignCpr = (await caller('foreignDpo').post(TRAIL, { cpr })).json() as CitizenTrail;
    expect(foreignCpr).toEqual({ persons: [], items: [], nextCursor: null });

    const both = await caller('dpo').post(TRAIL, { cpr, personId: citizen.id });
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both)).toEqual(['body.cpr:trail_citizen_one_of']);
    expect((both.json() as { error: { message: string } }).error.message).toBeTruthy();
    const none = await caller('dpo').post(TRAIL, {});
    expect(fieldsOf(none)).toEqual(['body.cpr:trail_citizen_one_of']);
    const order = await caller('dpo').post(TRAIL, {
      personId: citizen.id,
      from: today(),
      to: addDays(today(), -1),
    });
    expect(fieldsOf(order)).toEqual(['body.to:disclosure_period_order']);
    const cursor = await caller('dpo').post(TRAIL, { personId: citizen.id, after: 'bm9wZQ' });
    expect(fieldsOf(cursor)).toEqual(['body.after:invalid_cursor']);
    for (const bad of [both, none, order, cursor]) {
      expect(await auditRowsOf(t.database.db, bad)).toHaveLength(0);
    }
  });
});
