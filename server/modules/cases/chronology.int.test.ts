import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import {
  auditRowsOf,
  expectOneAudit,
  displayNameOf,
  fieldsOf,
  type Client,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import { danishToday } from './chronology.ts';

/**
 * The case's chronology: notes by members, compartment notes only for readers with the
 * compartment, filters and keyset pages; status on hold / active by the case's coordinators with
 * optimistic locking; every change in case_events and the audit trail; 404 for non-members.
 */
let t: TestApp;
let theCase: { id: string; reference: string };
let person: { id: string; name: string };
let coordinator: TestUser;
let forum: TestUser;
let member: TestUser;
const as: Record<string, Client> = {};
const SECRET_NOTE = 'Hemmelig-koordinatornote-om-bekymringen';

beforeAll(async () => {
  t = await startTestApp();
  const team = await createTeamCase(t.database.db, [
    'coordinator',
    'forum',
    'member',
    'mentor',
    'outsider',
  ]);
  ({ person, theCase } = team);
  ({ coordinator, forum, member } = team.users);
  await logInAll(t, team.users, as);
});
afterAll(() => t.close());

const caller = (name: 'coordinator' | 'forum' | 'member' | 'mentor' | 'outsider') =>
  callerIn(as, name);

interface Item {
  id: string;
  kind: string;
  author: { id: string; name: string } | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  noteText: string | null;
  compartment: boolean;
  compartmentText?: string | null;
}
interface Page {
  id: string;
  items: Item[];
  nextCursor: string | null;
  authors: { id: string; name: string }[];
}

const url = (path = '') => `/api/cases/${theCase.id}${path}`;
async function caseVersion(): Promise<number> {
  const row = await t.database.db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', theCase.id)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe(`case chronology (${testEngine})`, () => {
  it('members with the whole case add notes; each is an event and an audit entry', async () => {
    const res = await caller('member').post(url('/notes'), { text: '  Samtale med skolen.  ' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    await expectOneAudit(t.database.db, res, {
      action: 'create',
      resource_type: 'case',
      resource_id: theCase.id,
      subject_person_id: person.id,
      actor_user_id: member.id,
    });
    const page = (await caller('member').get(url('/chronology'))).json() as Page;
    expect(page.items[0]).toMatchObject({
      id,
      kind: 'note',
      noteText: 'Samtale med skolen.',
      compartment: false,
      author: { id: member.id, name: await displayNameOf(t.database.db, member.id) },
    });
    expect(
      (await caller('forum').post(url('/notes'), { text: 'Forummøde afholdt.' })).statusCode,
    ).toBe(201);
  });

  it('refuses notes from intervention-scoped members (403) and non-members (404)', async () => {
    expect((await caller('mentor').post(url('/notes'), { text: 'x' })).statusCode).toBe(403);
    expect((await caller('mentor').get(url('/chronology'))).statusCode).toBe(403);
    expect((await caller('outsider').post(url('/notes'), { text: 'x' })).statusCode).toBe(404);
    expect((await caller('outsider').get(url('/chronology'))).statusCode).toBe(404);
    expect(
      (
        await caller('outsider').post(url('/status'), {
          version: 1,
          status: 'on_hold',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('validates note bodies strictly, naming the field', async () => {
    const empty = await caller('member').post(url('/notes'), { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)[0]).toMatch(/^body\.text:/);
    const long = await caller('member').post(url('/notes'), { text: 'a'.repeat(10_001) });
    expect(long.statusCode).toBe(400);
    const extra = await caller('member').post(url('/notes'), { text: 'ok', author: 'x' });
    expect(extra.statusCode).toBe(400);
  });

  it('compartment notes: only with the compartment, and never shown to a plain member', async () => {
    const refused = await caller('member').post(url('/notes'), {
      text: 'Forsøg',
      compartment: true,
    });
    expect(refused.statusCode).toBe(403);
    const res = await caller('coordinator').post(url('/notes'), {
      text: SECRET_NOTE,
      compartment: true,
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };

    const forumPage = (await caller('forum').get(url('/chronology'))).json() as Page;
    expect(forumPage.items.find((i) => i.id === id)).toMatchObject({
      compartment: true,
      noteText: null,
      compartmentText: SECRET_NOTE,
    });

    const plain = await caller('member').get(url('/chronology'));
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain(SECRET_NOTE);
    expect(plain.body).not.toContain('compartmentText');
    const plainPage = plain.json() as Page;
    expect(plainPage.items.some((i) => i.id === id || i.compartment)).toBe(false);
    const kinds = await caller('member').get(url('/chronology?kind=note'));
    expect(kinds.body).not.toContain(SECRET_NOTE);
  });

  it('reads are audited per person of the case', async () => {
    const res = await caller('member').get(url('/chronology'));
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => [r.action, r.subject_person_id])).toEqual([['read', person.id]]);
  });

  it('filters by kind and author, pages newest first with a cursor', async () => {
    for (const n of [1, 2, 3]) {
      await caller('member').post(url('/notes'), { text: `Note ${n}` });
    }
    const byAuthor = (
      await caller('coordinator').get(url(`/chronology?authorId=${member.id}`))
    ).json() as Page;
    expect(byAuthor.items.every((i) => i.author?.id === member.id)).toBe(true);
    expect(byAuthor.items.map((i) => i.noteText).slice(0, 3)).toEqual([
      'Note 3',
      'Note 2',
      'Note 1',
    ]);
    expect(byAuthor.authors.map((a) => a.id)).toEqual(
      expect.arrayContaining([member.id, forum.id, coordinator.id]),
    );

    const first = (await caller('coordinator').get(url('/chronology?limit=2'))).json() as Page;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await caller('coordinator').get(url(`/chronology?limit=2&after=${first.nextCursor ?? ''}`))
    ).json() as Page;
    const ids = [...first.items, ...second.items].map((i) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);

    const statusOnly = (
      await caller('coordinator').get(url('/chronology?kind=status_changed'))
    ).json() as Page;
    expect(statusOnly.items.every((i) => i.kind === 'status_changed')).toBe(true);

    const bad = await caller('coordinator').get(url('/chronology?kind=gossip'));
    expect(bad.statusCode).toBe(400);
    const badCursor = await caller('coordinator').get(url('/chronology?after=abc'));
    expect(fieldsOf(badCursor)[0]).toMatch(/^query\.after:/);
  });

  it('status: coordinators only; on hold needs a reason and a date not in the past', async () => {
    const version = await caseVersion();
    const notCoordinator = await caller('forum').post(url('/status'), {
      version,
      status: 'on_hold',
      reason: 'Familien er flyttet midlertidigt.',
    });
    expect(notCoordinator.statusCode).toBe(403);

    const noReason = await caller('coordinator').post(url('/status'), {
      version,
      status: 'on_hold',
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['body.reason:required']);

    const past = await caller('coordinator').post(url('/status'), {
      version,
      status: 'on_hold',
      reason: 'Familien er flyttet midlertidigt.',
      until: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(fieldsOf(past)).toEqual(['body.until:date_in_past']);

    const closing = await caller('coordinator').post(url('/status'), { version, status: 'closed' });
    expect(closing.statusCode).toBe(400);

    const resumeActive = await caller('coordinator').post(url('/status'), {
      version,
      status: 'active',
      reason: 'Sagen er ikke i bero.',
    });
    expect(fieldsOf(resumeActive)).toEqual(['body.status:transition_not_allowed']);
    expect(await caseVersion()).toBe(version);
  });

  it('sets on hold and resumes, with from→to events, audit entries and optimistic locking', async () => {
    const version = await caseVersion();
    const today = danishToday(new Date());
    const onHold = await caller('coordinator').post(url('/status'), {
      version,
      status: 'on_hold',
      reason: 'Borgeren er i praktik i udlandet.',
      until: today,
    });
    expect(onHold.statusCode).toBe(200);
    expect(onHold.json()).toEqual({ version: version + 1 });
    const audit = await auditRowsOf(t.database.db, onHold);
    expect(audit.map((r) => [r.action, r.subject_person_id])).toEqual([['update', person.id]]);
    expect(JSON.stringify(audit[0]?.details)).not.toContain('praktik');

    const detail = (await caller('member').get(url())).json() as {
      status: string;
      onHoldReason: string | null;
      onHoldUntil: string | null;
    };
    expect(detail).toMatchObject({
      status: 'on_hold',
      onHoldReason: 'Borgeren er i praktik i udlandet.',
      onHoldUntil: today,
    });

    const stale = await caller('coordinator').post(url('/status'), {
      version,
      status: 'active',
      reason: 'Borgeren er hjemme igen.',
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { meta: unknown } }).error.meta).toEqual({
      currentVersion: version + 1,
    });

    const resumed = await caller('coordinator').post(url('/status'), {
      version: version + 1,
      status: 'active',
      reason: 'Borgeren er hjemme igen.',
    });
    expect(resumed.statusCode).toBe(200);

    const page = (
      await caller('member').get(url('/chronology?kind=status_changed'))
    ).json() as Page;
    expect(page.items.map((i) => i.changes)).toEqual([
      {
        status: { from: 'on_hold', to: 'active' },
        reason: { from: 'Borgeren er i praktik i udlandet.', to: null },
        until: { from: today, to: null },
        resumeReason: { from: null, to: 'Borgeren er hjemme igen.' },
      },
      {
        status: { from: 'active', to: 'on_hold' },
        reason: { from: null, to: 'Borgeren er i praktik i udlandet.' },
        until: { from: null, to: today },
      },
    ]);
    const after = (await caller('member').get(url())).json() as { onHoldReason: unknown };
    expect(after.onHoldReason).toBeNull();
  });

  it('membership changes appear in the chronology', async () => {
    const newcomer = await createUser(t.database.db, { roles: ['caseworker'] });
    const added = await caller('coordinator').post(url('/members'), {
      userId: newcomer.id,
      role: 'member',
    });
    expect(added.statusCode).toBe(204);
    const removed = await caller('coordinator').delete(url(`/members/${newcomer.id}`));
    expect(removed.statusCode).toBe(204);
    const name = await displayNameOf(t.database.db, newcomer.id);
    const page = (await caller('member').get(url('/chronology?limit=2'))).json() as Page;
    expect(page.items.map((i) => [i.kind, i.changes.member])).toEqual([
      ['member_removed', { from: name, to: null }],
      ['member_added', { from: null, to: name }],
    ]);
  });
});
