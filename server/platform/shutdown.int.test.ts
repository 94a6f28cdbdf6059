import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { testConfig, testKeys } from '../test/app.ts';
import { freshDatabase } from '../test/database.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish while closing, and refuses new ones', async () => {
    const database = await freshDatabase();
    const app = await buildApp({ ...testConfig, logLevel: 'silent' }, database, { keys: testKeys });
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const arrived = new Promise<void>((r) => (started = r));
    app.get(
      '/api/test/slow',
      { config: { policy: 'public' }, schema: { hide: true } },
      async () => {
        started();
        await gate;
        return { done: true };
      },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/test/slow`);
    await arrived;
    const closing = app.close();
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await database.close();
  });
});
