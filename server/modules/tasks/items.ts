import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { CursorTime } from '../../platform/cursor.ts';
import { AppError } from '../../platform/errors.ts';
import { TaskKindSchema, type Task, type TaskKind } from './schema.ts';

/**
 * What every kind of task shares: the item with its sort instant, the keyset cursor on
 * (due, kind, id), and the shape of a loader (one query per kind, see queries.ts).
 */

/** A task with the instant it sorts by. */
export interface Sorted {
  task: Task;
  /** The sort instant, ISO. */
  due: string;
}

/**
 * What a loader needs of the request context: the database and the caller, whose municipality
 * (or police district) is the tenant key every query of a task list matches.
 */
export interface TaskScope {
  db: Kysely<DB>;
  user: CurrentUser;
}

export type Loader = (scope: TaskScope, now: Date, today: string) => Promise<Sorted[]>;

const cursorSchema = z.object({ t: CursorTime, k: TaskKindSchema, id: z.string().min(1).max(100) });
export type TaskCursor = z.infer<typeof cursorSchema>;

export function encodeTaskCursor(s: Sorted): string {
  return Buffer.from(JSON.stringify({ t: s.due, k: s.task.kind, id: s.task.id })).toString(
    'base64url',
  );
}

export function decodeTaskCursor(value: string | undefined): TaskCursor | null {
  if (value === undefined) return null;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.after', code: 'invalid_cursor' }],
    });
  }
}

const dateInstant = (date: string) => `${date}T00:00:00.000Z`;

export function compare(a: { due: string; kind: string; id: string }, b: typeof a): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function base(kind: TaskKind): Omit<Task, 'id' | 'dueOn' | 'dueAt' | 'overdue'> {
  return {
    kind,
    caseId: null,
    caseReference: null,
    inquiryId: null,
    inquiryReference: null,
    tab: null,
  };
}

/** A task due on a date (counted from its start in UTC for the order). */
export function dated(
  kind: TaskKind,
  id: string,
  dueOn: string,
  today: string,
  extra: Partial<Task>,
): Sorted {
  return {
    due: dateInstant(dueOn),
    task: {
      ...base(kind),
      ...extra,
      id: id.toLowerCase(),
      dueOn,
      dueAt: null,
      overdue: dueOn < today,
    },
  };
}

/** A task due at a moment. */
export function timed(
  kind: TaskKind,
  id: string,
  at: Date,
  overdue: boolean,
  extra: Partial<Task>,
): Sorted {
  return {
    due: at.toISOString(),
    task: { ...base(kind), ...extra, id, dueOn: null, dueAt: at.toISOString(), overdue },
  };
}
