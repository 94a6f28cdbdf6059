import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../../demo/seed.ts';
import { testKeys } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { displayNameOf } from '../../test/records.ts';
import type { ForumCandidate, ForumDetail, Forum } from './schema.ts';
import {
  t,
  type ErrorBody,
  call,
  fieldsOf,
  auditRows,
  state,
  addUser,
  id,
  useForumsFixtures,
} from './forums.fixtures.ts';

useForumsFixtures();

let forum: ForumDetail;

describe(`forums: creating and renaming (${testEngine})`, () => {
  it('lets a coordinator create a forum in their municipality, audited as create', async () => {
    const res = await call<ForumDetail>('coordinator', 'POST', '/api/forums', {
      name: '  Infohus  ',
    });
    expect(res.status).toBe(201);
    forum = res.body;
    expect(forum).toMatchObject({
      municipalityCode: '101',
      name: 'Infohus',
      memberCount: 0,
      isMember: false,
      mayManage: true,
      version: 1,
      members: [],
    });
    const rows = await auditRows(forum.id);
    expect(rows).toEqual([
      {
        action: 'create',
        resource_type: 'forum',
        actor_user_id: id('coordinator'),
        actor_role: 'coordinator',
        municipality_code: '101',
        details: {},
      },
    ]);
  });

  it('lets a municipal administrator create one too, but not a caseworker (403)', async () => {
    const res = await call<ForumDetail>('admin', 'POST', '/api/forums', { name: 'SSP-forum' });
    expect(res.status).toBe(201);
    expect((await auditRows(res.body.id))[0]?.actor_role).toBe('municipal_admin');
    const before = await state();
    const denied = await call('caseworker', 'POST', '/api/forums', { name: 'Eget forum' });
    expect(denied.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('refuses a taken name (any case) with 409 naming body.name, storing nothing', async () => {
    const before = await state();
    const res = await call<ErrorBody>('admin', 'POST', '/api/forums', { name: 'INFOHUS' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate');
    expect(fieldsOf(res.body)).toEqual(['body.name:forum_name_taken']);
    expect(await state()).toEqual(before);
    // The same name in another municipality is fine.
    const other = await call<ForumDetail>('otherCoordinator', 'POST', '/api/forums', {
      name: 'Infohus',
    });
    expect(other.status).toBe(201);
    expect(other.body.municipalityCode).toBe('147');
  });

  it('rejects unknown fields and empty or long names (400), storing nothing', async () => {
    const before = await state();
    const unknown = await call('coordinator', 'POST', '/api/forums', {
      name: 'Tværfagligt team',
      municipalityCode: '147',
    });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['body.municipalityCode:unrecognized_keys']);
    const empty = await call('coordinator', 'POST', '/api/forums', { name: '   ' });
    expect(fieldsOf(empty.body)).toEqual(['body.name:required']);
    const long = await call('coordinator', 'POST', '/api/forums', { name: 'x'.repeat(201) });
    expect(fieldsOf(long.body)).toEqual(['body.name:too_big_string']);
    expect(await state()).toEqual(before);
  });

  it('renames with the current version, refuses a stale one (409 with currentVersion)', async () => {
    const renamed = await call<ForumDetail>('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: 1,
      name: 'Infohus København',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Infohus København', version: 2 });
    forum = renamed.body;
    const stale = await call<ErrorBody>('admin', 'PATCH', `/api/forums/${forum.id}`, {
      version: 1,
      name: 'Forældet navn',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', meta: { currentVersion: 2 } });
    const taken = await call('admin', 'PATCH', `/api/forums/${forum.id}`, {
      version: 2,
      name: 'ssp-forum',
    });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(['body.name:forum_name_taken']);
    const missingVersion = await call('admin', 'PATCH', `/api/forums/${forum.id}`, { name: 'X' });
    expect(fieldsOf(missingVersion.body)).toEqual(['body.version:required']);
    const rows = await auditRows(forum.id);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ['create', {}],
      ['update', { fields: 'name' }],
    ]);
  });
});

describe(`forums: members (${testEngine})`, () => {
  const membersUrl = () => `/api/forums/${forum.id}/members`;

  it('adds staff of the municipality and police of the district, audited with ids only', async () => {
    for (const name of ['forumMember', 'caseworker', 'police']) {
      const res = await call<ForumDetail>('coordinator', 'POST', membersUrl(), {
        userId: id(name),
      });
      expect(res.status, name).toBe(200);
    }
    const res = await call<ForumDetail>('coordinator', 'GET', `/api/forums/${forum.id}`);
    expect(res.body.memberCount).toBe(3);
    const members = res.body.members;
    expect(members.map((m) => m.userId).sort()).toEqual(
      [id('forumMember'), id('caseworker'), id('police')].sort(),
    );
    const police = members.find((m) => m.userId === id('police'));
    expect(police).toMatchObject({ roles: ['police_contact'], unitName: 'Københavns Politi' });
    expect(police?.displayName).toBe(await displayNameOf(t.database.db, id('police')));
    const added = (await auditRows(forum.id)).filter((r) => r.action === 'permission_change');
    expect(added.map((r) => r.details)).toEqual([
      { change: 'member_added', memberUserId: id('forumMember') },
      { change: 'member_added', memberUserId: id('caseworker') },
      { change: 'member_added', memberUserId: id('police') },
    ]);
    expect(added.every((r) => r.municipality_code === '101')).toBe(true);
    // Names never go into the audit trail.
    expect(JSON.stringify(added)).not.toContain(police?.displayName);
  });

  it('adding a member twice changes nothing and writes no second entry', async () => {
    const before = await state();
    const res = await call<ForumDetail>('coordinator', 'POST', membersUrl(), {
      userId: id('caseworker'),
    });
    expect(res.status).toBe(200);
    expect(res.body.memberCount).toBe(3);
    expect(await state()).toEqual(before);
  });

  it('refuses an ineligible user with 400 naming body.userId, storing nothing', async () => {
    const before = await state();
    const ineligible = {
      'a mentor (role may not sit in a forum)': id('mentor'),
      'a municipal administrator': id('admin'),
      'a coordinator of another municipality': id('otherCoordinator'),
      'police of another district': id('otherPolice'),
      'a disabled caseworker': id('disabled'),
      'an unknown user': '00000000-0000-4000-8000-00000000beef',
    };
    for (const [why, userId] of Object.entries(ineligible)) {
      const res = await call<ErrorBody>('coordinator', 'POST', membersUrl(), { userId });
      expect(res.status, why).toBe(400);
      expect(fieldsOf(res.body), why).toEqual(['body.userId:forum_member_not_eligible']);
    }
    const bad = await call('coordinator', 'POST', membersUrl(), { userId: 'x', role: 'forum' });
    expect(fieldsOf(bad.body).sort()).toEqual([
      'body.role:unrecognized_keys',
      'body.userId:invalid_format',
    ]);
    expect(await state()).toEqual(before);
  });

  it('offers eligible non-members of the municipality and its police district as candidates', async () => {
    const extra = await addUser('newCaseworker', ['caseworker', 'mentor']);
    const res = await call<{ items: ForumCandidate[] }>(
      'admin',
      'GET',
      `/api/forums/${forum.id}/candidates`,
    );
    expect(res.status).toBe(200);
    const ids = res.body.items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([id('coordinator'), extra.id]));
    for (const name of [
      'caseworker', // already a member
      'police', // already a member
      'mentor',
      'admin',
      'otherCoordinator',
      'otherPolice',
      'disabled',
    ]) {
      expect(ids, name).not.toContain(id(name));
    }
    expect(res.body.items.find((c) => c.id === extra.id)).toMatchObject({
      roles: ['caseworker', 'mentor'],
    });
    const name = await displayNameOf(t.database.db, extra.id);
    const found = await call<{ items: ForumCandidate[] }>(
      'admin',
      'GET',
      `/api/forums/${forum.id}/candidates?q=${encodeURIComponent(name.toUpperCase())}`,
    );
    expect(found.body.items.map((c) => c.id)).toEqual([extra.id]);
    const unknown = await call('admin', 'GET', `/api/forums/${forum.id}/candidates?role=x`);
    expect(unknown.status).toBe(400);
  });

  it('removes a member, audited; removing a non-member answers 404', async () => {
    const res = await call<ForumDetail>(
      'coordinator',
      'DELETE',
      `${membersUrl()}/${id('caseworker')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.members.map((m) => m.userId)).not.toContain(id('caseworker'));
    const rows = await auditRows(forum.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'permission_change',
      details: { change: 'member_removed', memberUserId: id('caseworker') },
    });
    const before = await state();
    const again = await call('coordinator', 'DELETE', `${membersUrl()}/${id('caseworker')}`);
    expect(again.status).toBe(404);
    expect(await state()).toEqual(before);
  });
});

describe(`forums: who sees what (${testEngine})`, () => {
  it('lists the forums of the own municipality with member counts', async () => {
    const res = await call<{ items: Forum[] }>('forumMember', 'GET', '/api/forums');
    expect(res.status).toBe(200);
    expect(res.body.items.map((f) => [f.name, f.municipalityCode])).toEqual([
      ['Infohus København', '101'],
      ['SSP-forum', '101'],
    ]);
    expect(res.body.items[0]).toMatchObject({ memberCount: 2, isMember: true, mayManage: false });
    const caseworker = await call<{ items: Forum[] }>('caseworker', 'GET', '/api/forums');
    expect(caseworker.body.items.map((f) => f.isMember)).toEqual([false, false]);
    const other = await call<{ items: Forum[] }>('otherCoordinator', 'GET', '/api/forums');
    expect(other.body.items.map((f) => f.municipalityCode)).toEqual(['147']);
    expect(other.body.items[0]?.mayManage).toBe(true);
  });

  it('lists for police staff the forums of every municipality in their district', async () => {
    const police = await call<{ items: Forum[] }>('police', 'GET', '/api/forums');
    expect(police.body.items.map((f) => f.municipalityCode)).toEqual(['101', '101', '147']);
    expect(police.body.items.every((f) => !f.mayManage)).toBe(true);
    const elsewhere = await call<{ items: Forum[] }>('otherPolice', 'GET', '/api/forums');
    expect(elsewhere.body.items).toEqual([]);
  });

  it('shows the members to the forum’s members and managers, 404 to everyone else', async () => {
    const url = `/api/forums/${forum.id}`;
    for (const name of ['coordinator', 'admin', 'forumMember', 'police']) {
      expect((await call(name, 'GET', url)).status, name).toBe(200);
    }
    for (const name of ['caseworker', 'mentor', 'otherCoordinator', 'otherPolice']) {
      expect((await call(name, 'GET', url)).status, name).toBe(404);
    }
  });

  it('answers 404 for a forum of another municipality, whatever the change, storing nothing', async () => {
    const before = await state();
    const url = `/api/forums/${forum.id}`;
    for (const name of ['otherCoordinator', 'ballerupCoordinator']) {
      const answers = [
        await call(name, 'GET', url),
        await call(name, 'PATCH', url, { version: forum.version, name: 'Overtaget' }),
        await call(name, 'GET', `${url}/candidates`),
        await call(name, 'POST', `${url}/members`, { userId: id(name) }),
        await call(name, 'DELETE', `${url}/members/${id('forumMember')}`),
      ];
      expect(
        answers.map((a) => a.status),
        name,
      ).toEqual([404, 404, 404, 404, 404]);
    }
    const missing = '00000000-0000-4000-8000-00000000dead';
    expect((await call('coordinator', 'GET', `/api/forums/${missing}`)).status).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('lets members read but not change their forum (403 by policy)', async () => {
    const before = await state();
    const url = `/api/forums/${forum.id}`;
    expect((await call('forumMember', 'PATCH', url, { version: 2, name: 'Nyt' })).status).toBe(403);
    expect(
      (await call('police', 'POST', `${url}/members`, { userId: id('otherPolice') })).status,
    ).toBe(403);
    expect(await state()).toEqual(before);
  });
});

describe(`the demo forum (${testEngine})`, () => {
  async function demoForum() {
    const db = t.database.db;
    // The forum that handles the demo records (the organisation's other forums: below).
    const forums = await db
      .selectFrom('forums')
      .select(['id', 'name'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', 'Demo Infohus')
      .execute();
    const members = await db
      .selectFrom('forum_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('forums as f', 'f.id', 'm.forum_id')
      .select('u.username')
      .where('f.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('f.name', '=', 'Demo Infohus')
      .orderBy('u.username')
      .execute();
    const handled = await db
      .selectFrom('cases')
      .select(['reference', 'forum_id'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .orderBy('reference')
      .execute();
    return { forums, members: members.map((m) => m.username), handled };
  }

  it('seeds "Demo Infohus" handling S-2026-0001, also into an installation from before forums', async () => {
    await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    const seeded = await demoForum();
    expect(seeded.forums.map((f) => f.name)).toEqual(['Demo Infohus']);
    expect(seeded.members).toEqual(['demo.forum', 'demo.politi', 'demo.tovholder']);
    const forumId = seeded.forums[0]?.id;
    // The first two demo cases (the demo inquiries open a third).
    expect(seeded.handled.slice(0, 2)).toEqual([
      { reference: 'S-2026-0001', forum_id: forumId },
      { reference: 'S-2026-0002', forum_id: null },
    ]);
    // The organisation's forums have kinds (issue 14), and Demo Kommune is in model 3.
    const kinds = await t.database.db
      .selectFrom('forums')
      .select(['name', 'kind', 'cadence'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .orderBy('name')
      .execute();
    expect(kinds).toEqual([
      { name: 'Demo Infohus', kind: 'infohus_kommune', cadence: 'biweekly' },
      { name: 'Infohus-netværk Demo Politikreds', kind: 'infohus_network', cadence: 'quarterly' },
      // The team of the housing area Nørrevang (issue 16).
      { name: 'Nørrevangs områdeteam', kind: 'housing_area', cadence: 'quarterly' },
      { name: 'Styregruppen', kind: 'steering_group', cadence: 'quarterly' },
      { name: 'Tværfagligt forum', kind: 'forum', cadence: 'monthly' },
    ]);
    const settings = await t.database.db
      .selectFrom('municipality_settings')
      .select(['organisation_model', 'four_eyes'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .executeTakeFirstOrThrow();
    expect(settings).toEqual({ organisation_model: 3, four_eyes: false });
    // Another start changes nothing.
    await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    expect(await demoForum()).toEqual(seeded);
    expect(
      await t.database.db
        .selectFrom('forums')
        .select('name')
        .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
        .execute(),
    ).toHaveLength(5);

    // An installation seeded before forums existed gets the forum on its next start.
    await t.database.db.updateTable('cases').set({ forum_id: null }).execute();
    await t.database.db.updateTable('inquiries').set({ forum_id: null }).execute();
    await t.database.db
      .deleteFrom('forums')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .execute();
    await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    const upgraded = await demoForum();
    expect(upgraded.forums.map((f) => f.name)).toEqual(['Demo Infohus']);
    expect(upgraded.members).toEqual(seeded.members);
    expect(upgraded.handled[0]?.forum_id).toBe(upgraded.forums[0]?.id);
  });
});
