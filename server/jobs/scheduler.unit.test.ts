import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLoop } from './scheduler.ts';

/** The loop behind the background jobs: runs now, then an interval after each run ends. */
describe('the background job loop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never starts a run while the previous one is still going', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const loop = startLoop(
      async () => {
        runs += 1;
        running += 1;
        most = Math.max(most, running);
        // Each run takes 2.5 intervals.
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        running -= 1;
      },
      1_000,
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(20_000);
    expect(most).toBe(1);
    // A run every 3.5 s: at 0, 3.5, 7, 10.5, 14 and 17.5 s.
    expect(runs).toBe(6);
    const stopped = loop.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
  });

  it('goes on after a failed run, reporting the error', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = startLoop(
      () => {
        runs += 1;
        return runs === 1 ? Promise.reject(new Error('database unavailable')) : Promise.resolve();
      },
      1_000,
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(2_500);
    expect(runs).toBe(3);
    expect(errors).toEqual([new Error('database unavailable')]);
    await loop.stop();
  });

  it('stops: waits for the running run and starts no other', async () => {
    let finished = false;
    let runs = 0;
    const loop = startLoop(
      async () => {
        runs += 1;
        await new Promise((resolve) => setTimeout(resolve, 500));
        finished = true;
      },
      1_000,
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(100);
    const stopped = loop.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
  });
});
