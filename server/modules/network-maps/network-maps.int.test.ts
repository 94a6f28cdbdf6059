import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import { createUser } from '../../test/users.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  createCase,
  createPerson,
  fieldsOf,
  type Client,
  type ErrorBody,
} from '../../test/records.ts';
import { storedRelations } from './content.ts';
import { moveNetworkMapPersonLinks } from './queries.ts';
import type { NetworkMap, NetworkMapComparison, RelationInput } from './schema.ts';

/**
 * The network analysis map (issue 15 part 5): versions started as copies, drafts edited with
 * optimistic locking, finalised versions read-only (409), two versions compared on the server,
 * the compartment's members only; bad input refused on its field with nothing stored.
 */
let t: TestApp;
let caseId: string;
let otherCaseId: string;
let citizen: { id: string; name: string };
let mother: { id: string; name: string };
let stranger: { id: string; name: string };
const as: Record<string, Client> = {};
const caller = (name: string) => callerIn(as, name);
const url = (path = '') => `/api/cases/${caseId}/network-maps${path}`;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const team = await createTeamCase(db, ['coordinator', 'forum', 'member', 'mentor', 'outsider']);
  caseId = team.theCase.id;
  citizen = team.person;
  mother = await createPerson(db, { givenName: 'Mor', familyName: 'Hansen' });
  await db
    .insertInto('case_persons')
    .values({ case_id: caseId, person_id: mother.id, role: 'parent' })
    .execute();
  stranger = await createPerson(db, { givenName: 'Fremmed', familyName: 'Person' });
  const other = await createCase(db, {
    persons: [{ id: stranger.id }],
    members: [{ userId: team.users.coordinator.id, role: 'coordinator' }],
  });
  otherCaseId = other.id;
  const dpo = await createUser(db, { roles: ['data_protection'] });
  await logInAll(t, { ...team.users, dpo }, as);
});
afterAll(() => t.close());

const KEYS = { mother: randomUUID(), cousin: randomUUID(), club: randomUUID(), env: randomUUID() };
const relation = (over: Partial<RelationInput> & { key: string }): RelationInput => ({
  sector: 'family',
  label: 'Rolle',
  closeness: 2,
  quality: 'protective',
  note: null,
  personId: null,
  ...over,
});
const SPRING: RelationInput[] = [
  relation({ key: KEYS.mother, label: 'Mor', closeness: 1, personId: null }),
  relation({ key: KEYS.cousin, label: 'Ældre fætter', closeness: 2, quality: 'risky' }),
  relation({ key: KEYS.club, sector: 'leisure', label: 'Ven fra klubben', closeness: 3 }),
  relation({
    key: KEYS.env,
    sector: 'extremist_environment',
    label: 'Online-fællesskab med voldelig retorik',
    closeness: 2,
    quality: 'risky',
  }),
];

const mapOf = (res: { json(): unknown }) => (res.json() as { map: NetworkMap }).map;
const storedVersion = async (id: string) =>
  (
    await t.database.db
      .selectFrom('network_map_versions')
      .select(['version', 'relations'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
const eventsOf = async (kind: string) =>
  t.database.db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .execute();

describe(`the network analysis map (${testEngine})`, () => {
  const firstId = randomUUID();
  const secondId = randomUUID();

  it('lists no versions at first, and audits the read (ASVS 16.3.1)', async () => {
    const res = await caller('coordinator').get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: caseId, items: [] });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => r.action)).toContain('read');
  });

  it('starts a version with the client’s id (201); the same id again answers it (200)', async () => {
    const body = { id: firstId, drawnOn: '2026-03-02', occasion: 'Første møde' };
    const res = await caller('coordinator').post(url(), body);
    expect(res.statusCode).toBe(201);
    expect(mapOf(res)).toMatchObject({ id: firstId, number: 1, status: 'draft', relations: [] });
    const again = await caller('forum').post(url(), body);
    expect(again.statusCode).toBe(200);
    expect(mapOf(again).id).toBe(firstId);
    expect(await eventsOf('network_map_created')).toHaveLength(1);
  });

  it('saves relations, linking a person of the case by id', async () => {
    const relations = SPRING.map((r) =>
      r.key === KEYS.mother ? { ...r, personId: mother.id } : r,
    );
    const res = await caller('forum').put(url(`/${firstId}`), {
      version: 1,
      drawnOn: '2026-03-02',
      occasion: 'Første møde',
      relations,
    });
    expect(res.statusCode).toBe(200);
    const map = mapOf(res);
    expect(map.version).toBe(2);
    expect(map.relations).toHaveLength(4);
    expect(map.relations?.[0]).toMatchObject({ personId: mother.id, personName: 'Mor Hansen' });
  });

  it('refuses a CPR number, a person not on the case and a person in the environment, on their fields; nothing stored', async () => {
    const res = await caller('coordinator').put(
      url(`/${firstId}`),
      {
        version: 2,
        drawnOn: '2026-03-02',
        occasion: null,
        relations: [
          relation({ key: randomUUID(), label: 'Fætter 010203-1234' }),
          relation({ key: randomUUID(), label: 'Ven', personId: stranger.id }),
          relation({
            key: randomUUID(),
            sector: 'extremist_environment',
            label: 'Miljø',
            personId: mother.id,
          }),
        ],
      },
      { 'accept-language': 'da' },
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      'body.relations.0.label:network_map_cpr',
      'body.relations.1.personId:network_map_person_not_on_case',
      'body.relations.2.personId:network_map_environment_person',
    ]);
    const messages = (res.json() as ErrorBody).error.fields?.map((f) => f.message) ?? [];
    expect(messages[0]).toContain('CPR-nummer');
    expect(await storedVersion(firstId)).toBe(2);
  });

  it('refuses a closeness outside the scale with a Danish message; nothing stored', async () => {
    const res = await caller('coordinator').put(
      url(`/${firstId}`),
      {
        version: 2,
        drawnOn: '2026-03-02',
        occasion: null,
        relations: [relation({ key: randomUUID(), closeness: 4 })],
      },
      { 'accept-language': 'da' },
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.relations.0.closeness:too_big_number']);
    const message = (res.json() as ErrorBody).error.fields?.[0]?.message ?? '';
    expect(message).toBe('Må højst være 3.');
    expect(await storedVersion(firstId)).toBe(2);
  });

  it('answers a stale version with 409 and the current version', async () => {
    const res = await caller('coordinator').put(url(`/${firstId}`), {
      version: 1,
      drawnOn: '2026-03-02',
      occasion: null,
      relations: [],
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as ErrorBody).error.meta).toEqual({ currentVersion: 2 });
  });

  it('finalises; a finalised version answers 409 in Danish and keeps its content', async () => {
    const res = await caller('coordinator').post(url(`/${firstId}/finalise`), { version: 2 });
    expect(res.statusCode).toBe(200);
    expect(mapOf(res)).toMatchObject({ status: 'final', version: 3 });
    expect(await eventsOf('network_map_finalised')).toHaveLength(1);

    const edit = await caller('coordinator').put(
      url(`/${firstId}`),
      { version: 3, drawnOn: '2026-03-02', occasion: null, relations: [] },
      { 'accept-language': 'da' },
    );
    expect(edit.statusCode).toBe(409);
    const error = (edit.json() as ErrorBody).error;
    expect(error.code).toBe('network_map_final');
    expect(error.message).toContain('afsluttet');
    expect(await storedVersion(firstId)).toBe(3);
    const again = await caller('coordinator').post(url(`/${firstId}/finalise`), { version: 3 });
    expect(again.statusCode).toBe(409);
  });

  it('starts the next version as a copy, and compares the two on the server', async () => {
    const res = await caller('coordinator').post(url(), {
      id: secondId,
      drawnOn: '2026-06-02',
      occasion: 'Tre måneder efter',
    });
    expect(res.statusCode).toBe(201);
    const copy = mapOf(res);
    expect(copy).toMatchObject({ number: 2, basedOnId: firstId });
    expect(copy.relations?.map((r) => r.key)).toEqual(SPRING.map((r) => r.key));

    const summer = (copy.relations ?? [])
      .filter((r) => r.key !== KEYS.env)
      .map(({ personName: _name, ...r }) =>
        r.key === KEYS.cousin ? { ...r, closeness: 3, quality: 'mixed' as const } : r,
      );
    const job = relation({
      key: randomUUID(),
      sector: 'school_work',
      label: 'Mester på værkstedet',
    });
    const saved = await caller('coordinator').put(url(`/${secondId}`), {
      version: 1,
      drawnOn: '2026-06-02',
      occasion: 'Tre måneder efter',
      relations: [...summer, job],
    });
    expect(saved.statusCode).toBe(200);

    const cmp = await caller('forum').get(url(`/compare?from=${firstId}&to=${secondId}`));
    expect(cmp.statusCode).toBe(200);
    const body = cmp.json() as NetworkMapComparison;
    const byKey = new Map(body.changes?.map((c) => [c.key, c]));
    expect(byKey.get(KEYS.env)?.kind).toBe('removed');
    expect(byKey.get(job.key)?.kind).toBe('added');
    expect(byKey.get(KEYS.cousin)).toMatchObject({
      kind: 'changed',
      moved: 'further',
      qualityChanged: true,
    });
    expect(body.unchanged).toBe(2);

    const latest = await caller('coordinator').get(url('/compare'));
    expect(latest.statusCode).toBe(200);
    expect(latest.json()).toEqual(body);
    const half = await caller('coordinator').get(url(`/compare?from=${firstId}`));
    expect(half.statusCode).toBe(400);
    expect(fieldsOf(half)).toEqual(['query.to:network_map_compare_both']);
  });

  it('answers 404 for a version of another case in the comparison or a change', async () => {
    const foreign = randomUUID();
    const made = await caller('coordinator').post(`/api/cases/${otherCaseId}/network-maps`, {
      id: foreign,
      drawnOn: '2026-03-02',
    });
    expect(made.statusCode).toBe(201);
    const cmp = await caller('coordinator').get(url(`/compare?from=${firstId}&to=${foreign}`));
    expect(cmp.statusCode).toBe(404);
    const put = await caller('coordinator').put(url(`/${foreign}`), {
      version: 1,
      drawnOn: '2026-03-02',
      occasion: null,
      relations: [],
    });
    expect(put.statusCode).toBe(404);
    // The same client id on this case is not a second create of that version.
    const reuse = await caller('coordinator').post(url(), { id: foreign, drawnOn: '2026-03-02' });
    expect(reuse.statusCode).toBe(409);
  });

  it('keeps the map in the compartment: a plain member and a mentor 403, an outsider 404 (ASVS 8.2.2)', async () => {
    expect((await caller('member').get(url())).statusCode).toBe(403);
    expect((await caller('mentor').get(url())).statusCode).toBe(403);
    expect((await caller('outsider').get(url())).statusCode).toBe(404);
    const write = await caller('member').post(url(), { id: randomUUID(), drawnOn: '2026-03-02' });
    expect(write.statusCode).toBe(403);
  });

  it('puts the latest finalised map in the citizen’s access request: roles only, no names, notes withheld', async () => {
    const res = await caller('dpo').post('/api/access-requests', {
      id: randomUUID(),
      kind: 'data_subject_access',
      personId: citizen.id,
      channel: 'letter',
      receivedOn: '2026-11-02',
    });
    expect(res.statusCode).toBe(201);
    const items = (
      res.json() as { items: { title: string; lines: { label: string; value: string }[] }[] }
    ).items;
    const map = items.find((i) => i.title.startsWith('Netværkskort i sag'));
    // Version 2 is still a draft: the latest finalised version is the first.
    expect(map?.title).toContain('version 1');
    const text = JSON.stringify(map?.lines);
    expect(text).toContain('Familie · Mor · tæt · beskyttende');
    expect(text).toContain('Det ekstremistiske miljø');
    expect(text).not.toContain('Mor Hansen');
    expect(text).not.toContain('Hansen');
    expect(map?.lines.at(-1)?.label).toBe('note');
  });

  it('moves a linked person to the surviving registration when two are merged', async () => {
    const db = t.database.db;
    const survivor = await createPerson(db, { givenName: 'Mor', familyName: 'Hansen' });
    const keysBefore = storedRelations(
      (
        await db
          .selectFrom('network_map_versions')
          .select('relations')
          .where('id', '=', firstId)
          .executeTakeFirstOrThrow()
      ).relations,
    ).map((r) => [r.key, r.personId]);
    await db
      .transaction()
      .execute((trx) => moveNetworkMapPersonLinks(trx, '101', mother.id, survivor.id));
    const after = storedRelations(
      (
        await db
          .selectFrom('network_map_versions')
          .select('relations')
          .where('id', '=', firstId)
          .executeTakeFirstOrThrow()
      ).relations,
    ).map((r) => [r.key, r.personId]);
    expect(after).toEqual(
      keysBefore.map(([key, personId]) => [key, personId === mother.id ? survivor.id : personId]),
    );
    expect(after[0]?.[1]).toBe(survivor.id);
  });
});
