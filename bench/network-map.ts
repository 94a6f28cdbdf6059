/**
 * Benchmark of the network analysis map in the browser (issue 15, Done when): a citizen with 60
 * relations drawn by cytoscape in Debian's Chromium. A real server with the demo data (as the
 * browser journeys start it, PGlite in a temp dir unless TEST_DATABASE_URL names PostgreSQL); a
 * third, finalised version with 60 relations is written on S-2026-0001 before the server starts.
 * The demo coordinator logs in; then each run is a fresh navigation to the case's map tab, timed
 * from the navigation's start to the performance mark `network-map-ready` that the drawing sets
 * when cytoscape's concentric layout has stopped (the 61-node drawing: 60 relations and the
 * citizen). Also printed: cytoscape's own share (construction with layout), and the same for the
 * two drawings of the side-by-side comparison. A figure, not a test: nothing is asserted.
 *
 *   npx vite build && npx tsx bench/network-map.ts     # the server serves dist/web
 *   BENCH_RUNS=20 npx tsx bench/network-map.ts
 *
 * (No npm script: package.json is not this change's to edit; add "bench:network-map" there.)
 */
import { randomUUID } from 'node:crypto';
import { NETWORK_SECTORS, RELATION_QUALITIES } from '../shared/network-map.ts';
import { startJourney } from '../e2e/support/browser.ts';
import { logIn, openBrowser } from '../e2e/support/session.ts';
import { AHMAD_COORDINATOR } from '../server/demo/case-work/context.ts';
import { danishToday } from '../server/modules/cases/chronology.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const RELATIONS = 60;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;

async function main() {
  let caseId = '';
  const journey = await startJourney({
    prepare: async (db) => {
      const found = await db
        .selectFrom('cases')
        .select('id')
        .where('reference', '=', 'S-2026-0001')
        .executeTakeFirstOrThrow();
      caseId = found.id;
      const user = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', AHMAD_COORDINATOR)
        .executeTakeFirstOrThrow();
      const relations = Array.from({ length: RELATIONS }, (_, i) => ({
        key: randomUUID(),
        sector: NETWORK_SECTORS[i % NETWORK_SECTORS.length],
        label: `Rolle ${i + 1}`,
        closeness: (i % 3) + 1,
        quality: RELATION_QUALITIES[i % RELATION_QUALITIES.length],
        note: i % 4 === 0 ? 'En kort note om relationen.' : null,
        personId: null,
      }));
      const previous = await db
        .selectFrom('network_map_versions')
        .select(['id', 'number'])
        .where('case_id', '=', caseId)
        .orderBy('number', 'desc')
        .executeTakeFirst();
      const now = new Date();
      await db
        .insertInto('network_map_versions')
        .values({
          id: randomUUID(),
          case_id: caseId,
          number: (previous?.number ?? 0) + 1,
          based_on_id: previous?.id ?? null,
          status: 'final',
          drawn_on: danishToday(now),
          occasion: 'Benchmark: 60 relationer',
          relations: JSON.stringify(relations),
          created_by: user.id,
          created_at: now,
          updated_at: now,
          finalised_by: user.id,
          finalised_at: now,
        })
        .execute();
    },
  });
  try {
    const { page } = await openBrowser(journey);
    const url = journey.url(`/sager/${caseId}/netvaerkskort`);
    await page.goto(url);
    await logIn(page, AHMAD_COORDINATOR);
    const total: number[] = [];
    const draw: number[] = [];
    const compareDraw: number[] = [];
    for (let run = 0; run <= RUNS; run += 1) {
      await page.goto(url);
      await page.locator('.network-latest [data-ready="true"]').waitFor();
      const marks = await page.evaluate(() =>
        performance.getEntriesByName('network-map-ready').map((m) => ({
          at: m.startTime,
          ...((m as PerformanceMark).detail as { nodes: number; drawMs: number }),
        })),
      );
      const big = marks.find((m) => m.nodes === RELATIONS + 1);
      if (!big) throw new Error(`no 61-node drawing: ${JSON.stringify(marks)}`);
      if (run === 0) continue; // the first load warms the server's and the browser's caches
      total.push(big.at);
      draw.push(big.drawMs);
      compareDraw.push(...marks.filter((m) => m !== big).map((m) => m.drawMs));
    }
    console.log(`network map, ${RELATIONS} relations, ${RUNS} fresh navigations in Chromium:`);
    console.log(`  navigation start → layout stopped: ${fmt(total)}`);
    console.log(`  cytoscape construction + concentric layout: ${fmt(draw)}`);
    if (compareDraw.length > 0) {
      console.log(`  each drawing of the side-by-side comparison: ${fmt(compareDraw)}`);
    }
  } finally {
    await journey.stop();
  }
}

await main();
