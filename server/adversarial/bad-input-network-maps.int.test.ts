import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { client, createCase, createPerson } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';
import { danishToday } from '../modules/cases/chronology.ts';

/**
 * Generated bad input for the network analysis map (sent by the case's coordinator) and the
 * guidance texts (sent by the municipality's administrator), issue 15 parts 5 and 6.
 */
let t: TestApp;
let run: BadInputRun;
let caseId: string;
let personId: string;
let mapId: string;
let admin: LoggedIn;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const person = await createPerson(db);
  personId = person.id;
  caseId = (
    await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    })
  ).id;
  const session = await login(t.app, coordinator);
  admin = await login(t.app, await createUser(db, { roles: ['municipal_admin'] }));
  mapId = randomUUID();
  const made = await client(t.app, session).post(`/api/cases/${caseId}/network-maps`, {
    id: mapId,
    drawnOn: danishToday(new Date()),
  });
  if (made.statusCode !== 201) throw new Error(`network map: ${made.body}`);
  const guidance = await client(t.app, admin).put('/api/admin/guidance/definitions', {
    textDa: 'Kommunens egen definition.',
    textEn: null,
    version: 0,
  });
  if (guidance.statusCode !== 200) throw new Error(`guidance: ${guidance.body}`);
  run = new BadInputRun(t, session);
});
afterAll(async () => {
  printCounts(run.report(`network maps and guidance (${testEngine})`));
  await t.close();
});

const guidanceVersion = async (key: string) =>
  (
    await t.database.db
      .selectFrom('guidance_overrides')
      .select('version')
      .where('key', '=', key)
      .executeTakeFirst()
  )?.version ?? 0;

/** In this order: finalising makes the draft read-only, so it goes last of the map's. */
const fixtures: Record<string, () => Fixture> = {
  'POST /api/cases/{id}/network-maps': () => ({
    params: { id: caseId },
    body: () => ({ id: randomUUID(), drawnOn: danishToday(new Date()), occasion: 'Første møde' }),
  }),
  'PUT /api/cases/{id}/network-maps/{mapId}': () => ({
    params: { id: caseId, mapId },
    body: async () => ({
      version: await versionOf(t.database.db, 'network_map_versions', mapId),
      drawnOn: danishToday(new Date()),
      occasion: 'Første møde',
      relations: [
        {
          key: randomUUID(),
          sector: 'family',
          label: 'Mor',
          closeness: 1,
          quality: 'protective',
          note: 'Ringer hver dag.',
          personId,
        },
      ],
    }),
  }),
  'POST /api/cases/{id}/network-maps/{mapId}/finalise': () => ({
    params: { id: caseId, mapId },
    body: async () => ({ version: await versionOf(t.database.db, 'network_map_versions', mapId) }),
  }),
  'PUT /api/admin/guidance/{key}': () => ({
    as: admin,
    params: { key: 'networkMap' },
    body: async () => ({
      textDa: 'Tegn kortet sammen med borgeren.',
      textEn: null,
      version: await guidanceVersion('networkMap'),
    }),
  }),
  'POST /api/admin/guidance/{key}/reset': () => ({
    as: admin,
    params: { key: 'definitions' },
    body: async () => ({ version: await guidanceVersion('definitions') }),
  }),
};

describe(`generated bad input: network maps and guidance (${testEngine})`, () => {
  badInputTests({ group: 'network-maps', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
