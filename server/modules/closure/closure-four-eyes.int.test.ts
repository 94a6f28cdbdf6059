import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import {
  t,
  caller,
  richCase,
  proposal,
  caseRow,
  eventKinds,
  useClosureFixtures,
} from './closure.fixtures.ts';

/**
 * Four-eyes on closing a case: with the municipality's setting on (the default), the coordinator
 * who proposed the closure cannot approve it, and the closure tab names the proposals another
 * coordinator must approve; with it off, the proposer may, and the chronology says so.
 */
useClosureFixtures();

interface Overview {
  closures: { id: string; status: string }[];
  needsAnotherCoordinator: string[];
}
interface Page {
  items: { kind: string; changes: Record<string, { from: unknown; to: unknown }> }[];
}

async function propose(caseId: string, c: Awaited<ReturnType<typeof richCase>>) {
  const res = await caller('coordinator').post(`/api/cases/${caseId}/closure`, proposal(c));
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
const approve = async (who: string, caseId: string, id: string) =>
  caller(who).post(`/api/cases/${caseId}/closure/${id}/approve`, {
    caseVersion: (await caseRow(caseId)).version,
  });
const overview = async (who: string, caseId: string) =>
  (await caller(who).get(`/api/cases/${caseId}/closure`)).json() as Overview;
async function approvedChanges(caseId: string) {
  const page = (
    await caller('coordinator').get(`/api/cases/${caseId}/chronology?kind=closure_approved`)
  ).json() as Page;
  return page.items[0]?.changes;
}

describe(`four-eyes on closures (${testEngine})`, () => {
  it('on by default: the proposer cannot approve (409, nothing changes); another coordinator can', async () => {
    const c = await richCase();
    const id = await propose(c.id, c);
    expect((await overview('coordinator', c.id)).needsAnotherCoordinator).toEqual([id]);
    expect((await overview('coordinator2', c.id)).needsAnotherCoordinator).toEqual([]);

    const events = await eventKinds(c.id);
    const own = await approve('coordinator', c.id, id);
    expect(own.statusCode).toBe(409);
    const error = (own.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('closure_four_eyes_same_person');
    expect(error.message).toContain('skal godkendes af en anden af sagens tovholdere');
    expect((await caseRow(c.id)).status).toBe('active');
    expect(await eventKinds(c.id)).toEqual(events);
    expect((await overview('coordinator', c.id)).closures[0]?.status).toBe('proposed');

    const other = await approve('coordinator2', c.id, id);
    expect(other.statusCode, other.body).toBe(200);
    expect((await caseRow(c.id)).status).toBe('closed');
    expect(await approvedChanges(c.id)).toEqual({ status: { from: 'active', to: 'closed' } });
  });

  it('off: the proposer approves alone, and the chronology says so', async () => {
    await t.database.db
      .insertInto('municipality_settings')
      .values({ municipality_code: '101', closure_four_eyes: false })
      .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ closure_four_eyes: false }))
      .execute();
    const c = await richCase();
    const id = await propose(c.id, c);
    expect((await overview('coordinator', c.id)).needsAnotherCoordinator).toEqual([]);
    const own = await approve('coordinator', c.id, id);
    expect(own.statusCode, own.body).toBe(200);
    expect((await caseRow(c.id)).status).toBe('closed');
    expect(await approvedChanges(c.id)).toEqual({
      status: { from: 'active', to: 'closed' },
      decidedAlone: { from: null, to: true },
    });
  });
});
