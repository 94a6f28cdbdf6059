import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import * as queries from './queries.ts';
import type { CreateUser } from './schema.ts';

/**
 * A user works for a municipality or, as police staff, for a police district: exactly one of the
 * two (only a system administrator may be outside both). Only system administrators choose;
 * a municipal administrator creates in their own municipality and never in a police district.
 */
export async function placement(
  db: Kysely<DB>,
  s: queries.AdminScope,
  body: Pick<CreateUser, 'roles' | 'municipalityCode' | 'policeDistrictId'>,
): Promise<{ municipalityCode: string | null; policeDistrictId: number | null }> {
  let municipalityCode: string | null;
  let policeDistrictId: number | null = null;
  if (s.all) {
    municipalityCode = body.municipalityCode ?? null;
    policeDistrictId = body.policeDistrictId ?? null;
    const onlySystem = body.roles.every((r) => r === 'system_admin');
    if (municipalityCode !== null && policeDistrictId !== null) {
      throw new AppError('validation_failed', {
        fields: [
          { field: 'body.municipalityCode', code: 'municipality_or_police_district' },
          { field: 'body.policeDistrictId', code: 'municipality_or_police_district' },
        ],
      });
    }
    if (municipalityCode === null && policeDistrictId === null && !onlySystem) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.municipalityCode', code: 'required' }],
      });
    }
    if (municipalityCode !== null && !(await queries.municipalityExists(db, municipalityCode))) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.municipalityCode', code: 'invalid_value' }],
      });
    }
    if (policeDistrictId !== null && !(await queries.policeDistrictExists(db, policeDistrictId))) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.policeDistrictId', code: 'invalid_value' }],
      });
    }
  } else {
    if (body.policeDistrictId !== undefined) {
      throw new AppError('forbidden', {
        fields: [{ field: 'body.policeDistrictId', code: 'police_district_not_allowed' }],
      });
    }
    municipalityCode = s.municipalityCode;
    if (!municipalityCode) throw new AppError('forbidden');
    if (body.municipalityCode !== undefined && body.municipalityCode !== municipalityCode) {
      throw new AppError('forbidden', {
        fields: [{ field: 'body.municipalityCode', code: 'municipality_not_allowed' }],
      });
    }
  }
  return { municipalityCode, policeDistrictId };
}
