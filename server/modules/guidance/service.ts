import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion, type FieldProblem } from '../../platform/errors.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import type { GuidanceKey } from '../../../shared/guidance.ts';
import {
  deleteOverride,
  insertOverride,
  lockOverride,
  overridesOf,
  updateOverride,
} from './queries.ts';
import type { GuidanceList, GuidanceOverride } from './schema.ts';

/**
 * Guidance texts replaced by a municipality's administrator (issue 15 part 6). A replacement
 * holds no personal data (a CPR number or a record reference is refused); its history is the
 * audit trail (who replaced or reset which key, when). Reads are not audited: no personal data.
 */

export async function listGuidance(
  db: Kysely<DB>,
  municipalityCode: string | null,
): Promise<GuidanceList> {
  if (!municipalityCode) return { items: [] };
  const rows = await overridesOf(db, municipalityCode);
  return {
    items: rows.map((r): GuidanceOverride => ({
      key: r.key as GuidanceKey,
      textDa: r.text_da,
      textEn: r.text_en,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    })),
  };
}

function refusePersonalReferences(body: { textDa: string; textEn: string | null }): void {
  const problems: FieldProblem[] = [];
  if (personalReferenceIn(body.textDa)) {
    problems.push({ field: 'body.textDa', code: 'guidance_personal_reference' });
  }
  if (body.textEn !== null && personalReferenceIn(body.textEn)) {
    problems.push({ field: 'body.textEn', code: 'guidance_personal_reference' });
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

async function audit(
  trx: Transaction<DB>,
  ctx: RequestContext,
  municipalityCode: string,
  action: 'update' | 'delete',
  key: string,
) {
  await writeAudit(trx, ctx.keys.audit, {
    municipalityCode,
    actorUserId: ctx.user.id,
    actorRole: 'municipal_admin',
    action,
    resourceType: 'guidance',
    resourceId: key,
    requestId: ctx.requestId,
    details: { key },
  });
}

/** Replaces one text (version 0: the default is in use and no replacement exists yet). */
export async function replaceGuidance(
  ctx: RequestContext,
  municipalityCode: string,
  key: GuidanceKey,
  body: { textDa: string; textEn: string | null; version: number },
): Promise<GuidanceList> {
  refusePersonalReferences(body);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockOverride(trx, municipalityCode, key);
    const values = {
      municipalityCode,
      key,
      textDa: body.textDa,
      textEn: body.textEn,
      userId: ctx.user.id,
    };
    if (!current) {
      if (body.version !== 0) throw staleVersion(0);
      await insertOverride(trx, values);
    } else {
      if (current.version !== body.version) throw staleVersion(current.version);
      if (!(await updateOverride(trx, { ...values, version: body.version }))) {
        throw staleVersion(current.version);
      }
    }
    await audit(trx, ctx, municipalityCode, 'update', key);
  });
  return listGuidance(ctx.db, municipalityCode);
}

/** Goes back to the product's default text (the replacement is deleted; the audit keeps it). */
export async function resetGuidance(
  ctx: RequestContext,
  municipalityCode: string,
  key: GuidanceKey,
  version: number,
): Promise<GuidanceList> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockOverride(trx, municipalityCode, key);
    if (!current) throw new AppError('not_found');
    if (!(await deleteOverride(trx, municipalityCode, key, version))) {
      throw staleVersion(current.version);
    }
    await audit(trx, ctx, municipalityCode, 'delete', key);
  });
  return listGuidance(ctx.db, municipalityCode);
}
