import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { findPersonAccesses } from '../../access/person-access.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { notifyPossibleDuplicates } from '../persons/duplicates.ts';
import { checkNewPerson, insertPerson, rejectProblems } from '../persons/service.ts';
import { deadlineAfter, localTime } from './deadline.ts';
import { nextReference } from './queries.ts';
import { getSettings, type MunicipalitySettings } from './settings.ts';
import { isSerious } from './signs.ts';
import type { CreateInquiry, UpdateInquiry } from './schema.ts';

export interface InquiryContext {
  db: Kysely<DB>;
  keys: { audit: Buffer; secret: Buffer };
  user: CurrentUser;
  requestId: string;
  now: Date;
}

/** A little leeway for a PC clock that is ahead: "received" may not be in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function inquiryEvent(
  ctx: InquiryContext,
  municipalityCode: string,
  event: Pick<
    AuditEvent,
    'action' | 'resourceId' | 'subjectPersonId' | 'legalBasis' | 'details'
  > & {
    resourceType?: string;
    purpose?: string;
  },
): AuditEvent {
  return recordEvent(
    ctx.user,
    { municipalityCode, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false },
    {
      resourceType: 'inquiry',
      purpose: PURPOSES.inquiryAssessment,
      requestId: ctx.requestId,
      ...event,
    },
  );
}

/** Appends to the inquiry's chronology (who, when, what changed). */
export async function addHistory(
  trx: Transaction<DB>,
  inquiryId: string,
  actorUserId: string,
  kind: string,
  changes: Record<string, unknown>,
) {
  await trx
    .insertInto('inquiry_events')
    .values({
      inquiry_id: inquiryId,
      actor_user_id: actorUserId,
      kind,
      changes: JSON.stringify(changes),
    })
    .execute();
}

/**
 * The tail of every change to an inquiry, in its transaction: the chronology entry (`kind`,
 * `changes`) and the audit event about the inquiry.
 */
export async function recordChange(
  trx: Transaction<DB>,
  ctx: InquiryContext,
  access: InquiryAccess,
  change: {
    kind: string;
    changes: Record<string, unknown>;
    audit: Pick<AuditEvent, 'action' | 'legalBasis' | 'details'>;
  },
) {
  await addHistory(trx, access.inquiryId, ctx.user.id, change.kind, change.changes);
  await writeAudit(
    trx,
    ctx.keys.audit,
    inquiryEvent(ctx, access.municipalityCode, { ...change.audit, resourceId: access.inquiryId }),
  );
}

function checkReceivedAt(value: string, now: Date, problems: FieldProblem[]) {
  if (new Date(value).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ field: 'body.receivedAt', code: 'in_future' });
  }
}

function checkSigns(signs: { code: string }[], problems: FieldProblem[]) {
  const seen = new Set<string>();
  signs.forEach((s, i) => {
    if (seen.has(s.code)) problems.push({ field: `body.signs.${i}.code`, code: 'duplicate' });
    seen.add(s.code);
  });
}

/** A serious sign or immediate danger makes the inquiry urgent (and shows how to reach the police). */
function isUrgent(signs: { code: Parameters<typeof isSerious>[0] }[], immediateDanger: boolean) {
  return immediateDanger || signs.some((s) => isSerious(s.code));
}

export interface Receipt {
  id: string;
  reference: string;
  urgent: boolean;
  policeAdvice: boolean;
  deadlineAt: string;
  canOpen: boolean;
}

function receiptOf(
  row: {
    id: string;
    reference: string;
    urgent: boolean;
    deadline_at: Date;
    municipality_code: string;
  },
  user: CurrentUser,
): Receipt {
  return {
    id: row.id,
    reference: row.reference,
    urgent: row.urgent,
    policeAdvice: row.urgent,
    deadlineAt: row.deadline_at.toISOString(),
    canOpen: user.roles.includes('coordinator') && user.municipalityCode === row.municipality_code,
  };
}

/**
 * Records an inquiry. Idempotent: the same user with the same key gets the first receipt again,
 * however often the browser retries. Until triaged, the shortest deadline of the municipality
 * applies, so nothing waits unseen. Persons are found (an existing registration in the same
 * municipality) or created; relations are recorded from the main person.
 */
export async function createInquiry(
  ctx: InquiryContext,
  body: CreateInquiry,
  idempotencyKey: string,
): Promise<{ receipt: Receipt; created: boolean }> {
  const municipality = ctx.user.municipalityCode;
  if (!municipality) throw new AppError('forbidden');
  const existing = await findByKey(ctx.db, ctx.user.id, idempotencyKey);
  if (existing) return { receipt: receiptOf(existing, ctx.user), created: false };

  const problems: FieldProblem[] = [];
  checkReceivedAt(body.receivedAt, ctx.now, problems);
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
  const local = localTime(ctx.now);
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
  await checkLinkablePersons(ctx, body.persons);

  const settings = await getSettings(ctx.db, municipality);
  const receivedAt = new Date(body.receivedAt);
  const urgent = isUrgent(body.signs, body.immediateDanger);
  const shortest = Math.min(...Object.values(settings.deadlineHours));

  const result = await ctx.db.transaction().execute(async (trx) => {
    const reference = await nextReference(trx, municipality, 'H', localTime(ctx.now).year);
    const row = await trx
      .insertInto('inquiries')
      .values({
        municipality_code: municipality,
        reference,
        source: body.source,
        source_other: body.source === 'other' ? body.sourceOther : null,
        channel: body.channel,
        reporter_anonymous: body.reporter.anonymous,
        reporter_name: body.reporter.anonymous ? null : body.reporter.name,
        reporter_contact: body.reporter.anonymous ? null : body.reporter.contact,
        received_at: receivedAt,
        observation: body.observation,
        subject_kind: body.subjectKind,
        group_description: body.groupDescription,
        immediate_danger: body.immediateDanger,
        urgent,
        deadline_at: deadlineAfter(receivedAt, shortest),
        recorded_unit_id: ctx.user.unitIds[0] ?? null,
        created_by: ctx.user.id,
        idempotency_key: idempotencyKey,
      })
      .onConflict((oc) => oc.columns(['created_by', 'idempotency_key']).doNothing())
      .returning(['id', 'reference', 'urgent', 'deadline_at', 'municipality_code'])
      .executeTakeFirst();
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
    if (existingIds.length > 0) {
      // A new concern about someone waiting to be archived: they are needed again.
      await trx
        .updateTable('persons')
        .set({ archive_after: null })
        .where('id', 'in', existingIds)
        .execute();
    }
    if (personIds.length > 0) {
      await trx
        .insertInto('inquiry_persons')
        .values(personIds.map((id, position) => ({ inquiry_id: row.id, person_id: id, position })))
        .execute();
    }
    const main = personIds[0];
    const relations = body.persons.flatMap((p, i) =>
      main && i > 0 && p.relationToFirst
        ? [{ person_id: main, related_person_id: personIds[i] ?? '', relation: p.relationToFirst }]
        : [],
    );
    if (relations.length > 0) {
      await trx
        .insertInto('person_relations')
        .values(relations)
        .onConflict((oc) => oc.columns(['person_id', 'related_person_id']).doNothing())
        .execute();
    }
    if (body.signs.length > 0) {
      await trx
        .insertInto('inquiry_signs')
        .values(body.signs.map((s) => ({ inquiry_id: row.id, sign_code: s.code, note: s.note })))
        .execute();
    }
    await addHistory(trx, row.id, ctx.user.id, 'created', {
      reference,
      urgent,
      persons: personIds.length,
      signs: body.signs.map((s) => s.code),
    });
    if (body.draftId) {
      await trx
        .deleteFrom('inquiry_drafts')
        .where('id', '=', body.draftId)
        .where('user_id', '=', ctx.user.id)
        .execute();
    }
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
          details: { urgent },
        }),
      ),
    );
    return row;
  });
  if (result) return { receipt: receiptOf(result, ctx.user), created: true };
  const raced = await findByKey(ctx.db, ctx.user.id, idempotencyKey);
  if (!raced) throw new AppError('conflict');
  return { receipt: receiptOf(raced, ctx.user), created: false };
}

/**
 * An inquiry may name an existing registration only if the caller may see that person: linking
 * someone the caller cannot see would open the person's record to every coordinator of the
 * municipality through the new inquiry. A person the caller may not see, of another
 * municipality, merged away or never existing all get the same 404 naming the field, so the
 * answer tells nothing. (The intake then registers the person anew; the coordinator who can see
 * both finds the pair among the possible duplicates and merges them.)
 */
async function checkLinkablePersons(ctx: InquiryContext, persons: CreateInquiry['persons']) {
  const ids = persons.flatMap((p) => (p.existingPersonId ? [p.existingPersonId] : []));
  if (ids.length === 0) return;
  const visible = await findPersonAccesses(ctx.db, ctx.user, ids);
  const active = await ctx.db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', ids)
    .where('municipality_code', '=', ctx.user.municipalityCode ?? '')
    .where('merged_into', 'is', null)
    .execute();
  const ok = new Set(active.map((row) => row.id).filter((id) => visible.has(id)));
  const fields = persons.flatMap((p, i) =>
    p.existingPersonId && !ok.has(p.existingPersonId)
      ? [{ field: `body.persons.${i}.existingPersonId`, code: 'record_not_found' }]
      : [],
  );
  if (fields.length > 0) throw new AppError('not_found', { fields });
}

async function findByKey(db: Kysely<DB>, userId: string, key: string) {
  return db
    .selectFrom('inquiries')
    .select(['id', 'reference', 'urgent', 'deadline_at', 'municipality_code'])
    .where('created_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** What the user may do with the inquiry now; the web app shows exactly these actions. */
export function inquiryAbilities(
  access: InquiryAccess,
  settings: MunicipalitySettings,
  pendingDecidedBy: string | null,
  userId: string,
) {
  // Waiting for a second coordinator's approval freezes the inquiry like a decision does.
  const open = access.status === 'received' || access.status === 'triaged';
  const works = access.coordinator || access.forum;
  return {
    edit: works && open,
    triage:
      (access.status === 'received' || access.status === 'triaged') &&
      (access.coordinator || (access.forum && settings.triageBy === 'forum')),
    contribute: works && open,
    decide: access.coordinator && (access.status === 'received' || access.status === 'triaged'),
    review:
      access.coordinator &&
      access.status === 'awaiting_approval' &&
      pendingDecidedBy !== null &&
      pendingDecidedBy !== userId,
    reopen: access.coordinator && access.status === 'decided',
  };
}

/** Bumps the version if it is still the one the user saw; otherwise 409 with the current one. */
export async function claimVersion(trx: Transaction<DB>, inquiryId: string, version: number) {
  const updated = await trx
    .updateTable('inquiries')
    .set({ version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', inquiryId)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) {
    const current = await trx
      .selectFrom('inquiries')
      .select('version')
      .where('id', '=', inquiryId)
      .executeTakeFirst();
    throw new AppError('conflict', { meta: { currentVersion: current?.version ?? null } });
  }
}

type Scalar = string | number | boolean | null;
const EDITABLE = {
  source: 'source',
  sourceOther: 'source_other',
  channel: 'channel',
  receivedAt: 'received_at',
  observation: 'observation',
  subjectKind: 'subject_kind',
  groupDescription: 'group_description',
  immediateDanger: 'immediate_danger',
  forumId: 'forum_id',
} as const;

/**
 * Edits an inquiry (not once decided) with optimistic locking; the chronology records each
 * changed field from → to. Changing the signs or the danger flag re-decides "urgent".
 */
export async function updateInquiry(
  ctx: InquiryContext,
  access: InquiryAccess,
  body: UpdateInquiry,
): Promise<void> {
  if (!isOpen(access)) throw new AppError('inquiry_decided');
  const problems: FieldProblem[] = [];
  if (body.receivedAt) checkReceivedAt(body.receivedAt, ctx.now, problems);
  if (body.signs) checkSigns(body.signs, problems);
  if (body.forumId) {
    const forum = await ctx.db
      .selectFrom('forums')
      .select('id')
      .where('id', '=', body.forumId)
      .where('municipality_code', '=', access.municipalityCode)
      .executeTakeFirst();
    if (!forum) problems.push({ field: 'body.forumId', code: 'invalid_value' });
  }
  rejectProblems(problems);

  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await claimVersion(trx, access.inquiryId, body.version);
      const before = await trx
        .selectFrom('inquiries')
        .selectAll()
        .where('id', '=', access.inquiryId)
        .executeTakeFirstOrThrow();
      const changes: Record<string, { from: Scalar; to: Scalar }> = {};
      const set: Record<string, Scalar | Date> = {};
      for (const [field, column] of Object.entries(EDITABLE)) {
        const value = body[field as keyof typeof EDITABLE];
        if (value === undefined) continue;
        const old = before[column];
        const oldScalar = old instanceof Date ? old.toISOString() : old;
        const next = field === 'receivedAt' ? new Date(value as string).toISOString() : value;
        if (oldScalar !== next) {
          changes[field] = { from: oldScalar, to: next };
          set[column] = field === 'receivedAt' ? new Date(value as string) : value;
        }
      }
      if (body.reporter) {
        const r = body.reporter;
        const next = {
          reporter_anonymous: r.anonymous,
          reporter_name: r.anonymous ? null : r.name,
          reporter_contact: r.anonymous ? null : r.contact,
        };
        for (const [column, value] of Object.entries(next)) {
          if (before[column as keyof typeof before] !== value) {
            changes[column] = { from: before[column as keyof typeof before] as Scalar, to: value };
            set[column] = value;
          }
        }
      }
      let signs = await trx
        .selectFrom('inquiry_signs')
        .select(['sign_code as code', 'note'])
        .where('inquiry_id', '=', access.inquiryId)
        .execute();
      if (body.signs) {
        const from = signs
          .map((s) => `${s.code}${s.note ? `: ${s.note}` : ''}`)
          .sort()
          .join(', ');
        const to = body.signs
          .map((s) => `${s.code}${s.note ? `: ${s.note}` : ''}`)
          .sort()
          .join(', ');
        if (from !== to) {
          changes.signs = { from, to };
          await trx
            .deleteFrom('inquiry_signs')
            .where('inquiry_id', '=', access.inquiryId)
            .execute();
          if (body.signs.length > 0) {
            await trx
              .insertInto('inquiry_signs')
              .values(
                body.signs.map((s) => ({
                  inquiry_id: access.inquiryId,
                  sign_code: s.code,
                  note: s.note,
                })),
              )
              .execute();
          }
          signs = body.signs;
        }
      }
      const urgent = isUrgent(
        signs as { code: Parameters<typeof isSerious>[0] }[],
        (set.immediate_danger as boolean | undefined) ?? before.immediate_danger,
      );
      if (urgent !== before.urgent) {
        changes.urgent = { from: before.urgent, to: urgent };
        set.urgent = urgent;
      }
      // The deadline counts from when the inquiry was received: a corrected time moves it.
      if (set.received_at instanceof Date) {
        const settings = await getSettings(trx, access.municipalityCode);
        const hours = before.seriousness
          ? settings.deadlineHours[before.seriousness as 'high' | 'medium' | 'low']
          : Math.min(...Object.values(settings.deadlineHours));
        const deadline = deadlineAfter(set.received_at, hours);
        changes.deadlineAt = { from: before.deadline_at.toISOString(), to: deadline.toISOString() };
        set.deadline_at = deadline;
        set.reminder_sent_at = null;
        set.overdue_notified_at = null;
      }
      // Which forum handles the inquiry is the coordinator's call.
      if (changes.forumId && !access.coordinator) throw new AppError('forbidden');
      // Nothing changed: roll back the version bump, and write no history.
      if (Object.keys(changes).length === 0) throw NO_CHANGE;
      if (Object.keys(set).length > 0) {
        await trx.updateTable('inquiries').set(set).where('id', '=', access.inquiryId).execute();
      }
      await recordChange(trx, ctx, access, {
        kind: 'updated',
        changes,
        audit: { action: 'update', details: { fields: Object.keys(changes).join(',') } },
      });
    })
    .catch((error: unknown) => {
      if (error === NO_CHANGE) return false;
      throw error;
    });
}

const NO_CHANGE = new Error('no change');

function isOpen(access: InquiryAccess): boolean {
  return access.status === 'received' || access.status === 'triaged';
}

/**
 * Sets the seriousness and, from it, the decision deadline counted from when the inquiry was
 * received (24/48/72 hours by default, in Copenhagen wall-clock time). Reminders start again.
 */
export async function triage(
  ctx: InquiryContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  body: { version: number; seriousness: 'high' | 'medium' | 'low' },
): Promise<void> {
  const allowed = inquiryAbilities(access, settings, null, ctx.user.id).triage;
  if (!allowed) throw new AppError(isOpen(access) ? 'forbidden' : 'inquiry_decided');
  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access.inquiryId, body.version);
    const before = await trx
      .selectFrom('inquiries')
      .select(['received_at', 'seriousness', 'deadline_at', 'status'])
      .where('id', '=', access.inquiryId)
      .executeTakeFirstOrThrow();
    const deadline = deadlineAfter(before.received_at, settings.deadlineHours[body.seriousness]);
    await trx
      .updateTable('inquiries')
      .set({
        seriousness: body.seriousness,
        deadline_at: deadline,
        status: before.status === 'received' ? 'triaged' : before.status,
        reminder_sent_at: null,
        overdue_notified_at: null,
      })
      .where('id', '=', access.inquiryId)
      .execute();
    await recordChange(trx, ctx, access, {
      kind: 'triaged',
      changes: {
        seriousness: { from: before.seriousness, to: body.seriousness },
        deadlineAt: { from: before.deadline_at.toISOString(), to: deadline.toISOString() },
      },
      audit: {
        action: 'update',
        details: { fields: 'seriousness,deadline', seriousness: body.seriousness },
      },
    });
  });
}

/**
 * A forum member's (or the police contact's, or a coordinator's) contribution to the assessment,
 * with the unit it comes from and the legal basis it is shared under (§115 by default).
 */
export async function addContribution(
  ctx: InquiryContext,
  access: InquiryAccess,
  body: { body: string; legalBasis: string; unitId: string | null },
): Promise<void> {
  if (!isOpen(access)) throw new AppError('inquiry_decided');
  if (!access.coordinator && !access.forum) throw new AppError('forbidden');
  if (body.unitId && !ctx.user.unitIds.includes(body.unitId)) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.unitId', code: 'invalid_value' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('inquiry_contributions')
      .values({
        inquiry_id: access.inquiryId,
        author_user_id: ctx.user.id,
        unit_id: body.unitId ?? ctx.user.unitIds[0] ?? null,
        legal_basis: body.legalBasis,
        body: body.body,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('inquiries')
      .set({ version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', access.inquiryId)
      .execute();
    // Sharing what one's unit knows with the forum is a disclosure under a legal basis.
    await recordChange(trx, ctx, access, {
      kind: 'contribution_added',
      changes: { contributionId: row.id, legalBasis: body.legalBasis },
      audit: {
        action: 'disclose',
        legalBasis: body.legalBasis,
        details: { contributionId: row.id },
      },
    });
  });
}
