import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import type { Client } from '../../test/records.ts';
import { createUsers } from '../../test/users.ts';
import { deadlineAfter } from '../inquiries/deadline.ts';

/**
 * Reports about children on the work list (issue 12): a marked report's assessment of immediate
 * help ("Underretning: vurdering af akut behov", due 24 hours after receipt) and its
 * acknowledgement ("Kvittering mangler") are tasks of the municipality's coordinators, linked to
 * the inquiry, until each is recorded; a forum member gets neither.
 */
let t: TestApp;
const as: Record<string, Client> = {};
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  const users = await createUsers(t.database.db, {
    coordinator: 'coordinator',
    forum: 'forum_member',
  });
  await logInAll(t, users, as);
});
afterAll(() => t.close());

interface Task {
  id: string;
  kind: string;
  dueAt: string | null;
  overdue: boolean;
  inquiryId: string | null;
  inquiryReference: string | null;
}
const coordinator = () => callerIn(as, 'coordinator');

async function tasksOf(who: Client, inquiryId: string): Promise<Task[]> {
  const res = await who.get('/api/tasks');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Task[] }).items.filter(
    (task) => task.inquiryId === inquiryId && task.kind.startsWith('child_report_'),
  );
}

async function version(id: string): Promise<number> {
  return ((await coordinator().get(`/api/inquiries/${id}`)).json() as { version: number }).version;
}

describe(`reports about children on the work list (${testEngine})`, () => {
  it('lists the two statutory steps of a marked report until each is recorded', async () => {
    const receivedAt = new Date(Date.now() - 2 * HOUR);
    const created = await coordinator().post(
      '/api/inquiries',
      {
        source: 'teacher',
        channel: 'email',
        reporter: { anonymous: false, name: 'Skoleleder Demo', contact: 'skole@demo.invalid' },
        receivedAt: receivedAt.toISOString(),
        observation: 'Eleven har delt voldsforherligende materiale med klassen.',
        subjectKind: 'person',
        persons: [
          {
            new: {
              givenName: 'Ali',
              familyName: 'Skolesen',
              birthDate: `${new Date().getUTCFullYear() - 14}-01-15`,
            },
          },
        ],
        signs: [],
      },
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    // Not marked yet: no report tasks.
    expect(await tasksOf(coordinator(), id)).toEqual([]);

    const marked = await coordinator().post(`/api/inquiries/${id}/child-report`, {
      childReport: true,
      version: await version(id),
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const tasks = await tasksOf(coordinator(), id);
    expect(tasks.map((task) => task.kind).sort()).toEqual([
      'child_report_acknowledgement',
      'child_report_immediate_help',
    ]);
    const help = tasks.find((task) => task.kind === 'child_report_immediate_help');
    expect(help).toMatchObject({ id, overdue: false, inquiryReference: expect.any(String) });
    expect(help?.dueAt).toBe(deadlineAfter(receivedAt, 24).toISOString());
    const ack = tasks.find((task) => task.kind === 'child_report_acknowledgement');
    expect(new Date(ack?.dueAt ?? 0).getTime()).toBeGreaterThan(
      receivedAt.getTime() + 6 * 24 * HOUR,
    );
    expect(await tasksOf(callerIn(as, 'forum'), id)).toEqual([]);

    const assessed = await coordinator().post(`/api/inquiries/${id}/immediate-help`, {
      needed: false,
      note: null,
      version: await version(id),
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect((await tasksOf(coordinator(), id)).map((task) => task.kind)).toEqual([
      'child_report_acknowledgement',
    ]);

    const sent = await coordinator().post(`/api/inquiries/${id}/acknowledgement`, {
      version: await version(id),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(await tasksOf(coordinator(), id)).toEqual([]);
  });
});
