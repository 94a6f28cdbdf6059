import { requireCaseAbility } from '../../access/case-abilities.ts';
import { notify } from '../notifications/service.ts';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  earlierCreate,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
  type CaseWorkContext,
  type LockedCase,
} from '../cases/case-work.ts';
import { danishToday, type Changes } from '../cases/chronology.ts';
import type {
  AnswerOfferBody,
  ConsentBody,
  CreateInterventionBody,
  InterventionStatus,
  MakeOfferBody,
  OfferBody,
  SessionBody,
  UpdateInterventionBody,
  WithdrawConsentBody,
} from './schema.ts';

/**
 * Interventions in a case, simple consent records and offers of voluntary support. Every change
 * runs with the case row locked, appends its chronology event and audit entries in the same
 * transaction (recordCaseChange), and stores nothing when a rule fails.
 */

/** User roles that may provide an intervention as a user of the system. */
export const PROVIDER_ROLES = ['mentor', 'caseworker', 'coordinator', 'forum_member'] as const;

/** Which status may follow which. */
const TRANSITIONS: Record<InterventionStatus, readonly InterventionStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
  cancelled: [],
};

export interface Created {
  id: string;
  version: number;
  /** False when a create with the same client id had already made the record. */
  created: boolean;
}

function fail(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

/** The day the case opened, in Danish time. */
function openedOn(locked: LockedCase): string {
  return danishToday(locked.openedAt);
}

/** A date (YYYY-MM-DD) plus whole months; the last day of a shorter month when needed. */
export function addMonths(date: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Under 18 on the given day (birth date YYYY-MM-DD). */
function under18(birthDate: string, on: string): boolean {
  const adult = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return on < adult;
}

async function casePerson(trx: Transaction<DB>, caseId: string, personId: string) {
  return trx
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', 'p.id', 'cp.person_id')
    .select(['p.id', 'p.birth_date', 'cp.role'])
    .where('cp.case_id', '=', caseId)
    .where('cp.person_id', '=', personId)
    .executeTakeFirst();
}

/** An active user of the case's municipality with a role that may provide an intervention. */
async function eligibleProvider(trx: Transaction<DB>, access: CaseAccess, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('municipality_code', '=', access.municipalityCode)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles && ${sql.val([...PROVIDER_ROLES])}::text[]`)
    .executeTakeFirst();
}

/**
 * Makes the provider a member of the case who sees only the interventions they provide (unless
 * they already are a member) and tells them about the assignment. Returns the changes for the
 * chronology.
 */
async function assignProvider(
  trx: Transaction<DB>,
  ctx: CaseWorkContext,
  access: CaseAccess,
  provider: { id: string; display_name: string },
  interventionId: string,
): Promise<Changes> {
  const changes: Changes = {};
  const member = await trx
    .selectFrom('case_members')
    .select('user_id')
    .where('case_id', '=', access.caseId)
    .where('user_id', '=', provider.id)
    .executeTakeFirst();
  if (!member) {
    const unit = await trx
      .selectFrom('user_units as uu')
      .innerJoin('units as un', 'un.id', 'uu.unit_id')
      .select('uu.unit_id')
      .where('uu.user_id', '=', provider.id)
      .orderBy('un.name')
      .orderBy('uu.unit_id')
      .executeTakeFirst();
    await trx
      .insertInto('case_members')
      .values({
        case_id: access.caseId,
        user_id: provider.id,
        role: 'member',
        scope: 'intervention',
        unit_id: unit?.unit_id ?? null,
        added_by: ctx.user.id,
      })
      .execute();
    changes.member = { from: null, to: provider.display_name };
    changes.scope = { from: null, to: 'intervention' };
    await writeAudit(
      trx,
      ctx.keys.audit,
      recordEvent(ctx.user, access, {
        action: 'permission_change',
        resourceType: 'case',
        resourceId: access.caseId,
        purpose: PURPOSES.membership,
        requestId: ctx.requestId,
        details: {
          change: 'member_added',
          memberUserId: provider.id,
          role: 'member',
          scope: 'intervention',
          interventionId,
        },
      }),
    );
  }
  if (provider.id !== ctx.user.id) {
    await notify(trx, [
      {
        userId: provider.id,
        kind: 'intervention_assigned',
        caseId: access.caseId,
        details: { interventionId },
      },
    ]);
  }
  return changes;
}

/** A new intervention for a person of the case, status planned. */
export async function createIntervention(
  ctx: CaseWorkContext,
  access: CaseAccess,
  body: z.infer<typeof CreateInterventionBody>,
): Promise<Created> {
  requireCaseAbility(access, 'interventions', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const earlier = await earlierCreate(
      trx,
      'case_interventions',
      body.id,
      access.caseId,
      'duplicate',
    );
    if (earlier) return earlier;
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    const type = await trx
      .selectFrom('intervention_types')
      .select('id')
      .where('id', '=', body.interventionTypeId)
      .where('municipality_code', '=', access.municipalityCode)
      .where('active', '=', true)
      // Outside the compartment an entry that reveals the concern is not one to choose.
      .$if(!access.compartment, (qb) => qb.where('reveals_concern', '=', false))
      .executeTakeFirst();
    if (!type)
      problems.push({ field: 'body.interventionTypeId', code: 'intervention_type_unavailable' });
    const person = await casePerson(trx, access.caseId, body.personId);
    if (!person) problems.push({ field: 'body.personId', code: 'person_not_in_case' });
    let provider: { id: string; display_name: string } | undefined;
    if (body.providerUserId !== undefined && body.providerName !== undefined) {
      problems.push({ field: 'body.providerName', code: 'provider_one_of' });
    } else if (body.providerUserId !== undefined) {
      provider = await eligibleProvider(trx, access, body.providerUserId);
      if (!provider) problems.push({ field: 'body.providerUserId', code: 'provider_not_eligible' });
    }
    if (body.startsOn !== undefined && body.startsOn < openedOn(locked)) {
      problems.push({ field: 'body.startsOn', code: 'before_case_opened' });
    }
    if (body.startsOn !== undefined && body.endsOn !== undefined && body.endsOn < body.startsOn) {
      problems.push({ field: 'body.endsOn', code: 'ends_before_start' });
    }
    fail(problems);
    if (!type || !person) throw new AppError('validation_failed');

    const row = await trx
      .insertInto('case_interventions')
      .values({
        ...(body.id && { id: body.id }),
        case_id: access.caseId,
        intervention_type_id: type.id,
        person_id: person.id,
        provider_user_id: provider?.id ?? null,
        provider_name: body.providerName ?? null,
        purpose: body.purpose ?? null,
        starts_on: body.startsOn ?? null,
        ends_on: body.endsOn ?? null,
        created_by: ctx.user.id,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const memberChanges = provider ? await assignProvider(trx, ctx, access, provider, row.id) : {};
    await recordCaseChange(trx, ctx, access, {
      kind: 'intervention_added',
      action: 'create',
      resourceType: 'case_intervention',
      resourceId: row.id,
      // The entry's name is read when the event is shown: one that reveals the concern is named
      // only to readers with the compartment (docs/SECURITY.md).
      interventionId: row.id,
      changes: {
        personRole: { from: null, to: person.role },
        status: { from: null, to: 'planned' },
        provider: { from: null, to: provider?.display_name ?? body.providerName ?? null },
        ...(body.startsOn !== undefined && { startsOn: { from: null, to: body.startsOn } }),
        ...(body.endsOn !== undefined && { endsOn: { from: null, to: body.endsOn } }),
        ...memberChanges,
      },
      details: {
        interventionId: row.id,
        interventionTypeId: type.id,
        personId: person.id,
        providerUserId: provider?.id ?? null,
      },
    });
    return { id: row.id, version: row.version, created: true };
  });
}

/** A valid consent of the person in the case, given on or before `on` (newest first). */
async function validConsent(trx: Transaction<DB>, caseId: string, personId: string, on: string) {
  return trx
    .selectFrom('case_consents')
    .select(['id', 'given_on'])
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .where('withdrawn_on', 'is', null)
    .where('given_on', '<=', on)
    .orderBy('given_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
}

/**
 * Changes an intervention: its status (planned → active | cancelled, active → paused | ended,
 * paused → active | ended), dates, purpose and provider. Starting needs a start date (not before
 * the case opened) and, for a type that requires consent, a recorded consent of the person that
 * is not withdrawn; ending needs an end date and a reason. Optimistic locking on `version`.
 */
export async function updateIntervention(
  ctx: CaseWorkContext,
  access: CaseAccess,
  interventionId: string,
  body: z.infer<typeof UpdateInterventionBody>,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  requireCaseAbility(access, 'interventions', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const current = await trx
      .selectFrom('case_interventions as i')
      .innerJoin('intervention_types as t', 't.id', 'i.intervention_type_id')
      .leftJoin('users as u', 'u.id', 'i.provider_user_id')
      .select([
        'i.id',
        'i.person_id',
        'i.provider_user_id',
        'i.provider_name',
        'u.display_name as provider_display_name',
        'i.status',
        'i.purpose',
        'i.starts_on',
        'i.ends_on',
        'i.end_reason',
        'i.consent_id',
        'i.version',
        't.consent_required',
      ])
      .where('i.id', '=', interventionId)
      .where('i.case_id', '=', access.caseId)
      .forUpdate(['i'])
      .executeTakeFirst();
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) throw staleVersion(current.version);
    requireOpenCase(locked);

    const from = current.status as InterventionStatus;
    const to = body.status ?? from;
    const problems: FieldProblem[] = [];
    if (
      body.status !== undefined &&
      body.status !== from &&
      !TRANSITIONS[from].includes(body.status) &&
      from !== 'ended' &&
      from !== 'cancelled'
    ) {
      problems.push({ field: 'body.status', code: 'intervention_transition_not_allowed' });
    }
    if (from === 'ended' || from === 'cancelled') {
      problems.push({ field: 'body.status', code: 'intervention_finished' });
    }
    const startsOn = body.startsOn !== undefined ? body.startsOn : current.starts_on;
    const endsOn = body.endsOn !== undefined ? body.endsOn : current.ends_on;
    const ending = to === 'ended' || to === 'cancelled';
    if (body.endReason !== undefined && !ending) {
      problems.push({ field: 'body.endReason', code: 'end_reason_only_when_ending' });
    }
    if (body.startsOn && body.startsOn < openedOn(locked)) {
      problems.push({ field: 'body.startsOn', code: 'before_case_opened' });
    }
    if (to === 'active' && startsOn === null) {
      problems.push({ field: 'body.startsOn', code: 'required' });
    }
    if (startsOn === null && (from === 'active' || from === 'paused')) {
      problems.push({ field: 'body.startsOn', code: 'required' });
    }
    if (to === 'ended') {
      if (endsOn === null) problems.push({ field: 'body.endsOn', code: 'required' });
      if ((body.endReason ?? current.end_reason) === null) {
        problems.push({ field: 'body.endReason', code: 'required' });
      }
    }
    if (startsOn !== null && endsOn !== null && endsOn < startsOn) {
      problems.push({ field: 'body.endsOn', code: 'ends_before_start' });
    }

    // Provider: a user of the municipality or an external name, not both.
    let providerUserId = current.provider_user_id;
    let providerName = current.provider_name;
    let newProvider: { id: string; display_name: string } | undefined;
    if (body.providerUserId !== undefined) providerUserId = body.providerUserId;
    if (body.providerName !== undefined) providerName = body.providerName;
    if (body.providerUserId && body.providerName) {
      problems.push({ field: 'body.providerName', code: 'provider_one_of' });
    } else {
      if (body.providerUserId) providerName = null;
      if (body.providerName) providerUserId = null;
      if (body.providerUserId && body.providerUserId !== current.provider_user_id) {
        newProvider = await eligibleProvider(trx, access, body.providerUserId);
        if (!newProvider) {
          problems.push({ field: 'body.providerUserId', code: 'provider_not_eligible' });
        }
      }
    }
    fail(problems);

    // Starting (or resuming) an intervention that needs consent: a recorded consent of the
    // person, not withdrawn, given on or before the start (when resuming: on or before today).
    let consentId = current.consent_id;
    if (to === 'active' && from !== 'active' && current.consent_required) {
      const on = from === 'paused' ? danishToday(now) : (startsOn ?? '');
      const consent = await validConsent(trx, access.caseId, current.person_id, on);
      if (!consent) fail([{ field: 'body.status', code: 'consent_required' }]);
      consentId = consent?.id ?? null;
    }

    const next = {
      status: to,
      starts_on: startsOn,
      ends_on: endsOn,
      end_reason: body.endReason ?? current.end_reason,
      purpose: body.purpose !== undefined ? body.purpose : current.purpose,
      provider_user_id: providerUserId,
      provider_name: providerName,
      consent_id: consentId,
    };
    const before = {
      status: current.status,
      starts_on: current.starts_on,
      ends_on: current.ends_on,
      end_reason: current.end_reason,
      purpose: current.purpose,
      provider_user_id: current.provider_user_id,
      provider_name: current.provider_name,
      consent_id: current.consent_id,
    };
    const names = {
      status: 'status',
      starts_on: 'startsOn',
      ends_on: 'endsOn',
      end_reason: 'endReason',
      purpose: 'purpose',
      provider_name: 'providerName',
      consent_id: 'consent',
    } as const;
    const changes: Changes = {};
    for (const key of Object.keys(names) as (keyof typeof names)[]) {
      if (before[key] !== next[key]) changes[names[key]] = { from: before[key], to: next[key] };
    }
    if (before.provider_user_id !== next.provider_user_id) {
      changes.provider = {
        from: current.provider_display_name,
        to: newProvider?.display_name ?? null,
      };
    }
    if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };

    const updated = await trx
      .updateTable('case_interventions')
      .set((eb) => ({ ...next, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', current.id)
      .where('version', '=', body.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw staleVersion(current.version);
    const memberChanges = newProvider
      ? await assignProvider(trx, ctx, access, newProvider, current.id)
      : {};
    await recordCaseChange(trx, ctx, access, {
      kind: 'intervention_changed',
      resourceType: 'case_intervention',
      resourceId: current.id,
      changes: { ...changes, ...memberChanges },
      details: {
        interventionId: current.id,
        from: current.status,
        to,
        fields: Object.keys(changes).join(','),
        consentId,
      },
    });
    return { id: current.id, version: updated.version };
  });
}

/**
 * A session note on an intervention that is running (active or paused): by its provider (also
 * with a scope limited to their interventions) or a member with the whole case.
 */
export async function addSession(
  ctx: CaseWorkContext,
  access: CaseAccess,
  interventionId: string,
  body: z.infer<typeof SessionBody>,
  now = new Date(),
): Promise<{ id: string }> {
  requireCaseAbility(access, 'sessions', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const intervention = await trx
      .selectFrom('case_interventions as i')
      .select(['i.id', 'i.status', 'i.provider_user_id'])
      .where('i.id', '=', interventionId)
      .where('i.case_id', '=', access.caseId)
      .executeTakeFirst();
    // A member who sees only their own interventions is told nothing about the others.
    if (
      !intervention ||
      (access.scope !== 'full' && intervention.provider_user_id !== ctx.user.id)
    ) {
      throw new AppError('not_found');
    }
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    if (intervention.status !== 'active' && intervention.status !== 'paused') {
      problems.push({ field: 'intervention.status', code: 'intervention_not_running' });
    }
    if (body.heldOn < openedOn(locked)) {
      problems.push({ field: 'body.heldOn', code: 'before_case_opened' });
    }
    if (body.heldOn > danishToday(now)) problems.push({ field: 'body.heldOn', code: 'in_future' });
    fail(problems);
    const row = await trx
      .insertInto('intervention_sessions')
      .values({
        intervention_id: intervention.id,
        held_on: body.heldOn,
        note: body.note,
        author_user_id: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The note itself stays with the intervention: not in the chronology's changes, not audited.
    await recordCaseChange(trx, ctx, access, {
      kind: 'intervention_session',
      action: 'create',
      resourceType: 'case_intervention',
      resourceId: intervention.id,
      interventionId: intervention.id,
      changes: {
        heldOn: { from: null, to: body.heldOn },
      },
      details: { interventionId: intervention.id, sessionId: row.id },
    });
    return { id: row.id };
  });
}

/** A simple consent record: who consented (the person or the guardian), to what, how and when. */
export async function recordConsent(
  ctx: CaseWorkContext,
  access: CaseAccess,
  body: z.infer<typeof ConsentBody>,
  now = new Date(),
): Promise<Created> {
  requireCaseAbility(access, 'consents', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    if (body.id) {
      const existing = await trx
        .selectFrom('case_consents')
        .select(['id', 'case_id'])
        .where('id', '=', body.id)
        .executeTakeFirst();
      if (existing) {
        if (existing.case_id !== access.caseId) throw new AppError('duplicate');
        return { id: existing.id, version: 1, created: false };
      }
    }
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    const person = await casePerson(trx, access.caseId, body.personId);
    if (!person) problems.push({ field: 'body.personId', code: 'person_not_in_case' });
    if (body.givenOn > danishToday(now))
      problems.push({ field: 'body.givenOn', code: 'in_future' });
    if (
      person?.birth_date &&
      body.givenBy === 'person' &&
      under18(person.birth_date, body.givenOn)
    ) {
      problems.push({ field: 'body.givenBy', code: 'guardian_required' });
    }
    fail(problems);
    if (!person) throw new AppError('validation_failed');
    const row = await trx
      .insertInto('case_consents')
      .values({
        ...(body.id && { id: body.id }),
        case_id: access.caseId,
        person_id: person.id,
        given_by: body.givenBy,
        purpose: body.purpose,
        method: body.method,
        given_on: body.givenOn,
        recorded_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'consent_recorded',
      action: 'create',
      resourceType: 'case_consent',
      resourceId: row.id,
      changes: {
        personRole: { from: null, to: person.role },
        givenBy: { from: null, to: body.givenBy },
        method: { from: null, to: body.method },
        givenOn: { from: null, to: body.givenOn },
      },
      details: { consentId: row.id, personId: person.id, givenBy: body.givenBy },
    });
    return { id: row.id, version: 1, created: true };
  });
}

/**
 * Withdraws a consent. Active interventions that rely on it are paused in the same transaction
 * (they can resume only with a new consent). Allowed also in a closed case: a withdrawal is a
 * fact to record whatever the case's status.
 */
export async function withdrawConsent(
  ctx: CaseWorkContext,
  access: CaseAccess,
  consentId: string,
  body: z.infer<typeof WithdrawConsentBody>,
  now = new Date(),
): Promise<{ id: string; pausedInterventionIds: string[] }> {
  requireCaseAbility(access, 'consents', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    await lockCase(trx, access.caseId);
    const consent = await trx
      .selectFrom('case_consents')
      .select(['id', 'given_on', 'withdrawn_on', 'person_id'])
      .where('id', '=', consentId)
      .where('case_id', '=', access.caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!consent) throw new AppError('not_found');
    const problems: FieldProblem[] = [];
    if (consent.withdrawn_on !== null) {
      problems.push({ field: 'body.withdrawnOn', code: 'consent_already_withdrawn' });
    }
    if (body.withdrawnOn < consent.given_on) {
      problems.push({ field: 'body.withdrawnOn', code: 'before_consent_given' });
    }
    if (body.withdrawnOn > danishToday(now)) {
      problems.push({ field: 'body.withdrawnOn', code: 'in_future' });
    }
    fail(problems);
    await trx
      .updateTable('case_consents')
      .set({ withdrawn_on: body.withdrawnOn })
      .where('id', '=', consent.id)
      .execute();
    const paused = await trx
      .updateTable('case_interventions')
      .set((eb) => ({ status: 'paused', version: eb('version', '+', 1), updated_at: new Date() }))
      .where('case_id', '=', access.caseId)
      .where('consent_id', '=', consent.id)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    await recordCaseChange(trx, ctx, access, {
      kind: 'consent_withdrawn',
      resourceType: 'case_consent',
      resourceId: consent.id,
      changes: { withdrawnOn: { from: null, to: body.withdrawnOn } },
      details: { consentId: consent.id, personId: consent.person_id, paused: paused.length },
    });
    for (const intervention of paused) {
      await recordCaseChange(trx, ctx, access, {
        kind: 'intervention_changed',
        resourceType: 'case_intervention',
        resourceId: intervention.id,
        changes: {
          status: { from: 'active', to: 'paused' },
          reason: { from: null, to: 'consent_withdrawn' },
        },
        details: {
          interventionId: intervention.id,
          from: 'active',
          to: 'paused',
          consentId: consent.id,
        },
      });
    }
    return { id: consent.id, pausedInterventionIds: paused.map((p) => p.id) };
  });
}

/** The first offer of voluntary support (round 1, open until answered). */
export async function makeFirstOffer(
  ctx: CaseWorkContext,
  access: CaseAccess,
  body: z.infer<typeof OfferBody>,
  now = new Date(),
): Promise<Created> {
  requireCaseAbility(access, 'offers', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const earlier = await earlierCreate(trx, 'case_offers', body.id, access.caseId, 'duplicate');
    if (earlier) return earlier;
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    const person = await casePerson(trx, access.caseId, body.personId);
    if (!person) problems.push({ field: 'body.personId', code: 'person_not_in_case' });
    if (body.interventionTypeId !== undefined) {
      const type = await trx
        .selectFrom('intervention_types')
        .select('id')
        .where('id', '=', body.interventionTypeId)
        .where('municipality_code', '=', access.municipalityCode)
        .$if(!access.compartment, (qb) => qb.where('reveals_concern', '=', false))
        .executeTakeFirst();
      if (!type) {
        problems.push({ field: 'body.interventionTypeId', code: 'intervention_type_unavailable' });
      }
    }
    if (body.offeredOn < openedOn(locked)) {
      problems.push({ field: 'body.offeredOn', code: 'before_case_opened' });
    }
    if (body.offeredOn > danishToday(now)) {
      problems.push({ field: 'body.offeredOn', code: 'in_future' });
    }
    fail(problems);
    if (!person) throw new AppError('validation_failed');
    const row = await trx
      .insertInto('case_offers')
      .values({
        ...(body.id && { id: body.id }),
        case_id: access.caseId,
        person_id: person.id,
        kind: body.kind,
        intervention_type_id: body.interventionTypeId ?? null,
        round: 1,
        status: 'open',
        offered_on: body.offeredOn,
        note: body.note ?? null,
        created_by: ctx.user.id,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'offer_made',
      action: 'create',
      resourceType: 'case_offer',
      resourceId: row.id,
      changes: {
        offer: { from: null, to: body.kind },
        personRole: { from: null, to: person.role },
        round: { from: null, to: 1 },
        offeredOn: { from: null, to: body.offeredOn },
      },
      details: { offerId: row.id, personId: person.id, kind: body.kind, round: 1 },
    });
    return { id: row.id, version: row.version, created: true };
  });
}

async function lockOffer(trx: Transaction<DB>, caseId: string, offerId: string, version: number) {
  const offer = await trx
    .selectFrom('case_offers')
    .select([
      'id',
      'person_id',
      'kind',
      'intervention_type_id',
      'round',
      'first_offer_id',
      'status',
      'offered_on',
      'due_on',
      'version',
    ])
    .where('id', '=', offerId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!offer) throw new AppError('not_found');
  if (offer.version !== version) throw staleVersion(offer.version);
  return offer;
}

/**
 * The answer to an open offer. A declined first offer schedules renewed offers 3 and 6 months
 * later; an accepted renewal cancels the later renewals still scheduled.
 */
export async function answerOffer(
  ctx: CaseWorkContext,
  access: CaseAccess,
  offerId: string,
  body: z.infer<typeof AnswerOfferBody>,
  now = new Date(),
): Promise<{
  id: string;
  version: number;
  scheduled: { id: string; round: number; dueOn: string }[];
  cancelledOfferIds: string[];
}> {
  requireCaseAbility(access, 'offers', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const offer = await lockOffer(trx, access.caseId, offerId, body.version);
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    if (offer.status !== 'open') problems.push({ field: 'body.answer', code: 'offer_not_open' });
    if (offer.offered_on !== null && body.answeredOn < offer.offered_on) {
      problems.push({ field: 'body.answeredOn', code: 'before_offer_made' });
    }
    if (body.answeredOn > danishToday(now)) {
      problems.push({ field: 'body.answeredOn', code: 'in_future' });
    }
    fail(problems);
    const updated = await trx
      .updateTable('case_offers')
      .set((eb) => ({
        status: body.answer,
        answered_on: body.answeredOn,
        ...(body.note !== undefined && { note: body.note }),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', offer.id)
      .returning('version')
      .executeTakeFirstOrThrow();

    let scheduled: { id: string; round: number; dueOn: string }[] = [];
    let cancelled: string[] = [];
    if (body.answer === 'declined' && offer.round === 1) {
      const renewals = [2, 3].map((round) => ({
        case_id: access.caseId,
        person_id: offer.person_id,
        kind: offer.kind,
        intervention_type_id: offer.intervention_type_id,
        round,
        first_offer_id: offer.id,
        status: 'scheduled',
        due_on: addMonths(body.answeredOn, round === 2 ? 3 : 6),
        created_by: ctx.user.id,
      }));
      const rows = await trx
        .insertInto('case_offers')
        .values(renewals)
        .returning(['id', 'round', 'due_on'])
        .execute();
      scheduled = rows
        .map((r) => ({ id: r.id, round: r.round, dueOn: r.due_on ?? '' }))
        .sort((a, b) => a.round - b.round);
    }
    if (body.answer === 'accepted' && offer.first_offer_id !== null) {
      const rows = await trx
        .updateTable('case_offers')
        .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
        .where('case_id', '=', access.caseId)
        .where('first_offer_id', '=', offer.first_offer_id)
        .where('round', '>', offer.round)
        .where('status', '=', 'scheduled')
        .returning('id')
        .execute();
      cancelled = rows.map((r) => r.id);
    }
    await recordCaseChange(trx, ctx, access, {
      kind: 'offer_answered',
      resourceType: 'case_offer',
      resourceId: offer.id,
      changes: {
        offer: { from: offer.kind, to: offer.kind },
        round: { from: offer.round, to: offer.round },
        status: { from: 'open', to: body.answer },
        answeredOn: { from: null, to: body.answeredOn },
        ...(scheduled.length > 0 && {
          renewalsScheduled: { from: null, to: scheduled.map((s) => s.dueOn).join(', ') },
        }),
        ...(cancelled.length > 0 && { renewalsCancelled: { from: null, to: cancelled.length } }),
      },
      details: {
        offerId: offer.id,
        round: offer.round,
        answer: body.answer,
        scheduled: scheduled.length,
        cancelled: cancelled.length,
      },
    });
    return { id: offer.id, version: updated.version, scheduled, cancelledOfferIds: cancelled };
  });
}

/** A scheduled renewal is made to the person (it becomes open, waiting for the answer). */
export async function makeRenewal(
  ctx: CaseWorkContext,
  access: CaseAccess,
  offerId: string,
  body: z.infer<typeof MakeOfferBody>,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  requireCaseAbility(access, 'offers', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const offer = await lockOffer(trx, access.caseId, offerId, body.version);
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    if (offer.status !== 'scheduled') {
      problems.push({ field: 'body.offeredOn', code: 'offer_not_scheduled' });
    }
    if (body.offeredOn < openedOn(locked)) {
      problems.push({ field: 'body.offeredOn', code: 'before_case_opened' });
    }
    if (body.offeredOn > danishToday(now)) {
      problems.push({ field: 'body.offeredOn', code: 'in_future' });
    }
    fail(problems);
    const updated = await trx
      .updateTable('case_offers')
      .set((eb) => ({ status: 'open', offered_on: body.offeredOn, version: eb('version', '+', 1) }))
      .where('id', '=', offer.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'offer_made',
      resourceType: 'case_offer',
      resourceId: offer.id,
      changes: {
        offer: { from: null, to: offer.kind },
        round: { from: null, to: offer.round },
        offeredOn: { from: null, to: body.offeredOn },
      },
      details: { offerId: offer.id, kind: offer.kind, round: offer.round },
    });
    return { id: offer.id, version: updated.version };
  });
}
