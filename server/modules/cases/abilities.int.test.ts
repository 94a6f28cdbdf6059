import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseAbilities } from '../../access/case-abilities.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { client, createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, login } from '../../test/users.ts';

/**
 * The case response carries the caller's abilities, computed by the access module, and the
 * server refuses exactly what they say no to: the web can show actions from them alone.
 */
let t: TestApp;
let theCase: { id: string };
const as: Record<'coordinator' | 'member' | 'mentor', Client> = {} as never;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const member = await createUser(db, { roles: ['caseworker'] });
  const mentor = await createUser(db, { roles: ['caseworker'] });
  theCase = await createCase(db, {
    persons: [{ id: (await createPerson(db)).id }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: member.id, role: 'member' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  as.coordinator = client(t.app, await login(t.app, coordinator));
  as.member = client(t.app, await login(t.app, member));
  as.mentor = client(t.app, await login(t.app, mentor));
});
afterAll(() => t.close());

type Abilities = CaseAbilities;

async function abilitiesOf(name: keyof typeof as): Promise<Abilities> {
  const res = await as[name].get(`/api/cases/${theCase.id}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { abilities: Abilities }).abilities;
}

describe('case abilities in the response', () => {
  it('match the access module for each place in the case', async () => {
    const coordinator = await abilitiesOf('coordinator');
    const member = await abilitiesOf('member');
    const mentor = await abilitiesOf('mentor');
    expect(coordinator.members.write).toBe(true);
    expect(coordinator.plan.approve).toBe(true);
    expect(member.members.write).toBe(false);
    expect(member.plan).toEqual({ read: true, write: true, approve: false });
    expect(member.compartment.read).toBe(false);
    expect(mentor.plan.read).toBe(false);
    expect(mentor.sessions.write).toBe(true);
  });

  it('the server refuses what the abilities deny, and allows what they grant', async () => {
    const member = await abilitiesOf('member');
    const mentor = await abilitiesOf('mentor');
    expect(member.members.write).toBe(false);
    const add = await as.member.post(`/api/cases/${theCase.id}/members`, {
      userId: '00000000-0000-4000-8000-000000000001',
      role: 'member',
      scope: 'full',
    });
    expect(add.statusCode).toBe(403);
    expect(mentor.plan.read).toBe(false);
    expect((await as.mentor.get(`/api/cases/${theCase.id}/plans`)).statusCode).toBe(403);
    expect(member.plan.read).toBe(true);
    expect((await as.member.get(`/api/cases/${theCase.id}/plans`)).statusCode).toBe(200);
  });
});
