import type { Updateable } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/write.ts';
import { decryptField, encryptField } from '../../platform/crypto.ts';
import type { AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import { findPersonAccess, type PersonAccess } from '../../access/person-access.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { formatCpr, parseCpr } from './cpr.ts';
import type { DB } from '../../platform/db/schema.ts';
import { cprContext, findActivePerson } from './queries.ts';
import {
  deleteRelationFrom,
  deleteRelationsBetween,
  findPersonCpr,
  lockActivePerson,
  updatePersonRow,
  upsertRelation,
} from './queries-edit.ts';
import type { RelationBody, UpdatePerson } from './schema.ts';
import { cprDigest, rejectProblems } from './service.ts';

/**
 * Changes to a person by someone who may see them: the details (optimistic locking on
 * `version`), relations to other persons, and the audited unmasking of the CPR number. Every
 * change writes an 'update' entry with the names of the fields changed, never their values.
 */

/** Why the caller sees the person, as the audit trail's purpose. */
function purposeOf(access: PersonAccess): string {
  if (access.breakGlass) return PURPOSES.breakGlass;
  return access.viaInquiryId ? PURPOSES.inquiryAssessment : PURPOSES.caseWork;
}

/** The audit entry of an action on the person whom the caller sees through `access`. */
export function personEvent(
  ctx: RequestContext,
  access: PersonAccess,
  action: AuditEvent['action'],
  details: AuditEvent['details'],
): AuditEvent {
  return recordEvent(ctx.user, access, {
    action,
    resourceType: 'person',
    resourceId: access.personId,
    subjectPersonId: access.personId,
    purpose: purposeOf(access),
    requestId: ctx.requestId,
    details,
  });
}

/** The caller's access to a person that has not been merged away, or 404. */
export async function personAccessOr404(ctx: RequestContext, personId: string) {
  const access = await findPersonAccess(ctx.db, ctx.user, personId);
  if (!access) throw new AppError('not_found');
  const row = await findActivePerson(ctx.db, access);
  if (!row) throw new AppError('not_found');
  return { access, row };
}

/** The full CPR number (DDMMYY-SSSS), audited as a read of the field; null when none. */
export async function unmaskCpr(ctx: RequestContext, personId: string) {
  const { access } = await personAccessOr404(ctx, personId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findPersonCpr(trx, access);
    if (!row) throw new AppError('not_found');
    if (!row.cpr_enc) return { cpr: null };
    const digits = decryptField(ctx.keys.secret, row.cpr_enc, cprContext(row.id));
    await writeAudit(trx, ctx.keys.audit, personEvent(ctx, access, 'read', { field: 'cpr' }));
    return { cpr: formatCpr(digits) };
  });
}

const FIELD_COLUMNS = {
  givenName: 'given_name',
  familyName: 'family_name',
  birthDate: 'birth_date',
  address: 'address',
  phone: 'phone',
} as const;

/** Saves a change to the person's details; a stale `version` is 409 with the current one. */
export async function updatePerson(ctx: RequestContext, personId: string, body: UpdatePerson) {
  const { access } = await personAccessOr404(ctx, personId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockActivePerson(trx, access);
    if (!row) throw new AppError('not_found');
    requireVersion(row.version, body.version);
    const storedCpr = row.cpr_enc
      ? decryptField(ctx.keys.secret, row.cpr_enc, cprContext(row.id))
      : null;

    const problems: FieldProblem[] = [];
    const set: Updateable<DB['persons']> = {};
    const changed: string[] = [];
    // A CPR number that is not a real date is refused; it also gives the birth date unless
    // one is sent, and a birth date must agree with the CPR number the person will have.
    let cpr = storedCpr;
    if (body.cpr !== undefined) {
      const text = body.cpr?.trim() ?? '';
      const parsed = text === '' ? null : parseCpr(text);
      if (parsed === undefined) problems.push({ field: 'body.cpr', code: 'invalid_cpr' });
      else cpr = parsed?.digits ?? null;
    }
    let birthDate = body.birthDate === undefined ? row.birth_date : body.birthDate;
    const cprBirth = cpr ? parseCpr(cpr)?.birthDate : undefined;
    if (cprBirth && birthDate !== cprBirth) {
      if (body.birthDate === undefined && body.cpr !== undefined) birthDate = cprBirth;
      else if (body.birthDate !== undefined || body.cpr !== undefined) {
        problems.push({ field: 'body.birthDate', code: 'cpr_birth_date_mismatch' });
      }
    }
    if (birthDate && birthDate > new Date().toISOString().slice(0, 10)) {
      problems.push({ field: 'body.birthDate', code: 'in_future' });
    }
    rejectProblems(problems);

    const next = { ...body, birthDate, cpr: undefined };
    for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
      const value = next[field as keyof typeof FIELD_COLUMNS];
      if (value === undefined) continue;
      const normalised =
        value === '' && field !== 'givenName' && field !== 'familyName' ? null : value;
      if (normalised !== row[column]) {
        (set as Record<string, unknown>)[column] = normalised;
        changed.push(field);
      }
    }
    if (cpr !== storedCpr) {
      set.cpr_enc = cpr ? encryptField(ctx.keys.secret, cpr, cprContext(row.id)) : null;
      set.cpr_digest = cpr ? cprDigest(ctx.keys.secret, cpr) : null;
      changed.push('cpr');
    }
    if (changed.length === 0) return { id: row.id, version: row.version };

    const version = await updatePersonRow(trx, row, set, body.version);
    if (version === undefined) throw staleVersion(row.version);
    const event = personEvent(ctx, access, 'update', { fields: changed.join(',') });
    await writeAudit(trx, ctx.keys.audit, event);
    return { id: row.id, version };
  });
}

/** Both persons of a relation, visible to the caller, not merged and of one municipality. */
async function relationPair(ctx: RequestContext, personId: string, relatedPersonId: string) {
  const { access, row } = await personAccessOr404(ctx, personId);
  const related = await findPersonAccess(ctx.db, ctx.user, relatedPersonId);
  const relatedRow = related && (await findActivePerson(ctx.db, related));
  return { access, row, related: related && relatedRow ? { related, relatedRow } : undefined };
}

/** A relation's change is an update of both persons. */
function relationEvents(
  ctx: RequestContext,
  access: PersonAccess,
  related: PersonAccess,
  details: Record<string, string>,
) {
  return [access, related].map((a) =>
    personEvent(ctx, a, 'update', {
      fields: 'relations',
      personId: access.personId,
      relatedPersonId: related.personId,
      ...details,
    }),
  );
}

/**
 * Records that `relatedPersonId` is the person's <relation> (replacing an earlier relation
 * between the two, in either direction).
 */
export async function addRelation(
  ctx: RequestContext,
  personId: string,
  body: z.infer<typeof RelationBody>,
) {
  const invalid = (code: string) =>
    new AppError('validation_failed', { fields: [{ field: 'body.relatedPersonId', code }] });
  if (body.relatedPersonId === personId) {
    await personAccessOr404(ctx, personId);
    throw invalid('relation_to_self');
  }
  const { access, row, related } = await relationPair(ctx, personId, body.relatedPersonId);
  if (!related) throw invalid('relation_person_not_found');
  if (related.relatedRow.municipality_code !== row.municipality_code) {
    throw invalid('relation_person_not_found');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await deleteRelationFrom(trx, row.municipality_code, body.relatedPersonId, personId);
    await upsertRelation(trx, personId, body.relatedPersonId, body.relation);
    await writeAudit(
      trx,
      ctx.keys.audit,
      relationEvents(ctx, access, related.related, {
        change: 'relation_added',
        relation: body.relation,
      }),
    );
  });
}

/** Removes the relation between the two persons (both directions); 404 when there is none. */
export async function removeRelation(ctx: RequestContext, personId: string, relatedId: string) {
  const { access, row, related } = await relationPair(ctx, personId, relatedId);
  if (!related) throw new AppError('not_found');
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteRelationsBetween(trx, row.municipality_code, personId, relatedId);
    if (removed.length === 0) throw new AppError('not_found');
    await writeAudit(
      trx,
      ctx.keys.audit,
      relationEvents(ctx, access, related.related, { change: 'relation_removed' }),
    );
  });
}
