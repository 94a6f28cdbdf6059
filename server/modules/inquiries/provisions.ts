import type { Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { PURPOSES } from '../../access/record-audit.ts';
import {
  findProvisionRows,
  insertProvisionRow,
  updateProvisionRow,
  type ProvisionValues,
} from './queries-provisions.ts';
import type { LegalProvision, ProvisionKey, UpdateProvision } from './schema-child-report.ts';
import { PROVISION_KEYS, provisionProblems } from './schema-child-report.ts';

/**
 * The legal provisions behind reports about children (underretninger), as data: name, law,
 * section, validity and the deadline each sets. Every municipality has its own; one without a
 * saved row has the defaults below (version 0), the same rows migration 0024 seeded. The
 * municipality's lawyer confirms them: the sections and deadlines here are the product's best
 * reading of Barnets lov (in force 1 January 2024), each marked unconfirmed until then.
 */
const BARNETS_LOV = 'Barnets lov';
const IN_FORCE = '2024-01-01';

export const DEFAULT_PROVISIONS: Record<ProvisionKey, ProvisionValues> = {
  professional_report: {
    name_da: 'Skærpet underretningspligt for fagpersoner',
    name_en: "Professionals' enhanced duty to report",
    law: BARNETS_LOV,
    section: '§ 133',
    valid_from: IN_FORCE,
    valid_to: null,
    deadline_hours: null,
    deadline_workdays: null,
    confirmed: false,
  },
  citizen_report: {
    name_da: 'Underretning fra borgere',
    name_en: 'Reports from citizens',
    law: BARNETS_LOV,
    section: '§ 132',
    valid_from: IN_FORCE,
    valid_to: null,
    deadline_hours: null,
    deadline_workdays: null,
    confirmed: false,
  },
  acknowledgement: {
    name_da: 'Kvittering til fagpersonen for modtaget underretning',
    name_en: 'Acknowledgement of the report to the professional',
    law: BARNETS_LOV,
    section: '§ 134',
    valid_from: IN_FORCE,
    valid_to: null,
    deadline_hours: null,
    deadline_workdays: 6,
    confirmed: false,
  },
  immediate_help: {
    name_da: 'Vurdering af, om barnet har brug for akut hjælp',
    name_en: 'Assessment of whether the child needs immediate help',
    law: BARNETS_LOV,
    section: '§ 138',
    valid_from: IN_FORCE,
    valid_to: null,
    deadline_hours: 24,
    deadline_workdays: null,
    confirmed: false,
  },
};

function presented(key: ProvisionKey, values: ProvisionValues, version: number): LegalProvision {
  return {
    key,
    nameDa: values.name_da,
    nameEn: values.name_en,
    law: values.law,
    section: values.section,
    validFrom: values.valid_from,
    validTo: values.valid_to,
    deadlineHours: values.deadline_hours,
    deadlineWorkdays: values.deadline_workdays,
    confirmed: values.confirmed,
    version,
  };
}

/** The municipality's provisions, in the order of PROVISION_KEYS (saved rows, else defaults). */
export async function getProvisions(
  db: Kysely<DB>,
  municipalityCode: string,
): Promise<LegalProvision[]> {
  const rows = new Map((await findProvisionRows(db, municipalityCode)).map((r) => [r.key, r]));
  return PROVISION_KEYS.map((key) => {
    const row = rows.get(key);
    return row ? presented(key, row, row.version) : presented(key, DEFAULT_PROVISIONS[key], 0);
  });
}

/** The provision of `key` in force on a day (yyyy-mm-dd), or null when none is. */
export function provisionOn(
  provisions: LegalProvision[],
  key: ProvisionKey,
  day: string,
): LegalProvision | null {
  return (
    provisions.find(
      (p) => p.key === key && p.validFrom <= day && (p.validTo === null || day < p.validTo),
    ) ?? null
  );
}

/**
 * The administrator changes one provision: optimistic locking (version 0 while on the default),
 * audited in the same transaction. The caller's own municipality; 404 for a user of none.
 */
export async function changeProvision(
  ctx: RequestContext,
  key: ProvisionKey,
  body: UpdateProvision,
): Promise<LegalProvision[]> {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  const problems = provisionProblems(body);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      fields: problems.map((p) => ({ field: `body.${p.field}`, code: p.code })),
    });
  }
  const values: ProvisionValues = {
    name_da: body.nameDa,
    name_en: body.nameEn,
    law: body.law,
    section: body.section,
    valid_from: body.validFrom,
    valid_to: body.validTo,
    deadline_hours: body.deadlineHours,
    deadline_workdays: body.deadlineWorkdays,
    confirmed: body.confirmed,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await getProvisions(trx, code)).find((p) => p.key === key);
    requireVersion(current?.version ?? 0, body.version);
    const saved =
      body.version === 0
        ? await insertProvisionRow(trx, code, key, values)
        : await updateProvisionRow(trx, code, key, body.version, values);
    if (!saved) throw staleVersion(current?.version ?? null);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'legal_provision',
      resourceId: key,
      purpose: PURPOSES.inquiryAssessment,
      requestId: ctx.requestId,
      details: { key, confirmed: body.confirmed },
    });
  });
  return getProvisions(ctx.db, code);
}
