import { afterAll, beforeAll, expect, it } from 'vitest';
import { compareRelations } from '../../modules/network-maps/compare.ts';
import { storedRelations } from '../../modules/network-maps/content.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { seedDemo } from '../seed.ts';

/** The demo's network map: S-2026-0001 drawn at the first meeting and three months later. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('gives S-2026-0001 two finalised map versions whose comparison shows the changes', async () => {
  await seedDemo(t.database.db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  const rows = await t.database.db
    .selectFrom('network_map_versions as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select(['m.number', 'm.status', 'm.relations', 'm.based_on_id', 'm.id'])
    .where('c.reference', '=', 'S-2026-0001')
    .orderBy('m.number')
    .execute();
  expect(rows.map((r) => [r.number, r.status])).toEqual([
    [1, 'final'],
    [2, 'final'],
  ]);
  expect(rows[1]?.based_on_id).toBe(rows[0]?.id);
  const view = (value: unknown) => storedRelations(value).map((r) => ({ ...r, personName: null }));
  const { changes } = compareRelations(view(rows[0]?.relations), view(rows[1]?.relations));
  const byLabel = new Map(changes.map((c) => [(c.after ?? c.before)?.label, c]));
  expect(byLabel.get('Mentor')?.kind).toBe('added');
  expect(byLabel.get('Ældre venner fra gaden')?.kind).toBe('removed');
  expect(byLabel.get('Venner fra fodboldklubben')?.moved).toBe('closer');
  expect(byLabel.get('Ældre fætter')?.qualityChanged).toBe(true);
});
