import type { z } from 'zod';
import { findPersonAccess } from '../../access/person-access.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { disclosuresOfPerson } from '../disclosures/person-entries.ts';
import { personEvent } from './edit.ts';
import * as queries from './queries.ts';
import type { AccessReport, AccessReportQuery } from './schema.ts';

/**
 * Reading a person: the person as a record (for those with need-to-know through a case or an
 * inquiry; 404 for others), and the citizen's access report. Every read is audited in the same
 * transaction, each related person shown as a read of their data too.
 */
export async function readPerson(ctx: RequestContext, personId: string) {
  const { db, user } = ctx;
  const access = await findPersonAccess(db, user, personId);
  if (!access) throw new AppError('not_found');
  return db.transaction().execute(async (trx) => {
    const loaded = await queries.loadPerson(trx, ctx.keys.secret, user, access);
    if (!loaded) throw new AppError('not_found');
    const read = personEvent(ctx, access, 'read', {
      viaCaseId: access.viaCaseId,
      viaInquiryId: access.viaInquiryId,
    });
    // Each related person shown (name and relation) is a read of their data too.
    const related = loaded.relations.map((r) =>
      personEvent(ctx, r.access, 'read', { field: 'relation', viaPersonId: access.personId }),
    );
    await writeAudit(trx, ctx.keys.audit, [read, ...related]);
    return loaded.person;
  });
}

/**
 * Every access to the person's data. The data-protection role answers citizens' requests for
 * the whole municipality (with employee names); a coordinator only for persons they may see.
 */
export async function accessReport(
  ctx: RequestContext,
  personId: string,
  query: z.infer<typeof AccessReportQuery>,
): Promise<AccessReport> {
  const { db, user } = ctx;
  const header = await queries.findPersonHeader(db, user, personId);
  const dataProtection =
    !!header &&
    user.roles.includes('data_protection') &&
    user.municipalityCode === header.municipality_code;
  const access = dataProtection ? null : await findPersonAccess(db, user, personId);
  if (!header || (!dataProtection && !access)) throw new AppError('not_found');
  const person = { id: header.id, municipalityCode: header.municipality_code };
  return db.transaction().execute(async (trx) => {
    const page = await queries.accessReportPage(trx, person, {
      after: query.after,
      limit: query.limit,
      withNames: dataProtection,
    });
    const disclosures = query.after === undefined ? await disclosuresOfPerson(trx, person) : [];
    await writeAudit(
      trx,
      ctx.keys.audit,
      recordEvent(
        user,
        access ?? {
          municipalityCode: header.municipality_code,
          unitId: user.unitIds[0] ?? null,
          breakGlass: false,
        },
        {
          action: 'export',
          resourceType: 'access_report',
          resourceId: header.id,
          subjectPersonId: header.id,
          purpose: PURPOSES.accessReport,
          requestId: ctx.requestId,
          details: {
            entries: page.items.length,
            disclosures: disclosures.length,
            employeeNames: dataProtection,
          },
        },
      ),
    );
    return {
      person: {
        id: header.id,
        name: `${header.given_name} ${header.family_name}`,
        birthDate: header.birth_date,
      },
      municipalityCode: header.municipality_code,
      generatedAt: new Date().toISOString(),
      employeeNamesShown: dataProtection,
      ...page,
      disclosures,
    };
  });
}
