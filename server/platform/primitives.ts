import { z } from 'zod';

/**
 * The Zod primitives every request schema builds on, shared by server and web: an integer that
 * fits the column it is stored in, a version for optimistic locking, and a date or time that
 * PostgreSQL can store in a sane range. Their bounds are part of the schema, so the OpenAPI
 * document shows them and a value outside them is a 400 naming the field (never a database
 * error). `input-rules.int.test.ts` walks the OpenAPI document and fails for a request integer or
 * date that does not use them.
 */

/** PostgreSQL `integer` (int4). */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
/** PostgreSQL `smallint`. */
export const SMALLINT_MAX = 32_767;

/** An integer that fits an int4 column; narrow it further with `.min()` / `.max()`. */
export const Int4 = z.number().int().min(INT4_MIN).max(INT4_MAX);

/** A positive integer that fits a smallint column (e.g. a police district id). */
export const SmallIntId = z.number().int().min(1).max(SMALLINT_MAX);

/** A yes/no filter in a query string: `true` or `false`, absent for either. */
export const QueryFlag = z.enum(['true', 'false']);

/** The version a change is based on (optimistic locking; an int4 column starting at 1). */
export const Version = z
  .number()
  .int()
  .min(1)
  .max(INT4_MAX)
  .describe('The version the change is based on');

/** The earliest and latest year a date in a request may have (birth dates of living persons). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2999;
/**
 * The year range as a pattern on the start of an ISO date or time, checked only once the format
 * is right (`abort`). The error handler tells this check apart by its pattern and names it
 * `date_out_of_range`.
 */
export const YEAR_RANGE = /^(?:19\d\d|2\d\d\d)-/;

/** A calendar date, YYYY-MM-DD, in the years 1900–2999 (Danish time is the caller's business). */
export const DateOnly = z.iso
  .date({ abort: true })
  .regex(YEAR_RANGE)
  .meta({ format: 'date', description: `YYYY-MM-DD, year ${YEAR_MIN}–${YEAR_MAX}` });

/** A point in time, ISO 8601 with Z or an offset, in the years 1900–2999. */
export const DateTime = z.iso
  .datetime({ offset: true, abort: true })
  .regex(YEAR_RANGE)
  .meta({ format: 'date-time', description: `ISO 8601 with offset, year ${YEAR_MIN}–${YEAR_MAX}` });
