import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../../test/app.ts';
import { cprDigest } from '../persons/service.ts';
import { accessDeadline } from '../../../shared/access-requests.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, createPerson, type ErrorBody } from '../../test/records.ts';
import {
  caller,
  citizenWithFile,
  registerBody,
  requestTrace,
  t,
  today,
  useAccessRequestFixtures,
} from './access-requests.fixtures.ts';
import type { AccessRequest, AccessRequestPage } from './schema.ts';

/**
 * The citizen's access request (issue 13 part 7): registered with its kind and a deadline from
 * the product's rule, the draft file assembled from the citizen's records — the case with the
 * persons on it, the access report without employee names (C-579/21), the disclosure register's
 * entries, the consents. Only the data-protection role, only its municipality;
 * bad input is a Danish message on its field with nothing stored.
 */
useAccessRequestFixtures();

const URL = '/api/access-requests';
const fieldsOf = (res: { json(): unknown }) => (res.json() as ErrorBody).error.fields ?? [];

describe(`registering an access request (${testEngine})`, () => {
  it('assembles the draft from the citizen records, computes the deadline and audits it', async () => {
    const { citizen, sister, theCase } = await citizenWithFile();
    await t.database.db
      .insertInto('case_events')
      .values({
        case_id: theCase.id,
        kind: 'note',
        changes: JSON.stringify({}),
        note_text: 'Bekymringsvurdering',
        compartment: true,
      })
      .execute();
    const body = registerBody(citizen.id);
    const res = await caller('dpo').post(URL, body);
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json() as AccessRequest;
    expect(request).toMatchObject({
      kind: 'data_subject_access',
      status: 'in_review',
      person: { id: citizen.id, name: citizen.name },
      deadlineOn: accessDeadline('data_subject_access', today()),
      overdue: false,
      abilities: { review: true, approve: false, release: false, download: false },
    });
    const sources = request.items.map((i) => i.source);
    expect(sources).toEqual(['case', 'access_report', 'disclosure', 'consent']);
    const caseItem = request.items[0];
    expect(caseItem?.lines).toContainEqual({ label: 'reference', value: theCase.reference });
    expect(caseItem?.lines.some((l) => l.value.includes(sister.name))).toBe(true);
    // The chronology's kinds, without the event about the concern itself (the compartment).
    const events = caseItem?.lines.filter((l) => l.label === 'event').map((l) => l.value) ?? [];
    expect(events.some((v) => v.endsWith('Videregivelse registreret'))).toBe(true);
    expect(events.some((v) => v.endsWith('Notat'))).toBe(false);
    const report = request.items[1];
    expect(report?.lines.some((l) => l.label === 'lookup')).toBe(true);
    // The lookups name the action and purpose, never the employee (C-579/21).
    expect(JSON.stringify(report)).not.toMatch(/Test Bruger/);
    expect(request.items[2]?.lines).toContainEqual({
      label: 'legalBasis',
      value: 'Retsplejeloven § 115 (SSP)',
    });

    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        resource_type: 'access_request',
        resource_id: body.id,
        subject_person_id: citizen.id,
        purpose: 'access_request',
      }),
      // The sister's name is read into her brother's file: her own access report shows it.
      expect.objectContaining({
        action: 'read',
        resource_type: 'access_request',
        resource_id: body.id,
        subject_person_id: sister.id,
        purpose: 'access_request',
      }),
    ]);
    const shown = await caller('dpo').get(`${URL}/${body.id}`);
    expect((await auditRowsOf(t.database.db, shown)).map((r) => r.subject_person_id)).toEqual([
      citizen.id,
      sister.id,
    ]);

    // The same id again answers the request already there.
    const again = await caller('dpo').post(URL, body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as AccessRequest).items).toHaveLength(4);
  });

  it('finds the citizen by CPR number in the body (never in the URL), or refuses on the field', async () => {
    const citizen = await createPerson(t.database.db);
    await t.database.db
      .updateTable('persons')
      .set({ cpr_digest: cprDigest(testKeys.secret, '0202021234') })
      .where('id', '=', citizen.id)
      .execute();
    const { personId: _unused, ...byCpr } = registerBody(citizen.id, { cpr: '020202-1234' });
    void _unused;
    const res = await caller('dpo').post(URL, byCpr);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as AccessRequest).person.id).toBe(citizen.id);
    expect(JSON.stringify(await auditRowsOf(t.database.db, res))).not.toContain('1234');

    const unknown = await caller('dpo').post(URL, {
      ...byCpr,
      id: randomUUID(),
      cpr: '0303031234',
    });
    expect(fieldsOf(unknown).map((f) => `${f.field}:${f.code}`)).toEqual([
      'body.cpr:access_cpr_unknown',
    ]);
    const both = await caller('dpo').post(URL, registerBody(citizen.id, { cpr: '0202021234' }));
    expect(fieldsOf(both).map((f) => f.code)).toEqual(['access_person_one_of']);
  });

  it('gives a party access request seven working days', async () => {
    const citizen = await createPerson(t.database.db);
    // A Friday: seven working days later is the Tuesday of the week after next.
    const res = await caller('dpo2').post(
      URL,
      registerBody(citizen.id, { kind: 'party_access', receivedOn: '2026-11-06' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as AccessRequest).deadlineOn).toBe('2026-11-17');
    expect(accessDeadline('data_subject_access', '2026-01-31')).toBe('2026-02-28');
  });

  it('refuses an unknown kind, a deadline before receipt or beyond three months, a future receipt — nothing stored', async () => {
    const citizen = await createPerson(t.database.db);
    const unknown = await caller('dpo').post(URL, registerBody(citizen.id, { kind: 'aktindsigt' }));
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown).map((f) => f.field)).toContain('body.kind');

    const before = await caller('dpo').post(
      URL,
      registerBody(citizen.id, { receivedOn: '2026-11-10', deadlineOn: '2026-11-09' }),
    );
    expect(before.statusCode).toBe(400);
    expect(fieldsOf(before)).toEqual([
      expect.objectContaining({
        field: 'body.deadlineOn',
        code: 'access_deadline_before_receipt',
        message: 'Fristen kan ikke ligge før den dag, anmodningen blev modtaget.',
      }),
    ]);

    const beyond = await caller('dpo').post(
      URL,
      registerBody(citizen.id, { receivedOn: '2026-11-10', deadlineOn: '2027-02-11' }),
    );
    expect(fieldsOf(beyond).map((f) => f.code)).toEqual(['access_deadline_beyond_extension']);

    const future = await caller('dpo').post(
      URL,
      registerBody(citizen.id, { receivedOn: '2999-01-01' }),
    );
    expect(fieldsOf(future).map((f) => f.field)).toEqual(['body.receivedOn']);
    expect((await requestTrace(citizen.id)).requests).toEqual([]);
  });

  it('refuses a caller without the role (403) and answers 404 for a foreign person or request (ASVS 8.2.2)', async () => {
    const { citizen } = await citizenWithFile();
    expect((await caller('caseworker').post(URL, registerBody(citizen.id))).statusCode).toBe(403);
    // A coordinator neither: the draft holds cases the coordinator may not be on (need-to-know).
    expect((await caller('coordinator').post(URL, registerBody(citizen.id))).statusCode).toBe(403);
    expect((await caller('coordinator').get(URL)).statusCode).toBe(403);
    expect((await caller('caseworker').get(URL)).statusCode).toBe(403);
    // A person of another municipality is not found.
    const foreign = await createPerson(t.database.db, { municipalityCode: '147' });
    expect((await caller('dpo').post(URL, registerBody(foreign.id))).statusCode).toBe(404);
    expect((await requestTrace(foreign.id)).requests).toEqual([]);

    const created = (
      await caller('dpo').post(URL, registerBody(citizen.id))
    ).json() as AccessRequest;
    expect((await caller('foreignDpo').get(`${URL}/${created.id}`)).statusCode).toBe(404);
    const item = created.items[0];
    const put = await caller('foreignDpo').put(`${URL}/${created.id}/items/${item?.id}`, {
      decision: 'release',
      version: 1,
    });
    expect(put.statusCode).toBe(404);
    expect((await caller('foreignDpo').get(URL)).json()).toMatchObject({ items: [] });
    expect((await requestTrace(citizen.id)).items.every((i) => i.decision === 'pending')).toBe(
      true,
    );
  });

  it('lists by deadline in keyset pages, filtered by status, kind and overdue, audited per citizen', async () => {
    const a = await createPerson(t.database.db);
    const b = await createPerson(t.database.db);
    const late = registerBody(a.id, { receivedOn: '2026-01-05', deadlineOn: '2026-01-06' });
    const onTime = registerBody(b.id, { kind: 'party_access' });
    expect((await caller('dpo').post(URL, late)).statusCode).toBe(201);
    expect((await caller('dpo').post(URL, onTime)).statusCode).toBe(201);

    const overdue = await caller('dpo2').get(`${URL}?overdue=true&limit=100`);
    expect(overdue.statusCode, overdue.body).toBe(200);
    const ids = (overdue.json() as AccessRequestPage).items.map((i) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
    const audit = await auditRowsOf(t.database.db, overdue);
    expect(audit.map((r) => r.subject_person_id)).toContain(a.id);

    const party = (
      await caller('dpo').get(`${URL}?kind=party_access&status=in_review&limit=100`)
    ).json() as AccessRequestPage;
    expect(party.items.every((i) => i.kind === 'party_access')).toBe(true);
    expect(party.items.map((i) => i.id)).toContain(onTime.id);

    const first = (await caller('dpo').get(`${URL}?limit=1`)).json() as AccessRequestPage;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await caller('dpo').get(`${URL}?limit=1&after=${first.nextCursor}`)
    ).json() as AccessRequestPage;
    expect((second.items[0]?.deadlineOn ?? '') >= (first.items[0]?.deadlineOn ?? '')).toBe(true);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('puts an overdue request in the work list of the data-protection role and of its registrant', async () => {
    const citizen = await createPerson(t.database.db);
    const late = registerBody(citizen.id, { receivedOn: '2026-02-02', deadlineOn: '2026-02-03' });
    expect((await caller('dpo').post(URL, late)).statusCode).toBe(201);
    const tasksOf = async (name: string) => {
      const res = await caller(name).get('/api/tasks?kind=access_request_overdue');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: string; overdue: boolean }[] }).items;
    };
    expect(await tasksOf('dpo2')).toContainEqual(
      expect.objectContaining({ id: late.id, overdue: true, dueOn: '2026-02-03' }),
    );
    expect((await tasksOf('dpo')).map((i) => i.id)).toContain(late.id);
    expect((await tasksOf('coordinator')).map((i) => i.id)).not.toContain(late.id);
    expect((await tasksOf('caseworker')).map((i) => i.id)).not.toContain(late.id);
    expect((await tasksOf('foreignDpo')).map((i) => i.id)).not.toContain(late.id);
    const work = await caller('dpo').get('/api/tasks/work-list');
    expect(work.statusCode, work.body).toBe(200);
    const overdue = (
      work.json() as { sections: { section: string; count: number }[] }
    ).sections.find((s) => s.section === 'overdue');
    expect(overdue?.count).toBeGreaterThan(0);
  });
});
