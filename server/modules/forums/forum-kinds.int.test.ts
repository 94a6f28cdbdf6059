import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { ForumDetail, Forum } from './schema.ts';
import {
  t,
  type ErrorBody,
  call,
  fieldsOf,
  auditRows,
  state,
  useForumsFixtures,
} from './forums.fixtures.ts';

/**
 * A forum's kind and cadence (issue 14): set when created and changed later, validated; one
 * Infohus Kommune per municipality; a forum is archived instead of deleted (and leaves the
 * pickers, and takes no new inquiries); a kind the municipality's model does not use is marked.
 */
useForumsFixtures();

let forum: ForumDetail;

const setModel = (model: number) =>
  t.database.db
    .insertInto('municipality_settings')
    .values({ municipality_code: '101', organisation_model: model, updated_at: new Date() })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ organisation_model: model }))
    .execute();

describe(`forums: kind, cadence and archive (${testEngine})`, () => {
  it('creates a forum with a kind and a cadence; the default is a forum meeting when needed', async () => {
    const plain = await call<ForumDetail>('coordinator', 'POST', '/api/forums', { name: 'SSP' });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ kind: 'forum', cadence: null, archivedAt: null });

    const res = await call<ForumDetail>('coordinator', 'POST', '/api/forums', {
      name: 'Styregruppen',
      kind: 'steering_group',
      cadence: 'quarterly',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    forum = res.body;
    expect(forum).toMatchObject({
      kind: 'steering_group',
      cadence: 'quarterly',
      organisationModel: 1,
      // Model 1 (the coordinator model) holds no steering-group meetings: created, marked unused.
      usedInModel: false,
    });
  });

  it('changes the kind and cadence with optimistic locking, audited with the fields', async () => {
    const res = await call<ForumDetail>('admin', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      kind: 'forum',
      cadence: 'monthly',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'forum',
      cadence: 'monthly',
      version: forum.version + 1,
    });
    const rows = await auditRows(forum.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'update',
      details: { fields: 'kind,cadence', kind: 'forum' },
    });
    const stale = await call<ErrorBody>('admin', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      cadence: 'weekly',
    });
    expect(stale.status).toBe(409);
    forum = res.body;
  });

  it('marks a kind used once the municipality moves to a model that uses it', async () => {
    await setModel(3);
    const res = await call<ForumDetail>('coordinator', 'GET', `/api/forums/${forum.id}`);
    expect(res.body).toMatchObject({ organisationModel: 3, usedInModel: true });
    await setModel(1);
  });

  it.each([
    [{ kind: 'ssp_forum' }, 'body.kind:invalid_value'],
    [{ cadence: 'daily' }, 'body.cadence:invalid_value'],
    [{ cadence: 3 }, 'body.cadence:invalid_type'],
  ])('refuses %j (400 naming the field), storing nothing', async (change, problem) => {
    const before = await state();
    const res = await call<ErrorBody>('coordinator', 'POST', '/api/forums', {
      name: 'Nyt forum',
      ...change,
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)[0]?.split(':')[0]).toBe(problem.split(':')[0]);
    expect(res.body.error.fields?.[0]?.message).toMatch(/[a-zæøå]/);
    const patch = await call<ErrorBody>('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      ...change,
    });
    expect(patch.status).toBe(400);
    expect(await state()).toEqual(before);
  });

  it('has one Infohus Kommune per municipality in use (409 on body.kind)', async () => {
    const first = await call<ForumDetail>('coordinator', 'POST', '/api/forums', {
      name: 'Infohus Kommune',
      kind: 'infohus_kommune',
      cadence: 'biweekly',
    });
    expect(first.status).toBe(201);
    // Used in every model, model 1 too.
    expect(first.body.usedInModel).toBe(true);
    const before = await state();
    const second = await call<ErrorBody>('coordinator', 'POST', '/api/forums', {
      name: 'Infohus 2',
      kind: 'infohus_kommune',
    });
    expect(second.status).toBe(409);
    expect(fieldsOf(second.body)).toEqual(['body.kind:infohus_kommune_exists']);
    expect(second.body.error.fields?.[0]?.message).toContain('Infohus Kommune');
    const changed = await call<ErrorBody>('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      kind: 'infohus_kommune',
    });
    expect(changed.status).toBe(409);
    expect(await state()).toEqual(before);
    // Another municipality has its own.
    const other = await call<ForumDetail>('otherCoordinator', 'POST', '/api/forums', {
      name: 'Infohus Kommune',
      kind: 'infohus_kommune',
    });
    expect(other.status).toBe(201);
  });

  it('archives a forum instead of deleting it: out of the pickers, back when asked', async () => {
    const res = await call<ForumDetail>('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      archived: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.archivedAt).toEqual(expect.any(String));
    const list = await call<{ items: Forum[] }>('coordinator', 'GET', '/api/forums');
    expect(list.body.items.map((f) => f.id)).not.toContain(forum.id);
    const all = await call<{ items: Forum[] }>(
      'coordinator',
      'GET',
      '/api/forums?archived=include',
    );
    expect(all.body.items.find((f) => f.id === forum.id)?.archivedAt).toEqual(res.body.archivedAt);
    expect(
      await t.database.db.selectFrom('forums').select('id').where('id', '=', forum.id).execute(),
    ).toHaveLength(1);

    const back = await call<ForumDetail>('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: res.body.version,
      archived: false,
    });
    expect(back.body.archivedAt).toBeNull();
    forum = back.body;
  });

  it('police staff and other municipalities cannot change a forum (403/404), storing nothing', async () => {
    const before = await state();
    const police = await call('police', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      archived: true,
    });
    expect(police.status).toBe(403);
    const other = await call('otherCoordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      archived: true,
    });
    expect(other.status).toBe(404);
    expect(await state()).toEqual(before);
  });
});
