import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Opaque keyset cursors for lists ordered by (time desc, id desc): the last row's sort key,
 * encoded as base64url JSON. A cursor that does not decode, or whose time or id the database
 * could not compare (year 0, an id of the wrong kind), is a 400 naming `query.after`.
 */
/** An ISO time PostgreSQL can hold (it has no year 0). */
export const CursorTime = z.iso
  .datetime()
  .refine((t) => new Date(t).getUTCFullYear() >= 1, 'year out of range');
const IDS = {
  uuid: z.uuid(),
  integer: z.string().regex(/^[1-9][0-9]{0,14}$/),
} as const;
export type CursorIdKind = keyof typeof IDS;
const cursorSchema = (kind: CursorIdKind) => z.object({ t: CursorTime, id: IDS[kind] });
export type Cursor = z.infer<ReturnType<typeof cursorSchema>>;

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(JSON.stringify({ t: at.toISOString(), id: String(id) })).toString('base64url');
}

/** The `after` query parameter of a keyset list: an opaque cursor from the previous page. */
export function cursorParameter(maxLength = 200) {
  return z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9_-]{1,${maxLength}}$`))
    .optional()
    .describe('Keyset cursor from the previous page');
}

/** The cursor, or null without one; `idKind` is the kind of the list's id column. */
export function decodeCursor(value: string | undefined, idKind: CursorIdKind): Cursor | null {
  if (value === undefined) return null;
  try {
    return cursorSchema(idKind).parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.after', code: 'invalid_cursor' }],
    });
  }
}

/**
 * Cursors for lists that can be sorted several ways: the sort's name, the last row's sort key as
 * text and its id. A cursor of another sort, or a key `key` does not accept, is a 400 naming
 * `query.after` like any other bad cursor.
 */
export function encodeSortCursor(sort: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key, id })).toString('base64url');
}

export function decodeSortCursor(
  value: string | undefined,
  sort: string,
  key: z.ZodType<string>,
  field = 'query.after',
): { k: string; id: string } | null {
  if (value === undefined) return null;
  const schema = z.object({ s: z.literal(sort), k: key, id: z.uuid() });
  try {
    return schema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field, code: 'invalid_cursor' }],
    });
  }
}

/**
 * Cursors for lists sorted by personal data (a person's name): the cursor holds only the last
 * row's id, and the list's query looks its sort key up by that id (among the rows the caller may
 * see), so no name travels in a cursor. A value that is not one is a 400 naming `field`.
 */
export function encodeIdCursor(id: string): string {
  return Buffer.from(JSON.stringify({ id })).toString('base64url');
}

export function decodeIdCursor(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  try {
    return z
      .object({ id: z.uuid() })
      .strict()
      .parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))).id;
  } catch {
    throw new AppError('validation_failed', { fields: [{ field, code: 'invalid_cursor' }] });
  }
}
