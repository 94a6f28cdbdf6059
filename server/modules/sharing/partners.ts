import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import {
  findPartnerRow,
  insertPartnerRow,
  listPartnerRows,
  partnerNameTaken,
  updatePartnerRow,
  type PartnerRowValues,
} from './queries-partners.ts';
import type {
  CreatePartner,
  PartnerListFilter,
  PartnerOrganisation,
  PartnerValues,
  UpdatePartner,
} from './schema-partners.ts';

/**
 * The partner organisations of the caller's municipality, kept by its administrator: list with
 * filter and search, create (idempotent on the client's id), change with the version read,
 * deactivate and activate again. Every write is audited in its transaction. An organisation of
 * another municipality answers 404, as a missing id does.
 */
type Row = NonNullable<Awaited<ReturnType<typeof findPartnerRow>>>;

function presented(row: Row): PartnerOrganisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PartnerOrganisation['kind'],
    cvr: row.cvr,
    ean: row.ean,
    contactEmail: row.contact_email,
    dataProcessor: row.data_processor,
    processorAgreementRef: row.processor_agreement_ref,
    processorAgreementDate: row.processor_agreement_date,
    active: row.active,
    version: row.version,
  };
}

function own(ctx: RequestContext): string {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  return code;
}

/**
 * A data processor (a private provider delivering on the municipality's behalf) must have its
 * processor agreement recorded; an organisation that is not one keeps no agreement.
 */
function rowValues(body: PartnerValues): PartnerRowValues {
  const problems: FieldProblem[] = [];
  if (body.dataProcessor && body.processorAgreementRef === null) {
    problems.push({ field: 'body.processorAgreementRef', code: 'processor_agreement_required' });
  }
  if (body.dataProcessor && body.processorAgreementDate === null) {
    problems.push({ field: 'body.processorAgreementDate', code: 'processor_agreement_required' });
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
  return {
    name: body.name,
    kind: body.kind,
    cvr: body.cvr,
    ean: body.ean,
    contact_email: body.contactEmail,
    data_processor: body.dataProcessor,
    processor_agreement_ref: body.dataProcessor ? body.processorAgreementRef : null,
    processor_agreement_date: body.dataProcessor ? body.processorAgreementDate : null,
  };
}

function nameTaken(): AppError {
  return new AppError('duplicate', {
    fields: [{ field: 'body.name', code: 'partner_name_taken' }],
  });
}

function audited(
  ctx: RequestContext,
  code: string,
  action: AuditEvent['action'],
  id: string,
  details: AuditEvent['details'],
): AuditEvent {
  return {
    municipalityCode: code,
    actorUserId: ctx.user.id,
    actorRole: 'municipal_admin',
    action,
    resourceType: 'partner_organisation',
    resourceId: id,
    requestId: ctx.requestId,
    ...(details && { details }),
  };
}

export async function listPartners(
  ctx: RequestContext,
  filter: PartnerListFilter,
): Promise<PartnerOrganisation[]> {
  return (await listPartnerRows(ctx.db, own(ctx), filter)).map(presented);
}

export async function getPartner(ctx: RequestContext, id: string): Promise<PartnerOrganisation> {
  const row = await findPartnerRow(ctx.db, own(ctx), id);
  if (!row) throw new AppError('not_found');
  return presented(row);
}

/** Creates the organisation; `created` is false when the same id was created before (a retry). */
export async function createPartner(
  ctx: RequestContext,
  body: CreatePartner,
): Promise<{ partner: PartnerOrganisation; created: boolean }> {
  const code = own(ctx);
  const { id, ...fields } = body;
  const values = rowValues(fields);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findPartnerRow(trx, code, id);
    if (existing) return { partner: presented(existing), created: false };
    if (await partnerNameTaken(trx, code, values.name, id)) throw nameTaken();
    // An id of another municipality's row: the same 409 as any clash, nothing said about it.
    if (!(await insertPartnerRow(trx, code, id, values))) throw new AppError('duplicate');
    await writeAudit(
      trx,
      ctx.keys.audit,
      audited(ctx, code, 'create', id, { kind: values.kind, dataProcessor: values.data_processor }),
    );
    const row = await findPartnerRow(trx, code, id);
    if (!row) throw new AppError('not_found');
    return { partner: presented(row), created: true };
  });
}

async function change(
  ctx: RequestContext,
  id: string,
  version: number,
  values: Partial<PartnerRowValues> & { active?: boolean },
  details: AuditEvent['details'],
): Promise<PartnerOrganisation> {
  const code = own(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findPartnerRow(trx, code, id);
    if (!current) throw new AppError('not_found');
    requireVersion(current.version, version);
    if (values.name !== undefined && (await partnerNameTaken(trx, code, values.name, id))) {
      throw nameTaken();
    }
    if (!(await updatePartnerRow(trx, code, id, version, values))) {
      const now = await findPartnerRow(trx, code, id);
      throw staleVersion(now?.version ?? null);
    }
    await writeAudit(trx, ctx.keys.audit, audited(ctx, code, 'update', id, details));
    const row = await findPartnerRow(trx, code, id);
    if (!row) throw new AppError('not_found');
    return presented(row);
  });
}

export async function updatePartner(
  ctx: RequestContext,
  id: string,
  body: UpdatePartner,
): Promise<PartnerOrganisation> {
  const { version, ...fields } = body;
  const values = rowValues(fields);
  return change(ctx, id, version, values, {
    kind: values.kind,
    dataProcessor: values.data_processor,
  });
}

/** Deactivates (false) or activates again (true): a deactivated partner is offered nowhere. */
export async function setPartnerActive(
  ctx: RequestContext,
  id: string,
  version: number,
  active: boolean,
): Promise<PartnerOrganisation> {
  return change(ctx, id, version, { active }, { active });
}
