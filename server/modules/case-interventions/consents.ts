import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import { inCaseTransaction, recordCaseChange, requireOpenCase } from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import {
  consentById,
  insertConsent,
  lockConsent,
  markWithdrawn,
  pauseInterventionsOn,
} from './queries-consents.ts';
import { casePerson } from './queries-writes.ts';
import type { ConsentBody, WithdrawConsentBody } from './schema.ts';
import { scopeProblems, under18 } from './consent-scope.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { fail, type Created } from './shared.ts';

/**
 * Consent records of the persons in a case: recording one and withdrawing it (which pauses the
 * active interventions that rely on it).
 */

/**
 * Records a consent: who consented (the person, or the custody holders who gave it), to what
 * (uses, categories, recipients, purpose), from when to when, and how (consent-scope.ts has the
 * rules). A written consent may be recorded before its form comes back signed
 * (`awaitingSignature`); it covers nothing until then.
 */
export async function recordConsent(
  ctx: RequestContext,
  access: CaseAccess,
  body: ConsentBody,
  now = new Date(),
): Promise<Created> {
  return inCaseTransaction(ctx, access, 'consents', 'write', async (trx, locked) => {
    if (body.id) {
      const existing = await consentById(trx, body.id);
      if (existing) {
        if (existing.case_id !== access.caseId) throw new AppError('duplicate');
        return { id: existing.id, version: 1, created: false };
      }
    }
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    const person = await casePerson(trx, access, body.personId);
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
    if (person) problems.push(...(await scopeProblems(trx, access, body, person)));
    fail(problems);
    if (!person) throw new AppError('validation_failed');
    const written = body.method === 'written';
    const row = await insertConsent(trx, {
      ...(body.id && { id: body.id }),
      case_id: access.caseId,
      person_id: person.id,
      given_by: body.givenBy,
      purpose: body.purpose,
      method: body.method,
      given_on: body.givenOn,
      recorded_by: ctx.user.id,
      custody_holder_ids: body.givenBy === 'guardian' ? body.custodyHolderIds : [],
      uses: body.uses,
      categories: body.categories,
      organisation_ids: body.organisationIds,
      organisation_kinds: body.organisationKinds,
      valid_from: body.validFrom ?? body.givenOn,
      valid_to: body.validTo ?? null,
      witness: written ? null : (body.witness ?? null),
      signed_on: written && !body.awaitingSignature ? body.givenOn : null,
    });
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
        validTo: { from: null, to: body.validTo ?? null },
      },
      details: {
        consentId: row.id,
        personId: person.id,
        givenBy: body.givenBy,
        uses: body.uses.join(','),
        categories: body.categories.join(','),
        organisations: body.organisationIds.length,
      },
    });
    return { id: row.id, version: 1, created: true };
  });
}

/**
 * Withdraws a consent, with immediate effect: from the withdrawal day it covers nothing
 * (consent-cover.ts). Active interventions that rely on it are paused in the same transaction
 * (they can resume only with a new consent), and the case's coordinators (but the one who
 * withdrew it) are notified. Allowed also in a closed case: a withdrawal is a fact to record
 * whatever the case's status. A second withdrawal is refused.
 */
export async function withdrawConsent(
  ctx: RequestContext,
  access: CaseAccess,
  consentId: string,
  body: z.infer<typeof WithdrawConsentBody>,
  now = new Date(),
): Promise<{ id: string; pausedInterventionIds: string[] }> {
  return inCaseTransaction(ctx, access, 'consents', 'write', async (trx) => {
    const consent = await lockConsent(trx, access, consentId);
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
    await markWithdrawn(trx, access, consent.id, body.withdrawnOn);
    await notifyCaseCoordinators(
      trx,
      access,
      'consent_withdrawn',
      { consentId: consent.id },
      ctx.user.id,
    );
    const paused = await pauseInterventionsOn(trx, access, consent.id);
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
