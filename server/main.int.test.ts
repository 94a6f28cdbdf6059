import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite } from './platform/db/index.ts';
import { runServerToExit, startServerProcess } from './test/process.ts';
import { testEngine } from './test/database.ts';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'tovholder-restart-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('process start and stop', () => {
  it('stops with a message naming the bad variable', async () => {
    const result = await runServerToExit({ PORT: 'not-a-port', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(78);
    expect(result.output).toContain('Invalid configuration');
    expect(result.output).toMatch(/PORT: .*number/);
    expect(result.output).toMatch(/LOG_LEVEL: /);
  });

  it('never creates demo data in production', async () => {
    const result = await runServerToExit({
      NODE_ENV: 'production',
      TOVHOLDER_DEMO: 'true',
      TOVHOLDER_AUDIT_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(result.code).toBe(78);
    expect(result.output).toMatch(/TOVHOLDER_DEMO: demo data is never created/);
  });

  it.runIf(testEngine === 'pglite')(
    'keeps PGlite data across SIGTERM and a new start',
    async () => {
      const dataDir = tempDir();
      const first = await startServerProcess({ TOVHOLDER_DATA_DIR: dataDir });
      expect(first.output()).toContain('(created now)');
      const units = await fetch(`${first.baseUrl}/api/municipalities/999/units`);
      expect(((await units.json()) as { items: unknown[] }).items).toHaveLength(10);
      const code = await first.stop('SIGTERM');
      expect(code).toBe(0);
      expect(first.output()).toContain('shutdown complete');

      // Write while the server is down, straight into its files.
      const direct = await openPGlite(join(dataDir, 'pglite'));
      await direct.db
        .insertInto('units')
        .values({ municipality_code: '999', kind: 'ssp', name: 'Demo SSP Nord' })
        .execute();
      await direct.close();

      const second = await startServerProcess({ TOVHOLDER_DATA_DIR: dataDir });
      try {
        expect(second.output()).toContain('(kept from the last start)');
        const res = await fetch(`${second.baseUrl}/api/municipalities/999/units`);
        const names = ((await res.json()) as { items: { name: string }[] }).items.map(
          (u) => u.name,
        );
        expect(names).toContain('Demo SSP Nord');
        expect(names).toHaveLength(11);
      } finally {
        expect(await second.stop('SIGINT')).toBe(0);
      }
    },
    300_000,
  );
});
