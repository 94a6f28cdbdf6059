import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { findMunicipality } from '../organisation/queries.ts';

/**
 * The municipality an inquiry is forwarded or a case transferred to: one the product knows, and
 * not the sender's own. Refused on `field` with a Danish message, nothing stored.
 */
export async function receivingMunicipality(
  db: Kysely<DB>,
  own: string,
  code: string,
  field = 'body.toMunicipalityCode',
): Promise<{ code: string; name: string }> {
  if (code === own) {
    throw new AppError('validation_failed', {
      fields: [{ field, code: 'transfer_own_municipality' }],
    });
  }
  const found = /^[0-9]{3}$/.test(code) ? await findMunicipality(db, code) : undefined;
  if (!found) {
    throw new AppError('validation_failed', {
      fields: [{ field, code: 'transfer_municipality_unknown' }],
    });
  }
  return { code: found.code, name: found.name };
}
