import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callsByName, countOf, type ErrorBody } from '../../test/records.ts';
import { createUser, createUsers, login, type LoggedIn, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addMonths } from '../follow-ups/schedule.ts';
import type { TaskList } from '../tasks/schema.ts';
import { createArea, grantPartner } from './area-rounds.fixtures.ts';
import { countRoundsByArea } from './queries-counts.ts';
import type {
  Contribution,
  ContributionInput,
  OverviewResponse,
  Round,
  RoundDetail,
  RoundList,
} from './schema.ts';

/**
 * Mapping rounds of a housing area (issue 16 part 2): started at the cadence (refused without
 * one, and while a round is open), contributions from the team and a partner (who sees only
 * their own), a CPR number refused with nothing stored, the overview systematised and compared
 * with the last round, figures only for aggregate callers, and the task when the next is due.
 */
let t: TestApp;
let users: Record<'coordinator' | 'member' | 'partner' | 'leader' | 'outsider', TestUser>;
const as: Record<string, LoggedIn> = {};
const call = callsByName(() => t.app, as);
let area: { id: string; forumId: string; zoneId: string };
let bare: { id: string };
const rounds = (areaId = area.id) => `/api/housing-areas/${areaId}/rounds`;
const fieldsIn = (body: unknown) =>
  ((body as ErrorBody).error.fields ?? []).map((f) => `${f.field}:${f.code}`);
const messageIn = (body: unknown) => (body as ErrorBody).error.fields?.[0]?.message ?? '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  users = await createUsers(db, {
    coordinator: 'coordinator',
    member: 'caseworker',
    partner: 'partner',
    leader: 'leader',
    outsider: 'caseworker',
  });
  for (const [name, user] of Object.entries(users)) as[name] = await login(t.app, user);
  area = await createArea(db, {
    createdBy: users.coordinator.id,
    teamMembers: [users.member.id],
  });
  bare = await createArea(db, { createdBy: users.coordinator.id, teamMembers: [], cadence: null });
  await grantPartner(db, area.id, users.partner.id, users.coordinator.id);
});
afterAll(() => t.close());

const contribution = (over: Partial<ContributionInput> = {}): ContributionInput => ({
  id: randomUUID(),
  stance: 'challenge',
  category: 'place',
  label: 'Kælderen i blok 4',
  ...over,
});

let first: Round;

describe('starting a round', () => {
  it('is refused with a Danish message when the area has no cadence', async () => {
    const res = await call('coordinator', 'POST', rounds(bare.id), { id: randomUUID() });
    expect(res.status).toBe(400);
    expect(fieldsIn(res.body)).toEqual(['body.id:area_round_no_cadence']);
    expect(messageIn(res.body)).toMatch(/kadence/);
  });

  it('starts the first round due today, idempotently, and refuses a second open one', async () => {
    const id = randomUUID();
    const res = await call<Round>('coordinator', 'POST', rounds(), { id, participants: null });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 1, status: 'open', dueOn: danishToday(new Date()) });
    first = res.body;
    expect((await call('coordinator', 'POST', rounds(), { id })).status).toBe(200);
    const again = await call('member', 'POST', rounds(), { id: randomUUID() });
    expect(again.status).toBe(400);
    expect(fieldsIn(again.body)).toEqual(['body.id:area_round_open_exists']);
  });

  it('is not for a partner, and the area is invisible to an outsider', async () => {
    expect((await call('partner', 'POST', rounds(), { id: randomUUID() })).status).toBe(403);
    expect((await call('outsider', 'GET', rounds())).status).toBe(404);
  });
});

describe('contributions', () => {
  let partnerOwn: Contribution;

  it('come from the team and a partner; a partner sees only their own', async () => {
    const url = `${rounds()}/${first.id}/contributions`;
    const a = await call('member', 'POST', url, contribution({ partId: area.zoneId }));
    expect(a.status).toBe(201);
    const b = await call<Contribution>(
      'partner',
      'POST',
      url,
      contribution({ category: 'association', stance: 'resource', label: 'Lektiecaféen' }),
    );
    expect(b.status).toBe(201);
    partnerOwn = b.body;
    const sign = await call('coordinator', 'POST', url, contribution({ category: 'group_sign' }));
    expect(fieldsIn(sign.body)).toEqual(['body.sign:area_round_sign_required']);

    const team = await call<RoundDetail>('coordinator', 'GET', `${rounds()}/${first.id}`);
    expect(team.body.contributions.map((c) => c.label).sort()).toEqual([
      'Kælderen i blok 4',
      'Lektiecaféen',
    ]);
    const partner = await call<RoundDetail>('partner', 'GET', `${rounds()}/${first.id}`);
    expect(partner.body.contributions.map((c) => c.label)).toEqual(['Lektiecaféen']);
    expect(partner.body.round.contributionCount).toBe(1);
  });

  it('refuse a CPR number in a connector and store nothing', async () => {
    const before = await countOf(
      t.database.db,
      'select count(*)::int as n from area_round_contributions',
    );
    const res = await call('member', 'POST', `${rounds()}/${first.id}/contributions`, {
      ...contribution({ category: 'positive_connector', stance: 'resource', label: 'Træneren' }),
      howToReach: 'Ring til ham, cpr 010190-1234',
    });
    expect(res.status).toBe(400);
    expect(fieldsIn(res.body)).toEqual(['body.howToReach:area_round_personal_reference']);
    expect(messageIn(res.body)).toMatch(/CPR-nummer/);
    expect(
      await countOf(t.database.db, 'select count(*)::int as n from area_round_contributions'),
    ).toBe(before);
  });

  it("are changed only by their contributor; another's is hidden from a partner", async () => {
    const url = `${rounds()}/${first.id}/contributions/${partnerOwn.id}`;
    const body = { ...contribution({ category: 'association', stance: 'resource' }) };
    const { id: _, ...fields } = body;
    expect((await call('member', 'PUT', url, { ...fields, version: 1 })).status).toBe(403);
    const own = await call<Contribution>('partner', 'PUT', url, {
      ...fields,
      label: 'Lektiecaféen i beboerhuset',
      version: 1,
    });
    expect(own.status).toBe(200);
    expect(own.body.version).toBe(2);
    const team = await call<RoundDetail>('member', 'GET', `${rounds()}/${first.id}`);
    const members = team.body.contributions.find((c) => c.own);
    const foreign = `${rounds()}/${first.id}/contributions/${members?.id}`;
    expect((await call('partner', 'PUT', foreign, { ...fields, version: 1 })).status).toBe(404);
  });
});

describe('the overview', () => {
  let second: Round;

  it('is systematised from a closed round; partners without the grant see none', async () => {
    const closed = await call<Round>('coordinator', 'POST', `${rounds()}/${first.id}/close`, {
      version: first.version,
    });
    expect(closed.body.status).toBe('closed');
    const draft = await call<OverviewResponse>(
      'coordinator',
      'GET',
      `${rounds()}/${first.id}/overview`,
    );
    expect(draft.body.proposal).toHaveLength(2);
    const done = await call<OverviewResponse>(
      'coordinator',
      'POST',
      `${rounds()}/${first.id}/overview`,
      { version: closed.body.version, items: draft.body.proposal },
    );
    expect(done.status).toBe(200);
    expect(done.body.round.status).toBe('systematised');
    expect(done.body.changes).toBeNull();
    expect((await call('partner', 'GET', `${rounds()}/${first.id}/overview`)).status).toBe(403);
  });

  it('shows an aggregate caller counts only', async () => {
    const res = await call<OverviewResponse>('leader', 'GET', `${rounds()}/${first.id}/overview`);
    expect(res.status).toBe(200);
    expect(res.body.overview).toBeNull();
    expect(res.body.counts.reduce((n, c) => n + c.count, 0)).toBe(2);
    const detail = await call<RoundDetail>('leader', 'GET', `${rounds()}/${first.id}`);
    expect(detail.body.contributions).toEqual([]);
    expect(detail.body.round.participants).toBeNull();
  });

  it('the second round is due a quarter later and its overview shows what changed', async () => {
    const start = await call<Round>('coordinator', 'POST', rounds(), { id: randomUUID() });
    second = start.body;
    expect(second.dueOn).toBe(addMonths(first.dueOn, 3));
    const url = `${rounds()}/${second.id}/contributions`;
    await call('member', 'POST', url, contribution({ partId: area.zoneId, description: 'Færre' }));
    await call(
      'partner',
      'POST',
      url,
      contribution({
        category: 'positive_connector',
        stance: 'resource',
        label: 'Bokseklubbens træner',
        howToReach: 'Via klubbens formand',
      }),
    );
    const closed = await call<Round>('coordinator', 'POST', `${rounds()}/${second.id}/close`, {
      version: second.version,
    });
    const draft = await call<OverviewResponse>(
      'coordinator',
      'GET',
      `${rounds()}/${second.id}/overview`,
    );
    const done = await call<OverviewResponse>(
      'coordinator',
      'POST',
      `${rounds()}/${second.id}/overview`,
      { version: closed.body.version, items: draft.body.proposal },
    );
    expect(done.body.changes?.previousRoundNumber).toBe(1);
    expect(done.body.changes?.entries.map((e) => [e.item.label, e.change]).sort()).toEqual([
      ['Bokseklubbens træner', 'new'],
      ['Kælderen i blok 4', 'changed'],
      ['Lektiecaféen i beboerhuset', 'gone'],
    ]);
    await grantPartnerOverview();
    expect((await call('partner', 'GET', `${rounds()}/${second.id}/overview`)).status).toBe(200);
  });

  it('counts rounds, on time and contributions per area', async () => {
    const today = danishToday(new Date());
    const [counts] = await countRoundsByArea(
      t.database.db,
      '101',
      [area.id],
      '2000-01-01',
      addMonths(today, 12),
    );
    expect(counts).toMatchObject({ areaId: area.id, roundsHeld: 2, contributions: 4 });
  });

  it("puts the next round on the team's tasks when it is due", async () => {
    const before = await call<TaskList>('member', 'GET', '/api/tasks?kind=area_round');
    expect(before.body.items).toEqual([]);
    // The second round was held a quarter ago: the next is due today.
    await t.database.db
      .updateTable('area_rounds')
      .set({ held_on: addMonths(danishToday(new Date()), -3) })
      .where('id', '=', second.id)
      .execute();
    const due = await call<TaskList>('member', 'GET', '/api/tasks?kind=area_round');
    expect(due.body.items).toMatchObject([{ kind: 'area_round', areaId: area.id }]);
    const partner = await call<TaskList>('partner', 'GET', '/api/tasks?kind=area_round');
    expect(partner.body.items).toEqual([]);
    const list = await call<RoundList>('member', 'GET', rounds());
    expect(list.body.items.map((r) => r.number)).toEqual([2, 1]);
    expect(list.body.abilities.start).toBe(true);
  });
  it('shows the task only to those with a standing: not to a team-forum member of another municipality, nor once the forum is archived', async () => {
    const db = t.database.db;
    const foreign = await createUser(db, { roles: ['caseworker'], municipalityCode: '751' });
    as.foreign = await login(t.app, foreign);
    await db
      .insertInto('forum_members')
      .values({ forum_id: area.forumId, user_id: foreign.id, added_at: new Date() })
      .execute();
    const theirs = await call<TaskList>('foreign', 'GET', '/api/tasks?kind=area_round');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain(area.id);
    await db
      .updateTable('forums')
      .set({ archived_at: new Date() })
      .where('id', '=', area.forumId)
      .execute();
    try {
      const member = await call<TaskList>('member', 'GET', '/api/tasks?kind=area_round');
      expect(member.body.items).toEqual([]);
      expect((await call('member', 'GET', `/api/housing-areas/${area.id}`)).status).toBe(404);
      // The municipality's manager keeps the task.
      const manager = await call<TaskList>('coordinator', 'GET', '/api/tasks?kind=area_round');
      expect(manager.body.items).toMatchObject([{ kind: 'area_round', areaId: area.id }]);
    } finally {
      await db
        .updateTable('forums')
        .set({ archived_at: null })
        .where('id', '=', area.forumId)
        .execute();
    }
    expect((await call('member', 'GET', `/api/housing-areas/${area.id}`)).status).toBe(200);
  });
});

async function grantPartnerOverview() {
  await t.database.db
    .updateTable('housing_area_partners')
    .set({ sees_overview: true })
    .where('area_id', '=', area.id)
    .where('user_id', '=', users.partner.id)
    .execute();
}

/**
 * The caller's standing is read again inside each write's transaction (issue 16 review): a
 * partner's grant revoked, or a team member removed, while a write is under way lands nothing.
 */
describe('the standing inside the write', () => {
  it('a partner whose grant is revoked gets 404 on a contribution; nothing stored', async () => {
    const db = t.database.db;
    const user = (await createUsers(db, { revoked: 'partner' })).revoked;
    as.revoked = await login(t.app, user);
    const own = await createArea(db, { createdBy: users.coordinator.id, teamMembers: [] });
    await grantPartner(db, own.id, user.id, users.coordinator.id);
    const round = await call<Round>('coordinator', 'POST', rounds(own.id), { id: randomUUID() });
    expect(round.status).toBe(201);
    const url = `${rounds(own.id)}/${round.body.id}/contributions`;
    expect((await call('revoked', 'POST', url, contribution())).status).toBe(201);
    await db
      .updateTable('housing_area_partners')
      .set({ revoked_at: new Date() })
      .where('area_id', '=', own.id)
      .where('user_id', '=', user.id)
      .execute();
    const before = await countOf(db, 'select count(*)::int as n from area_round_contributions');
    expect((await call('revoked', 'POST', url, contribution())).status).toBe(404);
    expect(await countOf(db, 'select count(*)::int as n from area_round_contributions')).toBe(
      before,
    );
  });

  // Two connections: PostgreSQL only (PGlite has one).
  it.skipIf(testEngine !== 'postgres')(
    'a team member removed while their round start waits for the area lands nothing (404)',
    async () => {
      const db = t.database.db;
      const own = await createArea(db, {
        createdBy: users.coordinator.id,
        teamMembers: [users.member.id],
      });
      const before = await countOf(db, 'select count(*)::int as n from area_rounds');
      let pending: Promise<{ status: number }> | undefined;
      await db.transaction().execute(async (trx) => {
        // The area loses its team (the member their standing), holding the area's row until
        // the commit: the start passes its first check and then waits for the area's lock.
        await trx
          .updateTable('housing_areas')
          .set({ team_forum_id: null })
          .where('id', '=', own.id)
          .execute();
        pending = call('member', 'POST', rounds(own.id), { id: randomUUID() });
        await new Promise((resolve) => setTimeout(resolve, 700));
      });
      expect((await pending!).status).toBe(404);
      expect(await countOf(db, 'select count(*)::int as n from area_rounds')).toBe(before);
    },
  );
});
