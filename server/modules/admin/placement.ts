import { administersAll, requireMunicipalPlacement } from '../../access/admin-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as queries from './queries.ts';
import type { CreateUser } from './schema.ts';

/**
 * A user works for a municipality or, as police staff, for a police district: exactly one of the
 * two (only a system administrator may be outside both). Only system administrators choose;
 * a municipal administrator creates in their own municipality and never in a police district.
 */
export async function placement(
  ctx: RequestContext,
  body: Pick<CreateUser, 'roles' | 'municipalityCode' | 'policeDistrictId'>,
): Promise<{ municipalityCode: string | null; policeDistrictId: number | null }> {
  let municipalityCode: string | null;
  let policeDistrictId: number | null = null;
  const { db } = ctx;
  if (administersAll(ctx.user)) {
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
    municipalityCode = requireMunicipalPlacement(ctx.user, body);
  }
  return { municipalityCode, policeDistrictId };
}
