import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { isAboutChild, toAssessment } from './content.ts';
import { citizenBirthDate, selectAssessments } from './queries.ts';
import type { Assessment, AssessmentList } from './schema.ts';

/**
 * Reading the case's 360° assessments (udredning). Readers: members with the whole case (and
 * break-the-glass readers); the risk lens, the risk factors and the overall judgement are
 * compartment content (removed on the way out for readers without it). Every read writes its
 * audit entries in the transaction of the read.
 */

export async function loadOne(db: Kysely<DB>, theCase: CaseKey, id: string): Promise<Assessment> {
  const row = await selectAssessments(db, theCase).where('a.id', '=', id).executeTakeFirstOrThrow();
  const birthDate = await citizenBirthDate(db, theCase);
  return toAssessment(row, isAboutChild(birthDate, row, new Date()));
}

/** Every version of the case's assessment, newest first; the read is audited with it. */
export async function listAssessments(
  ctx: RequestContext,
  access: CaseAccess,
): Promise<AssessmentList> {
  requireCaseAbility(access, 'assessment', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectAssessments(trx, access).orderBy('a.number', 'desc').execute();
    const birthDate = await citizenBirthDate(trx, access);
    const now = new Date();
    await auditCaseRead(trx, ctx, access, {
      what: 'assessments',
      details: { count: rows.length },
    });
    return {
      id: access.caseId,
      items: rows.map((row) => toAssessment(row, isAboutChild(birthDate, row, now))),
    };
  });
}
