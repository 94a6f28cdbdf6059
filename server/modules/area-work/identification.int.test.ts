import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createForum,
  createPoliceContact,
  fieldsOf,
  type Client,
} from '../../test/records.ts';
import { createUser } from '../../test/users.ts';
import { createArea, grantPartner } from './area-work.fixtures.ts';

/**
 * The identification forms (issue 16 part 3, tools 4a and 4b): sending one creates an ordinary
 * concern inquiry in the municipality's inbox with the area as its context; the sender gets the
 * receipt only. Who may send one: area-access.ts (`identify`).
 */
let t: TestApp;
let areaId: string;
const as: Record<string, Client> = {};
const caller = (name: string) => callerIn(as, name);
const url = (id = areaId) => `/api/housing-areas/${id}/identifications`;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const team = await createUser(db, { roles: ['caseworker'] });
  const partner = await createUser(db, { roles: ['partner'] });
  const viewer = await createUser(db, { roles: ['partner'] });
  const stranger = await createUser(db, { roles: ['partner'] });
  const outsider = await createUser(db, { roles: ['caseworker'] });
  const police = await createPoliceContact(db);
  const forum = await createForum(db, { members: [team.id, police.id] });
  areaId = await createArea(db, {
    createdBy: coordinator.id,
    teamForumId: forum.id,
    name: 'Nørrevang',
  });
  await grantPartner(db, areaId, partner.id, coordinator.id, true);
  await grantPartner(db, areaId, viewer.id, coordinator.id, false);
  await logInAll(t, { coordinator, team, police, partner, viewer, stranger, outsider }, as);
});
afterAll(() => t.close());

const form4a = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  tool: '4a',
  person: { givenName: 'Yusuf', familyName: 'Testesen', birthDate: null, age: 13 },
  relation: 'younger_sibling',
  signs: ['glorifies_older_sibling', 'withdraws_from_peers'],
  observation: 'Taler meget om sin storebror og har trukket sig fra fodboldholdet.',
  resources: 'God kontakt til klubmedarbejderen.',
  contact: 'Boligsocial medarbejder, tlf. via kontoret',
  ...over,
});

const inquiryCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('inquiries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('identification forms', () => {
  it('a partner granted to contribute sends a 4a form: an inquiry in the inbox with the area; the partner gets the receipt only', async () => {
    const body = form4a();
    const res = await caller('partner').post(url(), body);
    expect(res.statusCode).toBe(201);
    const receipt = res.json() as { inquiryId: string; reference: string; canOpen: boolean };
    expect(receipt.reference).toMatch(/^H-/);
    expect(receipt.canOpen).toBe(false);
    expect(Object.keys(receipt).sort()).toEqual([
      'canOpen',
      'deadlineAt',
      'inquiryId',
      'reference',
    ]);

    const row = await t.database.db
      .selectFrom('inquiries')
      .select([
        'municipality_code',
        'housing_area_id',
        'identification_tool',
        'observation',
        'source',
        'urgent',
        'child_report',
      ])
      .where('id', '=', receipt.inquiryId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      municipality_code: '101',
      source: 'housing_social_worker',
      urgent: false,
      child_report: false,
      housing_area_id: areaId,
      identification_tool: '4a',
    });
    expect(row.observation).toContain('Nørrevang');
    expect(row.observation).toContain('værktøj 4a');
    expect(row.observation).toContain('yngre søskende');

    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => [a.action, a.resource_type])).toContainEqual(['create', 'inquiry']);

    // The same id again: the same receipt, nothing new.
    const count = await inquiryCount();
    const again = await caller('partner').post(url(), body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { inquiryId: string }).inquiryId).toBe(receipt.inquiryId);
    expect(await inquiryCount()).toBe(count);

    // The coordinator's inbox shows it with the area.
    const inbox = await caller('coordinator').get('/api/inquiries?status=all');
    expect(inbox.statusCode).toBe(200);
    const item = (
      inbox.json() as { items: { id: string; housingArea?: { name: string; tool: string } }[] }
    ).items.find((i) => i.id === receipt.inquiryId);
    expect(item?.housingArea).toEqual({ name: 'Nørrevang', tool: '4a' });
    const detail = await caller('coordinator').get(`/api/inquiries/${receipt.inquiryId}`);
    expect(detail.statusCode).toBe(200);
    expect((detail.json() as { housingArea: unknown }).housingArea).toEqual({
      name: 'Nørrevang',
      tool: '4a',
    });

    // The partner cannot open the inquiry.
    const partnerRead = await caller('partner').get(`/api/inquiries/${receipt.inquiryId}`);
    expect([403, 404]).toContain(partnerRead.statusCode);
  });

  it('the team sends a 4b form', async () => {
    const res = await caller('team').post(
      url(),
      form4a({ tool: '4b', relation: null, signs: ['during_or_after_prison'] }),
    );
    expect(res.statusCode).toBe(201);
  });

  it('a partner without the contribute grant gets 403; one without a grant and an outsider get 404', async () => {
    const count = await inquiryCount();
    expect((await caller('viewer').post(url(), form4a())).statusCode).toBe(403);
    expect((await caller('stranger').post(url(), form4a())).statusCode).toBe(404);
    expect((await caller('outsider').post(url(), form4a())).statusCode).toBe(404);
    expect((await caller('partner').post(url(randomUUID()), form4a())).statusCode).toBe(404);
    expect(await inquiryCount()).toBe(count);
  });

  it('a form without any sign and without an observation is refused in Danish; nothing stored', async () => {
    const count = await inquiryCount();
    const res = await caller('partner').post(url(), form4a({ signs: [], observation: '  ' }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.observation:area_work_identification_empty']);
    expect(JSON.stringify(res.json())).toContain('Sæt kryds ved mindst ét tegn');
    expect(await inquiryCount()).toBe(count);
  });

  it('a 4b sign on a 4a form is refused on its field', async () => {
    const res = await caller('partner').post(url(), form4a({ signs: ['during_or_after_prison'] }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.signs.0:invalid_value']);
  });

  const inquiryRow = (id: string) =>
    t.database.db
      .selectFrom('inquiries')
      .select(['source', 'urgent', 'immediate_danger', 'child_report'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('a form about a child in immediate danger is urgent and a report about a child; staff are the social worker', async () => {
    const res = await caller('team').post(
      url(),
      form4a({
        person: { givenName: 'Ali', familyName: 'Testesen', birthDate: '2013-05-01', age: null },
        immediateDanger: true,
        childReport: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const { inquiryId } = res.json() as { inquiryId: string };
    expect(await inquiryRow(inquiryId)).toEqual({
      source: 'social_worker',
      urgent: true,
      immediate_danger: true,
      child_report: true,
    });
  });

  it("the district's police contact in the team is recorded as the police", async () => {
    const res = await caller('police').post(
      url(),
      form4a({ tool: '4b', relation: null, signs: [] }),
    );
    expect(res.statusCode).toBe(201);
    const { inquiryId } = res.json() as { inquiryId: string };
    expect((await inquiryRow(inquiryId)).source).toBe('police');
  });

  it('a report about a child is refused for an adult or without a birth date, in Danish; nothing stored', async () => {
    const count = await inquiryCount();
    const adult = await caller('partner').post(
      url(),
      form4a({
        person: { givenName: 'Omar', familyName: 'Testesen', birthDate: '1990-01-01', age: null },
        childReport: true,
      }),
    );
    expect(adult.statusCode).toBe(400);
    expect(fieldsOf(adult)).toEqual(['body.childReport:child_report_not_child']);
    expect(JSON.stringify(adult.json())).toContain('barn under 18 år');
    const noBirthDate = await caller('partner').post(url(), form4a({ childReport: true }));
    expect(fieldsOf(noBirthDate)).toEqual(['body.childReport:child_report_not_child']);
    expect(await inquiryCount()).toBe(count);
  });

  it('a partner whose grant is revoked gets 404; nothing stored', async () => {
    const db = t.database.db;
    const user = await createUser(db, { roles: ['partner'] });
    await grantPartner(db, areaId, user.id, user.id, true);
    await logInAll(t, { revoked: user }, as);
    expect((await caller('revoked').post(url(), form4a())).statusCode).toBe(201);
    await db
      .updateTable('housing_area_partners')
      .set({ revoked_at: new Date() })
      .where('area_id', '=', areaId)
      .where('user_id', '=', user.id)
      .execute();
    const count = await inquiryCount();
    expect((await caller('revoked').post(url(), form4a())).statusCode).toBe(404);
    expect(await inquiryCount()).toBe(count);
  });
});
