import { NOTICE_DUE_DAYS } from '../../../shared/notice.ts';
import {
  NoticeExemptionSchema,
  NoticeMethodSchema,
  NoticeOutcomeSchema,
} from '../../../shared/notice.ts';
import { CasePersonRoleSchema } from '../../../shared/values.ts';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import {
  caseForNotice,
  caseNotices,
  noticeRecipients,
  type NoticeRow,
  type RecipientRow,
} from './queries.ts';
import type { Notice, NoticeList } from './schema.ts';

/**
 * The case's notices (GET /api/cases/:id/notices): who must be told (the citizen and the custody
 * holders), whether each was told, the notices and exemptions recorded, and the day the case's
 * coordinators are reminded. Audited as a read of the case.
 */
export async function listNotices(ctx: RequestContext, access: CaseAccess): Promise<NoticeList> {
  requireCaseAbility(access, 'notice', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const theCase = await caseForNotice(trx, access);
    if (!theCase) throw new AppError('not_found');
    const recipients = await noticeRecipients(trx, access);
    const rows = await caseNotices(trx, access);
    await auditCaseRead(trx, ctx, access, { what: 'notices', details: { notices: rows.length } });
    const told = new Set(rows.filter((r) => r.outcome === 'informed').map((r) => r.person_id));
    const opened = danishToday(theCase.opened_at);
    return {
      done: rows.length > 0,
      openedOn: opened,
      dueOn: addDays(opened, NOTICE_DUE_DAYS),
      recipients: recipients.map((r) => presentRecipient(r, told.has(r.id))),
      items: rows.map(presentNotice),
    };
  });
}

function presentRecipient(row: RecipientRow, told: boolean): NoticeList['recipients'][number] {
  return {
    personId: row.id,
    name: `${row.given_name} ${row.family_name}`,
    role: CasePersonRoleSchema.parse(row.role),
    custodyHolder: row.custody_holder,
    told,
  };
}

export function presentNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    outcome: NoticeOutcomeSchema.parse(row.outcome),
    person:
      row.person_id && row.given_name !== null && row.family_name !== null
        ? { id: row.person_id, name: `${row.given_name} ${row.family_name}` }
        : null,
    method: row.method === null ? null : NoticeMethodSchema.parse(row.method),
    givenOn: row.given_on,
    exemption: row.exemption === null ? null : NoticeExemptionSchema.parse(row.exemption),
    reason: row.reason,
    recordedBy: { id: row.recorded_by, name: row.display_name },
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** The recipient a letter is for: the case's citizen or a custody holder (404 otherwise). */
export function recipientOr404(recipients: RecipientRow[], personId: string): RecipientRow {
  const found = recipients.find((r) => r.id === personId);
  if (!found) throw new AppError('not_found');
  return found;
}
