import type { Kysely } from 'kysely';
import { requireCatalogueMunicipality } from '../../access/catalogue-abilities.ts';
import { managerAuditEvent } from '../../platform/audit/manager-event.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { unitInMunicipality } from '../admin/queries-units.ts';
import { seedStandardInterventions } from './catalogue-seed.ts';
import * as queries from './queries.ts';
import * as writes from './queries-writes.ts';
import { CONCERN_WORDS } from './schema.ts';
import type {
  CreateInterventionType,
  InterventionType,
  InterventionTypeFilter,
  LoadStandardResult,
  UpdateInterventionType,
} from './schema.ts';

/**
 * The interventions catalogue of the caller's own municipality. Everyone who works with cases or
 * administers reads it (`catalogue.read`); coordinators and municipal administrators change it
 * (`catalogue.manage`, checked by the route). A type of another municipality answers 404, as a
 * missing one. Each change is one transaction with its audit entry (ids and field names only).
 * The catalogue is the caller's own municipality's (server/access/catalogue-abilities.ts).
 */
const ownMunicipality = requireCatalogueMunicipality;

export async function listTypes(
  ctx: RequestContext,
  filter: InterventionTypeFilter,
): Promise<InterventionType[]> {
  return queries.listTypes(ctx.db, ownMunicipality(ctx.user), filter);
}

async function checkUnit(db: Kysely<DB>, municipalityCode: string, unitId: string | null) {
  if (unitId && !(await unitInMunicipality(db, unitId, municipalityCode))) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.responsibleUnitId', code: 'unit_not_in_municipality' }],
    });
  }
}

/**
 * An entry whose name or description uses a word of the concern must be marked as revealing it,
 * so a case member outside the compartment never reads it (400 naming body.revealsConcern).
 */
function checkConcernMark(name: string, description: string | null, revealsConcern: boolean) {
  if (revealsConcern) return;
  if (CONCERN_WORDS.test(name) || (description !== null && CONCERN_WORDS.test(description))) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.revealsConcern', code: 'concern_word_unmarked' }],
    });
  }
}

async function found(db: Kysely<DB>, municipalityCode: string, id: string) {
  const type = await queries.findType(db, municipalityCode, id);
  if (!type) throw new AppError('not_found');
  return type;
}

/** Adds a type to the caller's catalogue; a code already in it answers 409 naming body.code. */
export async function createType(
  ctx: RequestContext,
  body: CreateInterventionType,
): Promise<InterventionType> {
  const municipalityCode = ownMunicipality(ctx.user);
  checkConcernMark(body.name, body.description ?? null, body.revealsConcern ?? false);
  return ctx.db.transaction().execute(async (trx) => {
    await checkUnit(trx, municipalityCode, body.responsibleUnitId ?? null);
    const inserted = await writes.insertType(trx, {
      municipality_code: municipalityCode,
      code: body.code,
      name: body.name,
      description: body.description ?? null,
      level: body.level,
      age_group: body.ageGroup,
      legal_basis: body.legalBasis ?? null,
      consent_required: body.consentRequired ?? false,
      responsible_unit_id: body.responsibleUnitId ?? null,
      tailored: body.tailored ?? false,
      reveals_concern: body.revealsConcern ?? false,
    });
    if (!inserted) {
      throw new AppError('duplicate', {
        fields: [{ field: 'body.code', code: 'intervention_code_taken' }],
      });
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      managerAuditEvent(ctx, municipalityCode, 'intervention_type', {
        action: 'create',
        resourceId: inserted.id,
        details: {},
      }),
    );
    return found(trx, municipalityCode, inserted.id);
  });
}

const COLUMNS = {
  name: 'name',
  description: 'description',
  level: 'level',
  ageGroup: 'age_group',
  legalBasis: 'legal_basis',
  consentRequired: 'consent_required',
  responsibleUnitId: 'responsible_unit_id',
  tailored: 'tailored',
  revealsConcern: 'reveals_concern',
  active: 'active',
} as const;

/** Changes a type (optimistic locking: a stale version answers 409 with the current one). */
export async function updateType(
  ctx: RequestContext,
  id: string,
  body: UpdateInterventionType,
): Promise<InterventionType> {
  const municipalityCode = ownMunicipality(ctx.user);
  return ctx.db.transaction().execute(async (trx) => {
    const type = await found(trx, municipalityCode, id);
    requireVersion(type.version, body.version);
    const changes: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      const value = body[field];
      if (value === undefined || value === type[field]) continue;
      changes[column] = value;
      changed.push(field);
    }
    if (changed.length === 0) return type;
    checkConcernMark(
      body.name ?? type.name,
      body.description === undefined ? type.description : body.description,
      body.revealsConcern ?? type.revealsConcern,
    );
    if (body.responsibleUnitId !== undefined) {
      await checkUnit(trx, municipalityCode, body.responsibleUnitId);
    }
    // Conditional on the version: of two simultaneous changes only the first is stored.
    const updated = await writes.updateTypeRow(trx, id, body.version, changes);
    if (!updated) {
      const now = await found(trx, municipalityCode, id);
      throw staleVersion(now.version);
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      managerAuditEvent(ctx, municipalityCode, 'intervention_type', {
        action: 'update',
        resourceId: id,
        details: { fields: changed.join(',') },
      }),
    );
    return found(trx, municipalityCode, id);
  });
}

/**
 * Loads the standard catalogue into the caller's municipality when its catalogue is empty; when
 * it has offers nothing changes (created 0). Each offer added gets its 'create' audit entry.
 */
export async function loadStandard(ctx: RequestContext): Promise<LoadStandardResult> {
  const municipalityCode = ownMunicipality(ctx.user);
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise two simultaneous loads for the municipality (`no key update` does not block
    // rows that merely reference it).
    await writes.lockMunicipalityCatalogue(trx, municipalityCode);
    const ids = await seedStandardInterventions(trx, municipalityCode);
    if (ids.length > 0) {
      await writeAudit(
        trx,
        ctx.keys.audit,
        ids.map((id) =>
          managerAuditEvent(ctx, municipalityCode, 'intervention_type', {
            action: 'create',
            resourceId: id,
            details: { source: 'standard' },
          }),
        ),
      );
    }
    return { created: ids.length, items: await queries.listTypes(trx, municipalityCode, {}) };
  });
}
