import { describe, expect, it } from 'vitest';
import { auditRowsOf, createCase, fieldsOf, registerPerson } from '../../test/records.ts';
import { testEngine } from '../../test/database.ts';
import { addDays } from '../closure/dates.ts';
import { caller, coordinator, person, richCase, t } from '../closure/closure.fixtures.ts';
import type { AccessReport } from '../persons/schema.ts';
import { disclosureBody, today, useDisclosureFixtures } from './disclosures.fixtures.ts';
import type { RegisterPage } from './schema.ts';

/**
 * The data-protection role's register (issue 13 part 2): searched by citizen (a CPR number in the
 * body, never in the URL; or a person's id), recipient, legal basis and period, in keyset pages,
 * each search that shows personal data audited; only that role, only its own municipality. The
 * citizen's access report lists the person's disclosures.
 */
useDisclosureFixtures();

const SEARCH = '/api/disclosures/search';
const CPR = '0101901234';

async function caseWithCitizen() {
  const citizen = await registerPerson(t.database.db, {
    createdBy: coordinator.id,
    givenName: 'Registerborger',
    cpr: CPR,
  });
  const c = await createCase(t.database.db, {
    persons: [{ id: citizen.id }],
    members: [{ userId: coordinator.id, role: 'coordinator' }],
  });
  return { c, citizen };
}

describe(`the disclosure register (${testEngine})`, () => {
  it('finds a citizen by CPR number (in the body) and audits the search per person shown', async () => {
    const { c, citizen } = await caseWithCitizen();
    const entry = disclosureBody({
      personIds: [citizen.id],
      recipientOrganisation: 'Kriminalforsorgen KSP',
    });
    expect(
      (await caller('coordinator').post(`/api/cases/${c.id}/disclosures`, entry)).statusCode,
    ).toBe(201);

    const res = await caller('dpo').post(SEARCH, { cpr: '010190-1234' });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as RegisterPage;
    expect(page.persons.map((p) => p.id)).toEqual([citizen.id]);
    expect(page.items.map((i) => i.id)).toEqual([entry.id]);
    expect(page.items[0]).toMatchObject({
      caseReference: c.reference,
      legalBasis: entry.legalBasis,
    });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'search',
      resource_type: 'disclosure_register',
      subject_person_id: citizen.id,
      purpose: 'disclosure_register',
      actor_role: 'data_protection',
    });
    expect(JSON.stringify(audit)).not.toContain('1234');

    const byId = (
      await caller('dpo').post(SEARCH, { personId: citizen.id })
    ).json() as RegisterPage;
    expect(byId.items.map((i) => i.id)).toEqual([entry.id]);
  });

  it('filters by recipient, legal basis and period, newest day first in keyset pages', async () => {
    const c = await richCase();
    const mark = `Skole-${Date.now()}`;
    const days = [-10, -5, -1];
    for (const d of days) {
      const res = await caller('coordinator').post(
        `/api/cases/${c.id}/disclosures`,
        disclosureBody({
          disclosedOn: addDays(today(), d),
          recipientOrganisation: `${mark} ${d}`,
          recipientKind: 'school',
          legalBasis: d === -5 ? 'Værdispringsreglen' : 'Retsplejeloven § 115 (SSP)',
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = (
      await caller('dpo').post(SEARCH, { recipient: mark, limit: 2 })
    ).json() as RegisterPage;
    expect(first.items.map((i) => i.disclosedOn)).toEqual([
      addDays(today(), -1),
      addDays(today(), -5),
    ]);
    const second = (
      await caller('dpo').post(SEARCH, { recipient: mark, limit: 2, after: first.nextCursor })
    ).json() as RegisterPage;
    expect(second.items.map((i) => i.disclosedOn)).toEqual([addDays(today(), -10)]);
    expect(second.nextCursor).toBeNull();

    const basis = (
      await caller('dpo').post(SEARCH, { recipient: mark, legalBasis: 'værdispring' })
    ).json() as RegisterPage;
    expect(basis.items.map((i) => i.disclosedOn)).toEqual([addDays(today(), -5)]);
    const period = (
      await caller('dpo').post(SEARCH, {
        recipient: mark,
        from: addDays(today(), -6),
        to: addDays(today(), -2),
      })
    ).json() as RegisterPage;
    expect(period.items.map((i) => i.disclosedOn)).toEqual([addDays(today(), -5)]);
    // The search showed the case's persons: audited per person.
    const res = await caller('dpo').post(SEARCH, { recipient: mark });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => a.subject_person_id)).toContain(person.id);
  });

  it('refuses bad criteria in Danish, other roles (403) and persons of another municipality (404)', async () => {
    const bad = await caller('dpo').post(SEARCH, { cpr: '3213901234' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.cpr:invalid_cpr']);
    const order = await caller('dpo').post(SEARCH, { from: today(), to: addDays(today(), -1) });
    expect(fieldsOf(order)).toEqual(['body.to:disclosure_period_order']);
    expect((await caller('coordinator').post(SEARCH, {})).statusCode).toBe(403);
    expect((await caller('member').post(SEARCH, {})).statusCode).toBe(403);
    const { citizen } = await caseWithCitizen();
    expect((await caller('foreignDpo').post(SEARCH, { personId: citizen.id })).statusCode).toBe(
      404,
    );
    const foreign = (await caller('foreignDpo').post(SEARCH, { cpr: CPR })).json() as RegisterPage;
    expect(foreign).toMatchObject({ persons: [], items: [] });
  });

  it("lists the person's disclosures in the citizen's access report", async () => {
    const { c, citizen } = await caseWithCitizen();
    const entry = disclosureBody({ personIds: [citizen.id], recipientKind: 'prison_probation' });
    await caller('coordinator').post(`/api/cases/${c.id}/disclosures`, entry);
    const report = (
      await caller('dpo').get(`/api/persons/${citizen.id}/access-report`)
    ).json() as AccessReport;
    expect(report.disclosures).toEqual([
      {
        disclosedOn: today(),
        recipientOrganisation: entry.recipientOrganisation,
        recipientKind: 'prison_probation',
        categories: entry.categories,
        legalBasis: entry.legalBasis,
        purpose: entry.purpose,
        channel: 'phone',
      },
    ]);
    expect(
      report.items.some((i) => i.action === 'disclose' && i.legalBasis === entry.legalBasis),
    ).toBe(true);
  });
});
