import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { auditRowsOf, createForum, fieldsOf, type Client } from '../../test/records.ts';
import { createUser } from '../../test/users.ts';
import { createArea, createConnector, grantPartner } from './area-work.fixtures.ts';
import { countAreaInterventionsByArea } from './interventions.ts';

/**
 * Area interventions of phase 3 (issue 16 part 5): recorded with the client's id, changed with
 * optimistic locking, moved through their statuses with history, followed up; no CPR number in
 * any text; the area's team and the forum managers only (a partner 403, others 404).
 */
let t: TestApp;
let areaId: string;
let otherAreaId: string;
let connectorId: string;
let teamId: string;
const as: Record<string, Client> = {};
const caller = (name: string) => callerIn(as, name);
const url = (path = '', id = areaId) => `/api/housing-areas/${id}/interventions${path}`;

interface Detail {
  id: string;
  status: string;
  version: number;
  monitoringUntil: string | null;
  nextFollowUpOn: string | null;
  connectors: { id: string; label: string }[];
  abilities: { edit: boolean; changeStatus: boolean; followUp: boolean };
  entries: {
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
  }[];
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const team = await createUser(db, { roles: ['caseworker'] });
  const partner = await createUser(db, { roles: ['partner'] });
  const leader = await createUser(db, { roles: ['leader'] });
  const outsider = await createUser(db, { roles: ['caseworker'] });
  const forum = await createForum(db, { members: [team.id] });
  areaId = await createArea(db, { createdBy: coordinator.id, teamForumId: forum.id });
  otherAreaId = await createArea(db, { createdBy: coordinator.id, teamForumId: null });
  await grantPartner(db, areaId, partner.id, coordinator.id, true);
  connectorId = await createConnector(db, areaId, team.id);
  teamId = team.id;
  await logInAll(t, { coordinator, team, partner, leader, outsider }, as);
});
afterAll(() => t.close());

const course = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  kind: 'upskilling',
  title: 'Kursus i tegn på radikalisering for frontpersonale',
  description: 'To moduler om bekymringstegn, risiko- og beskyttelsesfaktorer.',
  targetGroup: 'Frontpersonale i klubber og skoler',
  startsOn: '2026-11-01',
  endsOn: '2026-11-15',
  plannedParticipants: 25,
  actualParticipants: null,
  connectorIds: [],
  nextFollowUpOn: '2026-12-01',
  ...over,
});

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('area_interventions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('area interventions', () => {
  let id: string;
  let version: number;

  it('the team records an upskilling course (201), the same id again answers it (200), audited', async () => {
    const body = course();
    const res = await caller('team').post(url(), body);
    expect(res.statusCode).toBe(201);
    const d = res.json() as Detail;
    expect(d.status).toBe('planned');
    expect(d.abilities).toEqual({ edit: true, changeStatus: true, followUp: true });
    expect(d.entries).toEqual([expect.objectContaining({ kind: 'status', toStatus: 'planned' })]);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((a) => [a.action, a.resource_type])).toEqual([
      ['create', 'area_intervention'],
    ]);
    const again = await caller('team').post(url(), body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as Detail).id).toBe(body.id);
    id = body.id;
    version = d.version;
  });

  it('an area intervention names a connector of the area; an unknown connector is refused', async () => {
    const ok = await caller('coordinator').post(
      url(),
      course({
        kind: 'area_civil_society',
        title: 'Temaaften om bekymringstegn for foreningerne',
        plannedParticipants: null,
        connectorIds: [connectorId],
      }),
    );
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as Detail).connectors).toEqual([
      { id: connectorId, label: 'Træneren i bokseklubben' },
    ]);
    const before = await count();
    const bad = await caller('coordinator').post(url(), course({ connectorIds: [randomUUID()] }));
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['body.connectorIds:area_work_connector']);
    // An open round's connector can still be edited or deleted by its contributor: refused.
    const open = await createConnector(t.database.db, areaId, teamId, { open: true, number: 2 });
    const fromOpen = await caller('coordinator').post(url(), course({ connectorIds: [open] }));
    expect(fieldsOf(fromOpen)).toEqual(['body.connectorIds:area_work_connector']);
    expect(await count()).toBe(before);
  });

  it('a CPR number in any text is refused in Danish, nothing stored', async () => {
    const before = await count();
    const res = await caller('team').post(
      url(),
      course({ description: 'Deltager 010190-1234 kommer', targetGroup: 'Klub 0101901234' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual([
      'body.description:area_work_cpr',
      'body.targetGroup:area_work_cpr',
    ]);
    expect(JSON.stringify(res.json())).toContain('Skriv ikke et CPR-nummer');
    expect(await count()).toBe(before);
  });

  it('a case or inquiry reference in a text is refused in Danish, nothing stored', async () => {
    const before = await count();
    const res = await caller('team').post(
      url(),
      course({ title: 'Opfølgning på H-2026-0012', description: 'Se sag S 2026 7' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual([
      'body.description:area_work_reference',
      'body.title:area_work_reference',
    ]);
    expect(JSON.stringify(res.json())).toContain('Skriv ikke en sags- eller henvendelsesreference');
    expect(await count()).toBe(before);
  });

  it('changes with optimistic locking: a stale version answers 409', async () => {
    const change = { ...course(), actualParticipants: 23, version };
    delete (change as Record<string, unknown>).id;
    delete (change as Record<string, unknown>).kind;
    const res = await caller('team').put(url(`/${id}`), change);
    expect(res.statusCode).toBe(200);
    const d = res.json() as Detail;
    expect(d.version).toBe(version + 1);
    const stale = await caller('team').put(url(`/${id}`), change);
    expect(stale.statusCode).toBe(409);
    version = d.version;
  });

  it('status planned → active → phasing out (monitoring date required) → ended, with history', async () => {
    const skip = await caller('team').post(url(`/${id}/status`), {
      version,
      status: 'phasing_out',
      monitoringUntil: '2027-03-01',
    });
    expect(skip.statusCode).toBe(400);
    expect(fieldsOf(skip)).toEqual(['body.status:area_work_status_step']);
    let res = await caller('team').post(url(`/${id}/status`), { version, status: 'active' });
    expect(res.statusCode).toBe(200);
    version = (res.json() as Detail).version;
    const noDate = await caller('team').post(url(`/${id}/status`), {
      version,
      status: 'phasing_out',
    });
    expect(fieldsOf(noDate)).toEqual(['body.monitoringUntil:area_work_monitoring_required']);
    res = await caller('team').post(url(`/${id}/status`), {
      version,
      status: 'phasing_out',
      monitoringUntil: '2027-03-01',
      note: 'Kurset er holdt; vi følger op i klubberne.',
    });
    expect(res.statusCode).toBe(200);
    let d = res.json() as Detail;
    expect(d.monitoringUntil).toBe('2027-03-01');
    version = d.version;

    const followUp = {
      id: randomUUID(),
      version,
      on: '2026-12-01',
      note: '23 deltog; klubberne har brugt materialet.',
      nextFollowUpOn: '2027-02-01',
    };
    res = await caller('team').post(url(`/${id}/follow-ups`), followUp);
    expect(res.statusCode).toBe(200);
    d = res.json() as Detail;
    expect(d.nextFollowUpOn).toBe('2027-02-01');
    version = d.version;
    // The same follow-up again: stored once.
    res = await caller('team').post(url(`/${id}/follow-ups`), followUp);
    expect((res.json() as Detail).entries.filter((e) => e.kind === 'follow_up')).toHaveLength(1);

    res = await caller('team').post(url(`/${id}/status`), { version, status: 'ended' });
    expect(res.statusCode).toBe(200);
    d = res.json() as Detail;
    expect(d.entries.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['status', null, 'planned'],
      ['status', 'planned', 'active'],
      ['status', 'active', 'phasing_out'],
      ['follow_up', null, null],
      ['status', 'phasing_out', 'ended'],
    ]);
    expect(d.abilities.edit).toBe(false);
    expect(d.nextFollowUpOn).toBeNull();
  });

  it('lists per area with filters, and the municipality-wide list for the team', async () => {
    const all = await caller('team').get(url());
    expect((all.json() as { items: unknown[]; canCreate: boolean }).canCreate).toBe(true);
    expect((all.json() as { items: unknown[] }).items).toHaveLength(2);
    const upskilling = await caller('team').get(url('?kind=upskilling&status=ended'));
    expect((upskilling.json() as { items: Detail[] }).items.map((i) => i.id)).toEqual([id]);
    const wide = await caller('coordinator').get('/api/area-interventions?kind=area_civil_society');
    expect(wide.statusCode).toBe(200);
    expect((wide.json() as { items: unknown[] }).items).toHaveLength(1);
    expect(
      ((await caller('partner').get('/api/area-interventions')).json() as { items: unknown[] })
        .items,
    ).toEqual([]);
  });

  it('need-to-know: a partner and a leader get 403, an outsider 404; another area’s id is 404', async () => {
    expect((await caller('partner').get(url())).statusCode).toBe(403);
    expect((await caller('partner').post(url(), course())).statusCode).toBe(403);
    expect((await caller('leader').get(url(`/${id}`))).statusCode).toBe(403);
    expect((await caller('outsider').get(url())).statusCode).toBe(404);
    expect((await caller('outsider').get(url(`/${id}`))).statusCode).toBe(404);
    expect((await caller('coordinator').get(url(`/${id}`, otherAreaId))).statusCode).toBe(404);
    expect((await caller('coordinator').get(url(`/${randomUUID()}`))).statusCode).toBe(404);
  });

  it('counts interventions per area and kind for a period, participants summed', async () => {
    const rows = await countAreaInterventionsByArea(
      t.database.db,
      '101',
      [areaId, otherAreaId],
      '2026-01-01',
      '2026-12-31',
    );
    expect(rows).toEqual([
      {
        areaId,
        kind: 'area_civil_society',
        count: 1,
        plannedParticipants: 0,
        actualParticipants: 0,
      },
      { areaId, kind: 'upskilling', count: 1, plannedParticipants: 25, actualParticipants: 23 },
    ]);
  });

  // Last, as it records one more intervention (the lists and counts above count theirs).
  it("a reference in a follow-up's note is refused, no entry stored", async () => {
    const created = await caller('team').post(url(), course());
    const { id, version } = created.json() as Detail;
    const note = await caller('team').post(url(`/${id}/follow-ups`), {
      id: randomUUID(),
      version,
      on: '2026-12-01',
      note: 'Drøftet i forbindelse med H-2026-0012.',
      nextFollowUpOn: null,
    });
    expect(note.statusCode).toBe(400);
    expect(fieldsOf(note)).toEqual(['body.note:area_work_reference']);
    const entries = await t.database.db
      .selectFrom('area_intervention_entries')
      .select('kind')
      .where('area_intervention_id', '=', id)
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(['status']);
  });

  it('lists in keyset pages: limit (default 50, max 200) and the next cursor, no row twice or lost', async () => {
    // A few more, so the pages have something to page over.
    for (let i = 0; i < 3; i += 1) {
      expect((await caller('team').post(url(), course({ title: `Kursus ${i}` }))).statusCode).toBe(
        201,
      );
    }
    type Page = { items: { id: string }[]; nextCursor: string | null };
    for (const base of [url(), '/api/area-interventions']) {
      const all = (await caller('team').get(base)).json() as Page;
      expect(all.nextCursor).toBeNull();
      expect(all.items.length).toBeGreaterThan(4);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const query: string = `?limit=2${after ? `&after=${after}` : ''}`;
        const res = await caller('team').get(`${base}${base.includes('?') ? '&' : ''}${query}`);
        expect(res.statusCode).toBe(200);
        const page = res.json() as Page;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.id));
        after = page.nextCursor;
      } while (after);
      expect(seen).toEqual(all.items.map((i) => i.id));
    }
    const tooMany = await caller('team').get(`${url()}?limit=201`);
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany)[0]).toMatch(/^query\.limit:/);
    const badCursor = await caller('team').get(`${url()}?after=bm90LWEtY3Vyc29y`);
    expect(badCursor.statusCode).toBe(400);
    expect(fieldsOf(badCursor)).toEqual(['query.after:invalid_cursor']);
  });
});
