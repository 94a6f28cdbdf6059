import { describe, expect, it } from 'vitest';
import { createCase, createPerson, auditRowsOf, fieldsOf } from '../../test/records.ts';
import { testEngine } from '../../test/database.ts';
import { addDays } from '../closure/dates.ts';
import { caller, coordinator, person, richCase, sister, t } from '../closure/closure.fixtures.ts';
import {
  disclosureBody,
  disclosureTrace,
  today,
  useDisclosureFixtures,
} from './disclosures.fixtures.ts';
import type { Disclosure, DisclosureList } from './schema.ts';

/**
 * Recording a disclosure made outside the product on a case (issue 13 part 2): stored with its
 * persons, a chronology event and audit entries (`disclose` with the legal basis, per person);
 * the same id again answers the entry already there; bad input is a Danish message on its field
 * and nothing is stored; only the case's writers record, non-members get 404.
 */
useDisclosureFixtures();

const url = (caseId: string) => `/api/cases/${caseId}/disclosures`;

describe(`recording a disclosure (${testEngine})`, () => {
  it('records the entry with chronology event and audit; the same id again answers it (ASVS 8.2.2)', async () => {
    const c = await richCase();
    const body = disclosureBody({ personIds: [person.id, sister.id] });
    const res = await caller('member').post(url(c.id), body);
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json() as Disclosure;
    expect(entry).toMatchObject({
      id: body.id,
      caseId: c.id,
      disclosedOn: today(),
      recipientOrganisation: 'Region Hovedstadens Psykiatri, PSP',
      recipientKind: 'psychiatry',
      categories: ['case_history', 'plan'],
      legalBasis: 'Retsplejeloven § 115 (PSP)',
      channel: 'phone',
      recordedByHand: true,
      productSource: null,
    });
    expect(entry.persons.map((p) => p.id).sort()).toEqual(body.personIds.slice().sort());

    const audit = await auditRowsOf(t.database.db, res);
    const disclosed = audit.filter((a) => a.action === 'disclose');
    expect(disclosed.map((a) => a.subject_person_id).sort()).toEqual(body.personIds.slice().sort());
    expect(disclosed[0]).toMatchObject({
      resource_type: 'disclosure',
      resource_id: body.id,
      legal_basis: 'Retsplejeloven § 115 (PSP)',
      purpose: 'disclosure',
    });
    expect(audit.some((a) => a.action === 'create' && a.resource_type === 'disclosure')).toBe(true);
    // No free text in the audit trail's details.
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Psykiatri');

    const chronology = (
      await caller('coordinator').get(`/api/cases/${c.id}/chronology?kind=disclosure_recorded`)
    ).json() as { items: { changes: Record<string, { to: unknown }> }[] };
    expect(chronology.items).toHaveLength(1);
    expect(chronology.items[0]?.changes).toMatchObject({
      recipientKind: { to: 'psychiatry' },
      channel: { to: 'phone' },
    });

    const again = await caller('coordinator').post(url(c.id), { ...body, purpose: 'Andet' });
    expect(again.statusCode).toBe(200);
    expect((again.json() as Disclosure).purpose).toBe(body.purpose);
    expect(await disclosureTrace(c.id)).toEqual({ entries: 1, events: 1 });

    const list = (await caller('coordinator').get(url(c.id))).json() as DisclosureList;
    expect(list.items.map((d) => d.id)).toEqual([body.id]);
    expect(list.nextCursor).toBeNull();
  });

  it('refuses a missing recipient, basis and purpose, a future day and a person not on the case, in Danish, storing nothing', async () => {
    const c = await richCase();
    const stranger = await createPerson(t.database.db, { givenName: 'Fremmed' });
    const res = await caller('coordinator').post(
      url(c.id),
      disclosureBody({ recipientOrganisation: '', legalBasis: '  ', purpose: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(
      expect.arrayContaining([
        'body.recipientOrganisation:required',
        'body.legalBasis:required',
        'body.purpose:required',
      ]),
    );
    expect(
      (res.json() as { error: { fields: { message: string }[] } }).error.fields[0]?.message,
    ).toBe('Feltet skal udfyldes.');

    const later = await caller('coordinator').post(
      url(c.id),
      disclosureBody({ disclosedOn: addDays(today(), 1), personIds: [stranger.id] }),
    );
    expect(later.statusCode).toBe(400);
    expect(fieldsOf(later)).toEqual([
      'body.disclosedOn:in_future',
      'body.personIds.0:disclosure_person_not_in_case',
    ]);
    const messages = (later.json() as { error: { fields: { message: string }[] } }).error.fields;
    expect(messages[1]?.message).toBe('Personen er ikke med i sagen. Vælg en af sagens personer.');

    const none = await caller('coordinator').post(url(c.id), disclosureBody({ categories: [] }));
    expect(none.statusCode).toBe(400);
    expect(await disclosureTrace(c.id)).toEqual({ entries: 0, events: 0 });
  });

  it('lets only the case writers record: the mentor gets 403, a non-member and another municipality 404', async () => {
    const c = await richCase();
    expect((await caller('mentor').post(url(c.id), disclosureBody())).statusCode).toBe(403);
    expect((await caller('outsider').post(url(c.id), disclosureBody())).statusCode).toBe(404);
    expect((await caller('outsider').get(url(c.id))).statusCode).toBe(404);
    expect((await caller('mentor').get(url(c.id))).statusCode).toBe(403);
    expect((await caller('dpo').post(url(c.id), disclosureBody())).statusCode).toBe(403);
    const foreign = await createCase(t.database.db, {
      municipalityCode: '147',
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    expect((await caller('coordinator').get(url(foreign.id))).statusCode).toBe(404);
    expect(await disclosureTrace(c.id)).toEqual({ entries: 0, events: 0 });
  });

  it('refuses the concern itself from a member without the compartment, and an id used on another case', async () => {
    const c = await richCase();
    const concern = await caller('member').post(
      url(c.id),
      disclosureBody({ categories: ['concern'] }),
    );
    expect(concern.statusCode).toBe(400);
    expect(fieldsOf(concern)).toEqual(['body.categories:disclosure_concern_compartment']);

    const body = disclosureBody();
    expect((await caller('coordinator').post(url(c.id), body)).statusCode).toBe(201);
    const other = await richCase();
    const reused = await caller('coordinator').post(url(other.id), body);
    expect(reused.statusCode).toBe(409);
    expect(await disclosureTrace(other.id)).toEqual({ entries: 0, events: 0 });
  });

  it('pages the case disclosures newest day first', async () => {
    const c = await richCase();
    for (const days of [-3, -1, -2]) {
      const res = await caller('coordinator').post(
        url(c.id),
        disclosureBody({ disclosedOn: addDays(today(), days) }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = (
      await caller('coordinator').get(`${url(c.id)}?limit=2`)
    ).json() as DisclosureList;
    expect(first.items.map((d) => d.disclosedOn)).toEqual([
      addDays(today(), -1),
      addDays(today(), -2),
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await caller('coordinator').get(`${url(c.id)}?limit=2&after=${first.nextCursor ?? ''}`)
    ).json() as DisclosureList;
    expect(second.items.map((d) => d.disclosedOn)).toEqual([addDays(today(), -3)]);
    expect(second.nextCursor).toBeNull();
  });
});
