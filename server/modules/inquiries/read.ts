import type { Transaction } from 'kysely';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { inquiryAbilities } from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { findPersonAccesses } from '../../access/person-access.ts';
import { inquiryEvent } from './change.ts';
import { readChildReport } from './child-report.ts';
import { inquiryPersonIds, loadHistory } from './queries.ts';
import { loadInquiry } from './queries-detail.ts';
import { listInbox, type InboxFilterWithText } from './queries-inbox.ts';
import type { InboxSearch } from './schema.ts';
import { personMatchOf } from '../persons/search.ts';
import { rejectProblems } from '../persons/service.ts';
import type { InquiryDetail } from './schema-detail.ts';
import { getSettings } from './settings.ts';

/**
 * Reading inquiries: every read of personal data writes its audit entries in the same
 * transaction. Takes the request context and the clock (`now`: what is overdue, and the server
 * time the web counts the time left from). The caller has checked access; the route grants the
 * compartment.
 */

/**
 * A read of the inquiry: one audit entry per person it concerns (so the citizen's access report
 * finds it), one without a person when it names none.
 */
export async function auditRead(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: InquiryAccess,
  personIds: string[],
  details?: AuditEvent['details'],
): Promise<void> {
  const subjects = personIds.length > 0 ? personIds : [null];
  await writeAudit(
    trx,
    ctx.keys.audit,
    subjects.map((subject) =>
      inquiryEvent(ctx, access.municipalityCode, {
        action: 'read',
        resourceId: access.inquiryId,
        subjectPersonId: subject,
        ...(details && { details }),
      }),
    ),
  );
}

/** The inquiry as the caller sees it, with what they may do with it. */
export async function readInquiry(
  ctx: RequestContext,
  access: InquiryAccess,
  now: Date,
): Promise<InquiryDetail> {
  const settings = await getSettings(ctx.db, access.municipalityCode);
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadInquiry(trx, ctx.keys.secret, access, now);
    if (!loaded) throw new AppError('not_found');
    const { detail, pendingDecidedBy } = loaded;
    await auditRead(
      trx,
      ctx,
      access,
      detail.persons.map((p) => p.id),
    );
    const open = await findPersonAccesses(
      trx,
      ctx.user,
      detail.persons.map((p) => p.id),
    );
    const { childReport, note } = await readChildReport(trx, access, now);
    return {
      ...detail,
      persons: detail.persons.map((p) => ({ ...p, mayOpen: open.has(p.id) })),
      abilities: inquiryAbilities(access, {
        triageBy: settings.triageBy,
        pendingDecidedBy,
        userId: ctx.user.id,
      }),
      now: now.toISOString(),
      fourEyes: settings.fourEyes,
      childReport,
      immediateHelpNote: note,
    };
  });
}

/**
 * The inbox page; each inquiry's shown person is a search hit in the audit trail (with what a
 * text search matched on, never the text).
 */
export async function readInbox(
  ctx: RequestContext,
  filter: InboxFilterWithText,
  now: Date,
  matchedOn?: 'reference' | 'name' | 'cpr',
) {
  return ctx.db.transaction().execute(async (trx) => {
    const { shownPersons, ...page } = await listInbox(trx, ctx.user, filter, now);
    await writeAudit(
      trx,
      ctx.keys.audit,
      [...shownPersons].map(([inquiryId, { personId, municipalityCode }]) =>
        inquiryEvent(ctx, municipalityCode, {
          action: 'search',
          resourceId: inquiryId,
          subjectPersonId: personId,
          ...(matchedOn && { details: { matchedOn } }),
        }),
      ),
    );
    return { ...page, now: now.toISOString() };
  });
}

/**
 * The inbox searched by one text: digits only are a CPR number (exact; not a valid one is a 400
 * on `body.text`, nothing searched), a text with a digit the start of a reference, any other the
 * name of a person the inquiry concerns.
 */
export async function searchInbox(ctx: RequestContext, body: InboxSearch, now: Date) {
  const { text, ...filter } = body;
  if (/^[0-9\s-]+$/.test(text)) {
    const { match, problems } = personMatchOf(
      ctx.keys.secret,
      { name: '', cpr: text.replace(/\s/g, ''), birthDate: '' },
      { name: 'body.text', cpr: 'body.text' },
    );
    rejectProblems(problems);
    return readInbox(ctx, { ...filter, person: match }, now, 'cpr');
  }
  if (/[0-9]/.test(text)) return readInbox(ctx, { ...filter, reference: text }, now, 'reference');
  const { match, problems } = personMatchOf(
    ctx.keys.secret,
    { name: text, cpr: '', birthDate: '' },
    { name: 'body.text', cpr: 'body.text' },
  );
  rejectProblems(problems);
  return readInbox(ctx, { ...filter, person: match }, now, 'name');
}

/**
 * The chronology. It is the inquiry's data: one audit entry per person it concerns, so the
 * citizen's access report finds the read.
 */
export async function readHistory(ctx: RequestContext, access: InquiryAccess) {
  return ctx.db.transaction().execute(async (trx) => {
    const events = await loadHistory(trx, access);
    await auditRead(trx, ctx, access, await inquiryPersonIds(trx, access), { part: 'history' });
    return { id: access.inquiryId, events };
  });
}
