import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import {
  mayOpenRecordedInquiry,
  requireIntakeMunicipality,
} from '../../access/inquiry-abilities.ts';
import { findPersonAccesses } from '../../access/person-access.ts';
import { PURPOSES } from '../../access/record-audit.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { notifyPossibleDuplicates } from '../persons/duplicates.ts';
import { addRelationsIfAbsent, keepFromArchive } from '../persons/queries-registry.ts';
import { checkNewPerson, insertPerson, rejectProblems } from '../persons/service.ts';
import { inquiryEvent } from './change.ts';
import { deadlineAfter, localTime } from './deadline.ts';
import { insertHistory, insertSigns, nextReference } from './queries.ts';
import { deleteDraftRow } from './queries-drafts.ts';
import {
  activePersonIds,
  birthDateOf,
  findByIdempotencyKey,
  insertInquiry,
  insertInquiryPersons,
  type ReceiptRow,
} from './queries-intake.ts';
import { checkReceivedAt, checkSigns, clockStart, isBackdatedReceipt, isUrgent } from './rules.ts';
import { checkBackdate, storedBackdate } from '../../platform/backdating.ts';
import { childReportProblem } from './child-report.ts';
import type { CreateInquiry } from './schema.ts';
import { getSettings } from './settings.ts';

/**
 * The intake: any member of staff records a concern inquiry and gets a receipt, not the
 * inquiry. Takes the request context and the clock (`now`) separately, so a test or the demo seed
 * can record "as of" a time.
 */
export interface Receipt {
  id: string;
  reference: string;
  urgent: boolean;
  policeAdvice: boolean;
  deadlineAt: string;
  canOpen: boolean;
}

function receiptOf(row: ReceiptRow, user: CurrentUser): Receipt {
  return {
    id: row.id,
    reference: row.reference,
    urgent: row.urgent,
    policeAdvice: row.urgent,
    deadlineAt: row.deadline_at.toISOString(),
    canOpen: mayOpenRecordedInquiry(user, row.municipality_code),
  };
}

/** The body's problems the schema cannot see; the new persons checked (null for existing ones). */
function checkBody(body: CreateInquiry, now: Date) {
  const problems: FieldProblem[] = [];
  checkReceivedAt(body.receivedAt, now, problems);
  checkBackdate(isBackdatedReceipt(new Date(body.receivedAt), now), body, problems);
  checkSigns(body.signs, problems);
  if (body.source === 'other' && !body.sourceOther) {
    problems.push({ field: 'body.sourceOther', code: 'required' });
  }
  if (body.subjectKind === 'group' && !body.groupDescription && body.persons.length === 0) {
    problems.push({ field: 'body.groupDescription', code: 'required' });
  }
  if (body.subjectKind !== 'group' && body.persons.length === 0) {
    problems.push({ field: 'body.persons', code: 'too_small_array', params: { minimum: 1 } });
  }
  // Today in Copenhagen: between midnight and 01:00 the UTC date is still yesterday.
  const local = localTime(now);
  const today = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  const checked = body.persons.map((p, i) => {
    const field = `body.persons.${i}`;
    if ((p.existingPersonId === undefined) === (p.new === undefined)) {
      problems.push({ field, code: 'person_one_of' });
      return null;
    }
    if (i === 0 && p.relationToFirst) {
      problems.push({ field: `${field}.relationToFirst`, code: 'invalid_value' });
    }
    if (!p.new) return null;
    const result = checkNewPerson(p.new, `${field}.new`, today);
    problems.push(...result.problems);
    return result;
  });
  const existingIds = body.persons.flatMap((p) => (p.existingPersonId ? [p.existingPersonId] : []));
  if (new Set(existingIds).size !== existingIds.length) {
    problems.push({ field: 'body.persons', code: 'duplicate' });
  }
  rejectProblems(problems);
  return { checked, existingIds };
}

/**
 * An inquiry sent from the housing-area work (issue 16, tools 4a and 4b): the area is its context
 * and its municipality the inquiry's (a partner sending the form has none of their own). The
 * caller (server/modules/area-work) has checked the sender's standing in the area.
 */
export interface AreaContext {
  municipalityCode: string;
  housingAreaId: string;
  identificationTool: '4a' | '4b';
  /**
   * The sender's standing in the area, checked again first thing inside the write's transaction
   * (throws to refuse): a partner's grant revoked since the caller's first check lands nothing.
   */
  recheck?: (trx: Transaction<DB>) => Promise<void>;
}

/**
 * Records an inquiry. Idempotent: the same user with the same key gets the first receipt again,
 * however often the browser retries. Until triaged, the shortest deadline of the municipality
 * applies, so nothing waits unseen. Persons are found (an existing registration in the same
 * municipality) or created; relations are recorded from the main person.
 */
export async function createInquiry(
  ctx: RequestContext,
  body: CreateInquiry,
  idempotencyKey: string,
  now: Date,
  area?: AreaContext,
): Promise<{ receipt: Receipt; created: boolean }> {
  const municipality = area?.municipalityCode ?? requireIntakeMunicipality(ctx.user);
  const existing = await findByIdempotencyKey(ctx.db, ctx.user.id, idempotencyKey);
  if (existing) return { receipt: receiptOf(existing, ctx.user), created: false };

  const { checked, existingIds } = checkBody(body, now);
  await checkLinkablePersons(ctx, municipality, existingIds, body.persons);
  await checkChildReportMark(ctx, municipality, body, checked[0]?.birthDate ?? null);

  const settings = await getSettings(ctx.db, municipality);
  const receivedAt = new Date(body.receivedAt);
  const urgent = isUrgent(body.signs, body.immediateDanger);
  const shortest = Math.min(...Object.values(settings.deadlineHours));
  const backdate = storedBackdate(isBackdatedReceipt(receivedAt, now), body);

  const result = await ctx.db.transaction().execute(async (trx) => {
    if (area?.recheck) await area.recheck(trx);
    const reference = await nextReference(trx, municipality, 'H', localTime(now).year);
    const row = await insertInquiry(trx, {
      municipality_code: municipality,
      reference,
      source: body.source,
      source_other: body.source === 'other' ? body.sourceOther : null,
      channel: body.channel,
      reporter_anonymous: body.reporter.anonymous,
      reporter_name: body.reporter.anonymous ? null : body.reporter.name,
      reporter_contact: body.reporter.anonymous ? null : body.reporter.contact,
      received_at: receivedAt,
      ...backdate,
      // Registered now: the clock of a back-dated inquiry counts from this very time.
      created_at: now,
      observation: body.observation,
      subject_kind: body.subjectKind,
      group_description: body.groupDescription,
      immediate_danger: body.immediateDanger,
      child_report: body.childReport,
      child_report_marked_at: body.childReport ? now : null,
      child_report_marked_by: body.childReport ? ctx.user.id : null,
      urgent,
      deadline_at: deadlineAfter(clockStart(receivedAt, now, backdate.backdate_reason), shortest),
      recorded_unit_id: ctx.user.unitIds[0] ?? null,
      created_by: ctx.user.id,
      idempotency_key: idempotencyKey,
      housing_area_id: area?.housingAreaId ?? null,
      identification_tool: area?.identificationTool ?? null,
    });
    // A concurrent retry with the same key won: this transaction adds nothing.
    if (!row) return null;

    const personIds: string[] = [];
    for (const [i, p] of body.persons.entries()) {
      const check = checked[i];
      personIds.push(
        p.existingPersonId ??
          (await insertPerson(trx, ctx.keys.secret, municipality, p.new!, check!, ctx.user.id)),
      );
    }
    const newIds = personIds.filter((_, i) => body.persons[i]?.new);
    await notifyPossibleDuplicates(trx, newIds, row.id, ctx.user.id);
    // A new concern about someone waiting to be archived: they are needed again.
    await keepFromArchive(trx, municipality, existingIds);
    await insertInquiryPersons(trx, row.id, personIds);
    const main = personIds[0];
    await addRelationsIfAbsent(
      trx,
      body.persons.flatMap((p, i) =>
        main && i > 0 && p.relationToFirst
          ? [
              {
                person_id: main,
                related_person_id: personIds[i] ?? '',
                relation: p.relationToFirst,
              },
            ]
          : [],
      ),
    );
    await insertSigns(trx, row.id, body.signs);
    await insertHistory(trx, row.id, ctx.user.id, 'created', {
      reference,
      urgent,
      persons: personIds.length,
      signs: body.signs.map((s) => s.code),
    });
    if (body.childReport) {
      await insertHistory(trx, row.id, ctx.user.id, 'child_report_marked', {
        childReport: { from: false, to: true },
      });
    }
    if (body.draftId) await deleteDraftRow(trx, ctx.user.id, body.draftId);
    const subjects = personIds.length > 0 ? personIds : [null];
    await writeAudit(
      trx,
      ctx.keys.audit,
      subjects.map((subject) =>
        inquiryEvent(ctx, municipality, {
          action: 'create',
          resourceId: row.id,
          subjectPersonId: subject,
          purpose: PURPOSES.inquiryIntake,
          details: {
            urgent,
            ...(body.childReport && { childReport: true }),
            ...(area && { housingAreaId: area.housingAreaId, tool: area.identificationTool }),
          },
        }),
      ),
    );
    return row;
  });
  if (result) return { receipt: receiptOf(result, ctx.user), created: true };
  const raced = await findByIdempotencyKey(ctx.db, ctx.user.id, idempotencyKey);
  if (!raced) throw new AppError('conflict');
  return { receipt: receiptOf(raced, ctx.user), created: false };
}

/**
 * "Underretning efter Barnets lov" chosen at intake: refused on the field, with nothing stored,
 * unless the main person is under 18 at receipt and the source is a professional — the rule that
 * marking it on the inquiry afterwards applies (childReportProblem). The main person is a new one
 * (the birth date typed or read from the CPR number) or a registration already checked visible.
 */
async function checkChildReportMark(
  ctx: RequestContext,
  municipality: string,
  body: CreateInquiry,
  newBirthDate: string | null,
) {
  if (!body.childReport) return;
  const main = body.persons[0];
  const birthDate = main?.existingPersonId
    ? await birthDateOf(ctx.db, main.existingPersonId, municipality)
    : newBirthDate;
  const problem = childReportProblem({
    source: body.source,
    received_at: new Date(body.receivedAt),
    child_birth_date: birthDate,
  });
  if (problem) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.childReport', code: problem }],
    });
  }
}

/**
 * An inquiry may name an existing registration only if the caller may see that person: linking
 * someone the caller cannot see would open the person's record to every coordinator of the
 * municipality through the new inquiry. A person the caller may not see, of another
 * municipality, merged away or never existing all get the same 404 naming the field, so the
 * answer tells nothing. (The intake then registers the person anew; the coordinator who can see
 * both finds the pair among the possible duplicates and merges them.)
 */
async function checkLinkablePersons(
  ctx: RequestContext,
  municipality: string,
  ids: string[],
  persons: CreateInquiry['persons'],
) {
  if (ids.length === 0) return;
  const visible = await findPersonAccesses(ctx.db, ctx.user, ids);
  const active = await activePersonIds(ctx.db, ids, municipality);
  const ok = new Set(active.filter((id) => visible.has(id)));
  const fields = persons.flatMap((p, i) =>
    p.existingPersonId && !ok.has(p.existingPersonId)
      ? [{ field: `body.persons.${i}.existingPersonId`, code: 'record_not_found' }]
      : [],
  );
  if (fields.length > 0) throw new AppError('not_found', { fields });
}
