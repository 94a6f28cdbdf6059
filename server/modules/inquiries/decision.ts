import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { rejectProblems } from '../persons/service.ts';
import { localTime } from './deadline.ts';
import { nextReference } from './queries.ts';
import {
  addHistory,
  claimVersion,
  inquiryEvent,
  recordChange,
  type InquiryContext,
} from './service.ts';
import type { MunicipalitySettings } from './settings.ts';
import type { Decision } from './schema.ts';

/**
 * The decision that ends the initial assessment. One live decision per inquiry: `final`, or
 * `pending` while a second coordinator reviews it (four-eyes, model 3). What each outcome does
 * when it becomes final:
 * - no concern: the inquiry closes; nothing marks the person; the inquiry's persons who are on
 *   no case and no other open inquiry are scheduled for archive-and-delete;
 * - other concern: referred to a named unit, with what is passed on;
 * - radicalisation concern: a case is opened with the classification, the inquiry's persons
 *   and a team (the deciding coordinator, and the handling forum's members in the forum role);
 * - police: the handover is recorded (when, to whom, what the municipality keeps).
 */
const CASE_ROLE: Record<string, string> = {
  parent: 'parent',
  sibling: 'sibling',
  younger_sibling: 'younger_sibling',
  spouse: 'spouse',
};

function checkDecision(body: Decision, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const c = body.classification;
  if (body.outcome === 'other_concern' && !body.referredUnitId) {
    problems.push({ field: 'body.referredUnitId', code: 'required' });
  }
  if (body.outcome === 'police') {
    if (!body.policeHandedAt) problems.push({ field: 'body.policeHandedAt', code: 'required' });
    else if (new Date(body.policeHandedAt) > new Date(now.getTime() + 5 * 60_000)) {
      problems.push({ field: 'body.policeHandedAt', code: 'in_future' });
    }
    if (!body.policeRecipient) problems.push({ field: 'body.policeRecipient', code: 'required' });
  }
  if (body.outcome === 'radicalisation' && !c.extremismForm) {
    problems.push({ field: 'body.classification.extremismForm', code: 'required' });
  }
  if (c.extremismForm === 'other' && !c.extremismFormOther) {
    problems.push({ field: 'body.classification.extremismFormOther', code: 'required' });
  }
  return problems;
}

/** Under 18 or adult on the day of the decision, from the main person's birth date. */
function ageGroup(birthDate: string | null, now: Date): 'under_18' | 'adult' | 'unknown' {
  if (!birthDate) return 'unknown';
  const today = localTime(now);
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const had18th = today.month > m || (today.month === m && today.day >= d);
  const age = today.year - y - (had18th ? 0 : 1);
  return age >= 18 ? 'adult' : 'under_18';
}

export async function decide(
  ctx: InquiryContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  body: Decision,
): Promise<void> {
  if (access.status === 'decided' || access.status === 'awaiting_approval') {
    throw new AppError('inquiry_decided');
  }
  if (!access.coordinator) throw new AppError('forbidden');
  const problems = checkDecision(body, ctx.now);
  if (body.referredUnitId) {
    const unit = await ctx.db
      .selectFrom('units')
      .select('id')
      .where('id', '=', body.referredUnitId)
      .where('municipality_code', '=', access.municipalityCode)
      .executeTakeFirst();
    if (!unit) problems.push({ field: 'body.referredUnitId', code: 'invalid_value' });
  }
  rejectProblems(problems);

  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access.inquiryId, body.version);
    const main = await trx
      .selectFrom('inquiry_persons as ip')
      .innerJoin('persons as p', 'p.id', 'ip.person_id')
      .select('p.birth_date')
      .where('ip.inquiry_id', '=', access.inquiryId)
      .orderBy('ip.position')
      .limit(1)
      .executeTakeFirst();
    const c = body.classification;
    const decision = await trx
      .insertInto('inquiry_decisions')
      .values({
        inquiry_id: access.inquiryId,
        outcome: body.outcome,
        reason: body.reason,
        referred_unit_id: body.outcome === 'other_concern' ? body.referredUnitId : null,
        passed_on: body.outcome === 'other_concern' ? body.passedOn : null,
        police_handed_at: body.outcome === 'police' ? body.policeHandedAt : null,
        police_recipient: body.outcome === 'police' ? body.policeRecipient : null,
        municipality_keeps: body.outcome === 'police' ? body.municipalityKeeps : null,
        extremism_form: c.extremismForm,
        extremism_form_other: c.extremismForm === 'other' ? c.extremismFormOther : null,
        age_group: ageGroup(main?.birth_date ?? null, ctx.now),
        authority_area: c.authorityArea,
        primary_concern: c.primaryConcern,
        subject_kind: c.subjectKind,
        environment: c.environment,
        status: settings.fourEyes ? 'pending' : 'final',
        decided_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addHistory(trx, access.inquiryId, ctx.user.id, 'decided', {
      decisionId: decision.id,
      outcome: body.outcome,
      awaitingApproval: settings.fourEyes,
    });
    if (settings.fourEyes) {
      await trx
        .updateTable('inquiries')
        .set({ status: 'awaiting_approval' })
        .where('id', '=', access.inquiryId)
        .execute();
    } else {
      await makeFinal(trx, ctx, access, settings, decision.id);
    }
    await writeAudit(
      trx,
      ctx.keys.audit,
      inquiryEvent(ctx, access.municipalityCode, {
        action: body.outcome === 'police' ? 'disclose' : 'update',
        resourceId: access.inquiryId,
        details: { decisionId: decision.id, outcome: body.outcome, fourEyes: settings.fourEyes },
      }),
    );
  });
}

/** The second coordinator approves (the decision takes effect) or rejects it (back to work). */
export async function review(
  ctx: InquiryContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  body: { version: number; approve: boolean; comment: string | null },
): Promise<void> {
  if (!access.coordinator) throw new AppError('forbidden');
  if (access.status !== 'awaiting_approval') throw new AppError('nothing_to_review');
  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access.inquiryId, body.version);
    const pending = await trx
      .selectFrom('inquiry_decisions')
      .select(['id', 'decided_by'])
      .where('inquiry_id', '=', access.inquiryId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (!pending) throw new AppError('nothing_to_review');
    if (pending.decided_by === ctx.user.id) throw new AppError('four_eyes_same_person');
    await trx
      .updateTable('inquiry_decisions')
      .set({
        status: body.approve ? 'final' : 'rejected',
        reviewed_by: ctx.user.id,
        reviewed_at: sql<Date>`now()`,
        review_comment: body.comment,
      })
      .where('id', '=', pending.id)
      .execute();
    if (body.approve) {
      await makeFinal(trx, ctx, access, settings, pending.id);
    } else {
      await trx
        .updateTable('inquiries')
        .set({
          status: sql<string>`case when seriousness is null then 'received' else 'triaged' end`,
        })
        .where('id', '=', access.inquiryId)
        .execute();
    }
    await recordChange(trx, ctx, access, {
      kind: body.approve ? 'approved' : 'rejected',
      changes: { decisionId: pending.id, ...(body.comment && { comment: body.comment }) },
      audit: { action: 'update', details: { decisionId: pending.id, approved: body.approve } },
    });
  });
}

/** A decided inquiry is opened again, with a reason; the decision is kept but superseded. */
export async function reopen(
  ctx: InquiryContext,
  access: InquiryAccess,
  body: { version: number; reason: string },
): Promise<void> {
  if (!access.coordinator) throw new AppError('forbidden');
  if (access.status !== 'decided') throw new AppError('inquiry_not_decided');
  await ctx.db.transaction().execute(async (trx) => {
    await claimVersion(trx, access.inquiryId, body.version);
    await trx
      .updateTable('inquiry_decisions')
      .set({ status: 'superseded' })
      .where('inquiry_id', '=', access.inquiryId)
      .where('status', '=', 'final')
      .execute();
    await trx
      .updateTable('inquiries')
      .set({
        status: sql<string>`case when seriousness is null then 'received' else 'triaged' end`,
      })
      .where('id', '=', access.inquiryId)
      .execute();
    // Its persons are no longer waiting to be archived.
    await trx
      .updateTable('persons')
      .set({ archive_after: null })
      .where(
        'id',
        'in',
        trx
          .selectFrom('inquiry_persons')
          .select('person_id')
          .where('inquiry_id', '=', access.inquiryId),
      )
      .execute();
    await recordChange(trx, ctx, access, {
      kind: 'reopened',
      changes: { reason: body.reason },
      audit: { action: 'update', details: { reopened: true } },
    });
  });
}

/** The effects of a decision that is now in force. */
async function makeFinal(
  trx: Transaction<DB>,
  ctx: InquiryContext,
  access: InquiryAccess,
  settings: MunicipalitySettings,
  decisionId: string,
) {
  const d = await trx
    .selectFrom('inquiry_decisions')
    .selectAll()
    .where('id', '=', decisionId)
    .executeTakeFirstOrThrow();
  let caseId: string | null = null;
  if (d.outcome === 'no_concern') {
    await trx
      .updateTable('persons')
      .set({
        archive_after: sql<Date>`now() + make_interval(days => ${settings.noConcernRetentionDays})`,
      })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('inquiry_persons as ip')
          .select('ip.person_id')
          .where('ip.inquiry_id', '=', access.inquiryId)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('case_persons as cp')
                  .select('cp.case_id')
                  .whereRef('cp.person_id', '=', 'ip.person_id'),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                // Another inquiry still needs the person: open, or decided otherwise than
                // "no concern" (a referral or a police handover keeps its record).
                selectFrom('inquiry_persons as other')
                  .innerJoin('inquiries as oi', 'oi.id', 'other.inquiry_id')
                  .select('other.inquiry_id')
                  .whereRef('other.person_id', '=', 'ip.person_id')
                  .where('other.inquiry_id', '!=', access.inquiryId)
                  .where((eb) =>
                    eb.or([
                      eb('oi.status', '!=', 'decided'),
                      eb.exists(
                        eb
                          .selectFrom('inquiry_decisions as od')
                          .select('od.id')
                          .whereRef('od.inquiry_id', '=', 'oi.id')
                          .where('od.status', '=', 'final')
                          .where('od.outcome', '!=', 'no_concern'),
                      ),
                    ]),
                  ),
              ),
            ),
          ),
      )
      .execute();
  }
  if (d.outcome === 'radicalisation') caseId = await openCase(trx, ctx, access, d);
  await trx
    .updateTable('inquiries')
    .set({ status: 'decided', ...(caseId && { case_id: caseId }) })
    .where('id', '=', access.inquiryId)
    .execute();
  if (caseId) {
    await trx
      .updateTable('inquiry_decisions')
      .set({ case_id: caseId })
      .where('id', '=', decisionId)
      .execute();
  }
}

async function openCase(
  trx: Transaction<DB>,
  ctx: InquiryContext,
  access: InquiryAccess,
  d: {
    decided_by: string;
    extremism_form: string | null;
    extremism_form_other: string | null;
    reason: string;
    age_group: string;
    authority_area: string | null;
    primary_concern: boolean | null;
    subject_kind: string;
    environment: string | null;
  },
): Promise<string> {
  const inquiry = await trx
    .selectFrom('inquiries')
    .select(['forum_id', 'observation'])
    .where('id', '=', access.inquiryId)
    .executeTakeFirstOrThrow();
  const reference = await nextReference(trx, access.municipalityCode, 'S', localTime(ctx.now).year);
  const created = await trx
    .insertInto('cases')
    .values({
      municipality_code: access.municipalityCode,
      reference,
      forum_id: inquiry.forum_id,
      extremism_form: d.extremism_form,
      extremism_form_other: d.extremism_form_other,
      concern_summary: d.reason,
      // The rest of the classification travels with the case, editable there with history.
      age_group: d.age_group,
      authority_area: d.authority_area,
      primary_concern: d.primary_concern,
      subject_kind: d.subject_kind,
      environment: d.environment,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const persons = await trx
    .selectFrom('inquiry_persons as ip')
    .select((eb) => [
      'ip.person_id',
      'ip.position',
      eb
        .selectFrom('person_relations as r')
        .innerJoin('inquiry_persons as main', 'main.person_id', 'r.person_id')
        .select('r.relation')
        .whereRef('r.related_person_id', '=', 'ip.person_id')
        .whereRef('main.inquiry_id', '=', 'ip.inquiry_id')
        .where('main.position', '=', 0)
        .limit(1)
        .as('relation'),
    ])
    .where('ip.inquiry_id', '=', access.inquiryId)
    .orderBy('ip.position')
    .execute();
  if (persons.length > 0) {
    await trx
      .insertInto('case_persons')
      .values(
        persons.map((p) => ({
          case_id: created.id,
          person_id: p.person_id,
          role: p.position === 0 ? 'citizen' : (CASE_ROLE[p.relation ?? ''] ?? 'other'),
        })),
      )
      .execute();
  }
  // The team: the deciding coordinator, and the forum that assessed it.
  const decider = d.decided_by;
  await trx
    .insertInto('case_members')
    .values({ case_id: created.id, user_id: decider, role: 'coordinator', added_by: ctx.user.id })
    .execute();
  if (inquiry.forum_id) {
    await trx
      .insertInto('case_members')
      .columns(['case_id', 'user_id', 'role', 'added_by'])
      .expression((eb) =>
        eb
          .selectFrom('forum_members as fm')
          .innerJoin('users as u', 'u.id', 'fm.user_id')
          .select([
            sql<string>`${created.id}::uuid`.as('case_id'),
            'fm.user_id',
            sql<string>`'forum'`.as('role'),
            sql<string>`${ctx.user.id}::uuid`.as('added_by'),
          ])
          .where('fm.forum_id', '=', inquiry.forum_id)
          .where('fm.user_id', '!=', decider)
          .where('u.disabled_at', 'is', null),
      )
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
      .execute();
  }
  await addHistory(trx, access.inquiryId, ctx.user.id, 'case_opened', {
    caseId: created.id,
    reference,
  });
  return created.id;
}
