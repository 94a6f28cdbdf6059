import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Opaque keyset cursors for lists ordered by (time desc, id desc): the last row's sort key,
 * encoded as base64url JSON. A cursor that does not decode is a 400 naming `query.after`.
 */
const CursorSchema = z.object({ t: z.iso.datetime(), id: z.string().min(1).max(64) });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(JSON.stringify({ t: at.toISOString(), id: String(id) })).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined) return null;
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.after', code: 'invalid_cursor' }],
    });
  }
}
