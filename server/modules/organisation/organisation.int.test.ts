import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, DEMO_MUNICIPALITY_CODE } from '../../demo/seed.ts';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import type { Municipality, PoliceDistrict, Unit } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
}

describe(`organisation reference data (${testEngine})`, () => {
  it('has all 98 municipalities with official codes, five regions and 12 police districts', async () => {
    const all: Municipality[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Municipality[]; nextCursor: string | null } } =
        await get(`/api/municipalities?limit=40${cursor ? `&after=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(98);
    expect(new Set(all.map((m) => m.code)).size).toBe(98);
    expect(all.map((m) => m.code)).toEqual([...all.map((m) => m.code)].sort());
    const byRegion: Record<string, number> = {};
    for (const m of all) byRegion[m.region] = (byRegion[m.region] ?? 0) + 1;
    expect(byRegion).toEqual({
      hovedstaden: 29,
      sjaelland: 17,
      syddanmark: 22,
      midtjylland: 19,
      nordjylland: 11,
    });
    expect(all.find((m) => m.code === '101')).toMatchObject({
      name: 'København',
      policeDistrict: { name: 'Københavns Politi' },
    });
    expect(all.find((m) => m.code === '851')?.name).toBe('Aalborg');
    expect(all.find((m) => m.code === '400')?.policeDistrict.name).toBe('Bornholms Politi');
  });

  it('lists each police district with the municipalities it covers', async () => {
    const { body } = await get<{ items: PoliceDistrict[] }>('/api/police-districts');
    expect(body.items).toHaveLength(12);
    const total = body.items.reduce((n, d) => n + d.municipalities.length, 0);
    expect(total).toBe(98);
    const copenhagen = body.items.find((d) => d.name === 'Københavns Politi');
    expect(copenhagen?.municipalities.map((m) => m.name).sort()).toEqual(
      ['Dragør', 'Frederiksberg', 'København', 'Tårnby'].sort(),
    );
  });

  it('filters municipalities by region, police district and name', async () => {
    const region = await get<{ items: Municipality[] }>('/api/municipalities?region=nordjylland');
    expect(region.body.items).toHaveLength(11);
    const district = await get<{ items: Municipality[] }>(
      '/api/municipalities?policeDistrictId=12',
    );
    expect(district.body.items.map((m) => m.name)).toEqual(['Bornholm']);
    const byName = await get<{ items: Municipality[] }>(
      `/api/municipalities?q=${encodeURIComponent('høje')}`,
    );
    expect(byName.body.items.map((m) => m.name)).toEqual(['Høje-Taastrup']);
    const wildcard = await get<{ items: Municipality[] }>('/api/municipalities?q=%25');
    expect(wildcard.body.items).toEqual([]);
  });

  it('rejects bad filters with a field-level error', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/municipalities?region=mars&limit=0',
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { fields: { field: string }[] } }).error.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['query.limit', 'query.region']);
  });

  it('returns 404 for an unknown municipality code and 400 for a malformed one', async () => {
    expect((await get('/api/municipalities/998')).status).toBe(404);
    expect((await get('/api/municipalities/998/units')).status).toBe(404);
    expect((await get('/api/municipalities/abc')).status).toBe(400);
  });

  it('lists the ten unit kinds in a stable order', async () => {
    const { body } = await get<{ items: string[] }>('/api/unit-kinds');
    expect(body.items).toEqual([
      'ssp',
      'children_youth',
      'social_family',
      'jobcenter',
      'integration',
      'psychiatry_liaison',
      'police_contact',
      'prison_service_contact',
      'housing_social_work',
      'mentors_coaches',
    ]);
  });

  it('demo seed creates Demo Kommune with one unit of each kind, once', async () => {
    expect(
      (await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit }))
        .created,
    ).toBe(true);
    expect(
      (await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit }))
        .created,
    ).toBe(false);
    const { body } = await get<Municipality>(`/api/municipalities/${DEMO_MUNICIPALITY_CODE}`);
    expect(body).toMatchObject({ name: 'Demo Kommune', isDemo: true });
    const units = await get<{ items: Unit[] }>(
      `/api/municipalities/${DEMO_MUNICIPALITY_CODE}/units`,
    );
    expect(units.body.items).toHaveLength(10);
    expect(new Set(units.body.items.map((u) => u.kind)).size).toBe(10);
  });

  it('demo seed adds one inquiry in each state, none near its deadline, audited', async () => {
    const db = t.database.db;
    // Seeded by the test above; a third run adds nothing.
    await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    const rows = await db
      .selectFrom('inquiries')
      .leftJoin('inquiry_decisions as d', (join) =>
        join.onRef('d.inquiry_id', '=', 'inquiries.id').on('d.status', 'in', ['pending', 'final']),
      )
      .select(['inquiries.status', 'inquiries.deadline_at', 'inquiries.case_id', 'd.outcome'])
      .where('inquiries.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .execute();
    expect(rows.map((r) => `${r.status}:${r.outcome ?? '-'}`).sort()).toEqual([
      'awaiting_approval:no_concern',
      'decided:no_concern',
      'decided:other_concern',
      // Decided on paper 14 days before it was registered (issue 12): another concern, no case.
      'decided:other_concern',
      'decided:police',
      'decided:radicalisation',
      // Forwarded to Demo Nabokommune, which holds its own copy (docs/TRANSFERS.md).
      'forwarded:-',
      'received:-',
      'received:-',
      // H-9: registered twelve days after it was received (issue 12), its clock from then.
      'received:-',
      // The school's report about a 14-year-old (Barnets lov): marked, assessed, acknowledged.
      'received:-',
      // A daycare's report about a 5-year-old, marked at intake, both duties still to do.
      'received:-',
      // A tool 4a identification from Nørrevang's housing social worker (issue 16).
      'received:-',
      'triaged:-',
    ]);
    const reports = await db
      .selectFrom('inquiries')
      .select(['source', 'immediate_help_assessed_at', 'acknowledged_at'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('child_report', '=', true)
      .orderBy('source')
      .execute();
    expect(reports.map((r) => r.source)).toEqual(['daycare', 'teacher']);
    const [daycare, school] = reports;
    expect(daycare?.immediate_help_assessed_at).toBeNull();
    expect(daycare?.acknowledged_at).toBeNull();
    expect(school?.immediate_help_assessed_at).not.toBeNull();
    expect(school?.acknowledged_at).not.toBeNull();
    // H-8 registers a person already on S-2026-0001 anew: its coordinator is told, nobody else.
    const notices = await db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('u.username')
      .where('n.kind', '=', 'inquiry_possible_duplicate')
      .execute();
    expect(notices.map((n) => n.username)).toEqual(['demo.tovholder']);
    // The school's report was acknowledged by e-mail: waiting in the outbox (no SMTP in the demo).
    const acknowledgements = await db
      .selectFrom('email_outbox')
      .select(['to_address', 'sent_at'])
      .where('kind', '=', 'child_report_acknowledgement')
      .execute();
    expect(acknowledgements).toEqual([
      { to_address: 'skoleleder@demo-skole.invalid', sent_at: null },
    ]);
    const inFourHours = Date.now() + 4 * 3_600_000;
    for (const r of rows.filter((row) => row.status !== 'decided')) {
      expect(r.deadline_at.getTime()).toBeGreaterThan(inFourHours);
    }
    const opened = rows.find((r) => r.outcome === 'radicalisation')?.case_id;
    const cases = await db
      .selectFrom('cases')
      .select(['id', 'reference'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .execute();
    expect(new Set(cases.map((c) => c.reference)).size).toBe(cases.length);
    expect(cases.map((c) => c.id)).toContain(opened);
    const events = await db
      .selectFrom('inquiry_events')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBeGreaterThanOrEqual(7);
    const audit = await verifyAuditChains(db, testKeys.audit, {
      chainKeys: [DEMO_MUNICIPALITY_CODE],
    });
    expect(audit.ok).toBe(true);
    expect(audit.entries).toBeGreaterThan(0);
  });

  it('demo seed gives cases in every status with case work behind them, once', async () => {
    const db = t.database.db;
    await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    const cases = await db
      .selectFrom('cases')
      .select(['status'])
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .execute();
    expect(new Set(cases.map((c) => c.status))).toEqual(
      new Set(['active', 'on_hold', 'closed', 'under_review']),
    );
    const count = async (table: 'case_assessments' | 'case_plans' | 'case_follow_ups') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      assessments: await count('case_assessments'),
      plans: await count('case_plans'),
      followUps: await count('case_follow_ups'),
    };
    expect(before.assessments).toBeGreaterThanOrEqual(2);
    expect(before.plans).toBeGreaterThanOrEqual(1);
    expect(before.followUps).toBeGreaterThanOrEqual(4);
    // Ahmad is a child: his assessments hold his own view and how he was involved (issue 12).
    const childViews = await db
      .selectFrom('case_assessments')
      .select('child_involvement')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('child_view', 'is not', null)
      .execute();
    expect(childViews).toHaveLength(2);
    // A later start adds nothing twice.
    await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    expect(await count('case_assessments')).toBe(before.assessments);
    expect(await count('case_follow_ups')).toBe(before.followUps);
  });
});
