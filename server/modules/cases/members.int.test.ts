import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  createCase,
  createPerson,
  createPoliceContact,
  createUnit,
  type Client,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import type { Role } from '../../access/roles.ts';

/**
 * Case membership: only the case's coordinators add and remove members; the new member must
 * work in the case's municipality (or its police district) in a role that fits; a case keeps at
 * least one coordinator; every change is audited in the municipality's chain.
 */
let t: TestApp;
let theCase: { id: string; reference: string };
let coordinator: TestUser;
let member: TestUser;
let outsider: TestUser;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  member = await createUser(db, { roles: ['caseworker'] });
  outsider = await createUser(db, { roles: ['coordinator'] });
  theCase = await createCase(db, {
    persons: [{ id: (await createPerson(db)).id }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: member.id, role: 'member' },
    ],
  });
  await logInAll(t, { coordinator, member, outsider }, as);
});
afterAll(() => t.close());

const caller = (name: 'coordinator' | 'member' | 'outsider'): Client => callerIn(as, name);

const membersUrl = () => `/api/cases/${theCase.id}/members`;

/** Members and audit entries of the case, to prove a refused request changed nothing. */
async function state() {
  const db = t.database.db;
  const members = await db
    .selectFrom('case_members')
    .select(['user_id', 'role', 'scope', 'unit_id'])
    .where('case_id', '=', theCase.id)
    .orderBy('user_id')
    .execute();
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', 'permission_change')
    .executeTakeFirstOrThrow();
  return { members, audit: Number(audit.n) };
}

function fieldsOf(res: { json(): unknown }): string[] {
  return ((res.json() as { error: { fields?: { field: string }[] } }).error.fields ?? []).map(
    (f) => f.field,
  );
}

describe(`case membership (${testEngine})`, () => {
  it('the case coordinator adds and removes members; each change is audited in 101', async () => {
    const db = t.database.db;
    const unit = await createUnit(db, { kind: 'children_youth' });
    const newcomer = await createUser(db, { roles: ['mentor'] });
    const added = await caller('coordinator').post(membersUrl(), {
      userId: newcomer.id,
      role: 'member',
      scope: 'intervention',
      unitId: unit.id,
    });
    expect(added.statusCode).toBe(204);
    const row = await db
      .selectFrom('case_members')
      .selectAll()
      .where('case_id', '=', theCase.id)
      .where('user_id', '=', newcomer.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'member', scope: 'intervention', unit_id: unit.id });
    expect(row.added_by).toBe(coordinator.id);
    const [addAudit] = await auditRowsOf(db, added);
    expect(addAudit).toMatchObject({
      action: 'permission_change',
      chain_key: '101',
      municipality_code: '101',
      actor_user_id: coordinator.id,
      resource_type: 'case',
      resource_id: theCase.id,
    });
    expect(addAudit?.details).toMatchObject({ change: 'member_added', memberUserId: newcomer.id });

    const removed = await caller('coordinator').delete(`${membersUrl()}/${newcomer.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await state()).members.map((m) => m.user_id)).not.toContain(newcomer.id);
    const [removeAudit] = await auditRowsOf(db, removed);
    expect(removeAudit).toMatchObject({ action: 'permission_change', chain_key: '101' });
    expect(removeAudit?.details).toMatchObject({
      change: 'member_removed',
      memberUserId: newcomer.id,
    });
  });

  it('a police contact of the district is eligible; a forum seat needs a fitting role', async () => {
    const police = await createPoliceContact(t.database.db, 11);
    const res = await caller('coordinator').post(membersUrl(), {
      userId: police.id,
      role: 'forum',
    });
    expect(res.statusCode).toBe(204);
    const mentor = await createUser(t.database.db, { roles: ['mentor'] });
    const before = await state();
    const refused = await caller('coordinator').post(membersUrl(), {
      userId: mentor.id,
      role: 'forum',
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.userId']);
    expect(await state()).toEqual(before);
  });

  it('only the coordinator: a member gets 403, a non-member 404 (as for no case)', async () => {
    const candidate = await createUser(t.database.db, { roles: ['caseworker'] });
    const before = await state();
    const body = { userId: candidate.id, role: 'member' };
    expect((await caller('member').post(membersUrl(), body)).statusCode).toBe(403);
    expect((await caller('member').delete(`${membersUrl()}/${coordinator.id}`)).statusCode).toBe(
      403,
    );
    for (const url of [membersUrl(), `/api/cases/${randomUUID()}/members`]) {
      expect((await caller('outsider').post(url, body)).statusCode, url).toBe(404);
      expect((await caller('outsider').delete(`${url}/${member.id}`)).statusCode, url).toBe(404);
    }
    expect(await state()).toEqual(before);
  });

  it('an ineligible user is 400 naming body.userId, and nothing is stored', async () => {
    const db = t.database.db;
    const disabled = await createUser(db, { roles: ['caseworker'] });
    await db
      .updateTable('users')
      .set({ disabled_at: sql`now()` })
      .where('id', '=', disabled.id)
      .execute();
    const ineligible: [string, string][] = [
      [
        'other municipality',
        (await createUser(db, { roles: ['caseworker'], municipalityCode: '147' })).id,
      ],
      ['other police district', (await createPoliceContact(db, 10)).id],
      ['disabled', disabled.id],
      ['unknown', randomUUID()],
    ];
    for (const role of ['leader', 'analyst', 'municipal_admin', 'data_protection'] as Role[]) {
      ineligible.push([role, (await createUser(db, { roles: [role] })).id]);
    }
    const before = await state();
    for (const [why, userId] of ineligible) {
      const res = await caller('coordinator').post(membersUrl(), { userId, role: 'member' });
      expect(res.statusCode, why).toBe(400);
      expect(fieldsOf(res), why).toEqual(['body.userId']);
    }
    // A caseworker can be a member but never a coordinator of the case.
    const caseworker = await createUser(db, { roles: ['caseworker'] });
    const res = await caller('coordinator').post(membersUrl(), {
      userId: caseworker.id,
      role: 'coordinator',
    });
    expect(fieldsOf(res)).toEqual(['body.userId']);
    expect(await state()).toEqual(before);
  });

  it('an unknown field, a bad scope or a unit of another municipality is 400; nothing stored', async () => {
    const db = t.database.db;
    const candidate = await createUser(db, { roles: ['coordinator'] });
    const unit147 = await createUnit(db, { municipalityCode: '147' });
    const before = await state();
    const cases: [Record<string, unknown>, string][] = [
      [{ userId: candidate.id, role: 'member', isAdmin: true }, 'body.isAdmin'],
      [{ userId: candidate.id, role: 'owner' }, 'body.role'],
      [{ userId: candidate.id, role: 'coordinator', scope: 'intervention' }, 'body.scope'],
      [{ userId: candidate.id, role: 'member', unitId: unit147.id }, 'body.unitId'],
      [{ userId: 'not-a-uuid', role: 'member' }, 'body.userId'],
    ];
    for (const [body, field] of cases) {
      const res = await caller('coordinator').post(membersUrl(), body);
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res), field).toEqual([field]);
    }
    expect(await state()).toEqual(before);
  });

  it('adding an existing member is 409, and changes nothing', async () => {
    const before = await state();
    const res = await caller('coordinator').post(membersUrl(), {
      userId: member.id,
      role: 'member',
      scope: 'intervention',
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe('already_member');
    expect(await state()).toEqual(before);
  });

  it('removing the last coordinator is 409 last_coordinator; a second one can go', async () => {
    const db = t.database.db;
    const before = await state();
    const res = await caller('coordinator').delete(`${membersUrl()}/${coordinator.id}`);
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe('last_coordinator');
    expect(await state()).toEqual(before);
    expect(await auditRowsOf(db, res)).toEqual([]);
    expect((await caller('coordinator').delete(`${membersUrl()}/${randomUUID()}`)).statusCode).toBe(
      404,
    );

    const second = await createUser(db, { roles: ['coordinator'] });
    expect(
      (await caller('coordinator').post(membersUrl(), { userId: second.id, role: 'coordinator' }))
        .statusCode,
    ).toBe(204);
    const gone = await caller('coordinator').delete(`${membersUrl()}/${coordinator.id}`);
    expect(gone.statusCode).toBe(204);
    // The removal took effect at once: the former coordinator no longer sees the case.
    expect((await caller('coordinator').get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
  });
});
