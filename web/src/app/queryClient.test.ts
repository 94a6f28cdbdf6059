import { MutationObserver } from '@tanstack/react-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../ui/testRender';
import type * as Client from './queryClient';

let createQueryClient: typeof Client.createQueryClient;
let WORK_LIST: unknown[] = [];
let MY_TASKS: unknown[] = [];

beforeAll(async () => {
  ({ createQueryClient } = await importWithI18n(() => import('./queryClient')));
  const { TASKS_QUERY_KEY } = await import('../modules/tasks/tasksApi');
  WORK_LIST = [...TASKS_QUERY_KEY, 'work-list'];
  MY_TASKS = [...TASKS_QUERY_KEY, 'all'];
}, 60_000);

/**
 * "Mine opgaver" and the start page's work list are refreshed after a change (issue 11 review):
 * every successful mutation marks the tasks' queries stale, once in the query client rather than
 * in each mutation; a failed one leaves them alone.
 */
const CASES = ['cases', 'list'];

function primed() {
  const client = createQueryClient();
  for (const key of [WORK_LIST, MY_TASKS, CASES]) client.setQueryData(key, { items: [] });
  return client;
}
const invalidated = (client: ReturnType<typeof createQueryClient>, key: unknown[]) =>
  client.getQueryState(key)?.isInvalidated ?? false;

describe('the query client', () => {
  it('marks the work list and "Mine opgaver" stale after a successful change', async () => {
    const client = primed();
    await new MutationObserver(client, { mutationFn: () => Promise.resolve('saved') }).mutate();
    expect(invalidated(client, WORK_LIST)).toBe(true);
    expect(invalidated(client, MY_TASKS)).toBe(true);
    expect(invalidated(client, CASES)).toBe(false);
  });

  it('leaves them alone when the change failed', async () => {
    const client = primed();
    const failing = new MutationObserver(client, {
      mutationFn: () => Promise.reject(new Error('refused')),
    });
    await expect(failing.mutate()).rejects.toThrow('refused');
    expect(invalidated(client, WORK_LIST)).toBe(false);
  });
});
