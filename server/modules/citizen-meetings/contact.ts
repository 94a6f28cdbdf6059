import { personalReferenceIn } from '../../../shared/personal-references.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import type { Owner } from './owner.ts';
import { attemptOf, insertAttempt, nameableUsers } from './queries.ts';
import type { RecordContactAttemptBody } from './schema.ts';

/** Empty free text is the same as none. */
export const orNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim();

/**
 * Step 1, "Borgeren kontaktes": one try to reach the citizen on the case's (or the inquiry's)
 * contact bar, with who tried, how, the bridge-builder by role, the outcome and the next try (a
 * task for the one who makes it). In one transaction with the record locked: the try, its
 * chronology entry and the audit entries. The same id again answers the try already there. Bad
 * input (a day in the future or before the record could be worked on, a bridge-builder missing or
 * where none belongs, a next try without a day or a person, someone outside the team named) is a
 * 400 on its field, nothing stored.
 */
export async function recordContactAttempt(
  ctx: RequestContext,
  owner: Owner,
  body: RecordContactAttemptBody,
  now = new Date(),
): Promise<{ created: boolean }> {
  return owner.change(ctx, async (trx, earliest) => {
    if (await attemptOf(trx, owner.key, body.id)) return { created: false };

    const problems: FieldProblem[] = [];
    const today = danishToday(now);
    if (body.attemptedOn > today) problems.push({ field: 'body.attemptedOn', code: 'in_future' });
    else if (earliest && body.attemptedOn < earliest) {
      problems.push({ field: 'body.attemptedOn', code: 'contact_before_case_opened' });
    }
    const bridgeBuilder = orNull(body.bridgeBuilder);
    const viaSomeone = body.channel === 'bridge_builder' || body.channel === 'known_professional';
    if (body.channel === 'bridge_builder' && !bridgeBuilder) {
      problems.push({ field: 'body.bridgeBuilder', code: 'contact_bridge_builder_required' });
    }
    // Described by role, never registered as a person: a CPR number is refused.
    if (bridgeBuilder && personalReferenceIn(bridgeBuilder) === 'cpr') {
      problems.push({ field: 'body.bridgeBuilder', code: 'contact_bridge_builder_cpr' });
    }
    if (!viaSomeone && bridgeBuilder) {
      problems.push({ field: 'body.bridgeBuilder', code: 'contact_bridge_builder_only' });
    }
    if (body.nextOn && !body.nextBy) problems.push({ field: 'body.nextBy', code: 'required' });
    if (body.nextBy && !body.nextOn) problems.push({ field: 'body.nextOn', code: 'required' });
    if (body.nextOn && body.nextOn < body.attemptedOn) {
      problems.push({ field: 'body.nextOn', code: 'contact_next_before_attempt' });
    }
    const triedBy = body.triedBy ?? ctx.user.id;
    const named = await nameableUsers(
      trx,
      owner.key,
      [triedBy, body.nextBy].filter((id): id is string => id !== null),
    );
    if (!named.has(triedBy)) problems.push({ field: 'body.triedBy', code: 'contact_not_in_team' });
    if (body.nextBy && !named.has(body.nextBy)) {
      problems.push({ field: 'body.nextBy', code: 'contact_not_in_team' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const inserted = await insertAttempt(trx, owner.key, {
      id: body.id,
      attemptedOn: body.attemptedOn,
      channel: body.channel,
      triedBy,
      bridgeBuilder,
      outcome: body.outcome,
      note: orNull(body.note),
      nextStep: orNull(body.nextStep),
      nextOn: body.nextOn,
      nextBy: body.nextBy,
      recordedBy: ctx.user.id,
    });
    // The id was taken by a try of another record: the client must choose a new one.
    if (!inserted) {
      throw new AppError('duplicate', { fields: [{ field: 'body.id', code: 'duplicate' }] });
    }
    await owner.recordChange(trx, ctx, {
      kind: 'contact_attempt_recorded',
      changes: {
        contactChannel: { from: null, to: body.channel },
        contactOutcome: { from: null, to: body.outcome },
        attemptedOn: { from: null, to: body.attemptedOn },
      },
      action: 'create',
      resourceType: 'citizen_contact_attempt',
      resourceId: inserted.id,
      // Codes only: the bridge-builder, the note and the next step are free text.
      details: { channel: body.channel, outcome: body.outcome, nextTry: body.nextOn !== null },
    });
    return { created: true };
  });
}
