import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { CurrentUser } from '../access/sessions.ts';
import type { DB } from '../platform/db/schema.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { insertHistory } from '../modules/inquiries/queries.ts';
import { startTestApp, type TestApp } from './app.ts';
import {
  client,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  type Client,
} from './records.ts';
import { createUser, login, type TestUser } from './users.ts';

/**
 * Two municipalities for the tenant-key tests of inquiries, persons and the lists
 * (server/modules/{inquiries,persons}/tenant-scope.int.test.ts): a coordinator of each, and
 * municipality B's inquiry, persons and case, whose ids A's coordinator knows. A's coordinator
 * is, by mistake, a member of B's forum and of B's case: only the tenant key stands between
 * them and B's rows. Both persons carry one name and birth date, so a search by them would find
 * B's too.
 */
export const A = '101';
export const B = '147';
export const NAME = { givenName: 'Fællesnavn', familyName: 'Kommunesen' };
export const BIRTH_DATE = '2010-03-14';

export interface TenantWorld {
  coordinatorA: TestUser;
  coordinatorB: TestUser;
  /** A's coordinator as the request context holds them. */
  userA: CurrentUser;
  userB: CurrentUser;
  asA: Client;
  asB: Client;
  personA: { id: string };
  inquiryA: { id: string };
  /** B's main person and a relative, both named in B's inquiry. */
  personB: { id: string };
  relativeB: { id: string };
  inquiryB: { id: string };
  caseB: { id: string };
}

function currentUser(user: TestUser, municipalityCode: string): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.username,
    roles: ['coordinator'],
    municipalityCode,
    policeDistrictId: null,
    unitIds: [],
    totpEnabled: true,
  };
}

export async function buildTenantWorld(t: TestApp): Promise<TenantWorld> {
  const db: Kysely<DB> = t.database.db;
  const coordinatorA = await createUser(db, { roles: ['coordinator'], municipalityCode: A });
  const coordinatorB = await createUser(db, { roles: ['coordinator'], municipalityCode: B });
  const personA = await createPerson(db, { municipalityCode: A, ...NAME });
  const personB = await createPerson(db, { municipalityCode: B, ...NAME });
  const relativeB = await createPerson(db, { municipalityCode: B });
  const forumB = await createForum(db, {
    municipalityCode: B,
    members: [coordinatorA.id, coordinatorB.id],
  });
  const inquiryA = await createInquiryRow(db, {
    createdBy: coordinatorA.id,
    municipalityCode: A,
    persons: [personA.id],
  });
  const inquiryB = await createInquiryRow(db, {
    createdBy: coordinatorB.id,
    municipalityCode: B,
    persons: [personB.id, relativeB.id],
    forumId: forumB.id,
    status: 'triaged',
  });
  await db
    .insertInto('inquiry_signs')
    .values({ inquiry_id: inquiryB.id, sign_code: 'extremist_media', note: null })
    .execute();
  await insertHistory(db, inquiryB.id, coordinatorB.id, 'created', {});
  await db
    .insertInto('person_relations')
    .values({ person_id: personB.id, related_person_id: relativeB.id, relation: 'parent' })
    .execute();
  const caseB = await createCase(db, {
    municipalityCode: B,
    persons: [{ id: personB.id }],
    members: [
      { userId: coordinatorA.id, role: 'coordinator' },
      { userId: coordinatorB.id, role: 'coordinator' },
    ],
  });
  await db
    .insertInto('case_follow_ups')
    .values({ case_id: caseB.id, due_on: danishToday(new Date()) })
    .execute();
  return {
    coordinatorA,
    coordinatorB,
    userA: currentUser(coordinatorA, A),
    userB: currentUser(coordinatorB, B),
    asA: client(t.app, await login(t.app, coordinatorA)),
    asB: client(t.app, await login(t.app, coordinatorB)),
    personA,
    inquiryA,
    personB,
    relativeB,
    inquiryB,
    caseB,
  };
}

/** The app and the world of one test file, set up once (`useTenantWorld()`). */
export let t: TestApp;
export let w: TenantWorld;

export function useTenantWorld() {
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildTenantWorld(t);
  });
  afterAll(() => t.close());
}
