import type { Transaction } from 'kysely';
import { PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { claimVersion, inquiryEvent } from './change.ts';
import { deadlineAfter, localTime } from './deadline.ts';
import { insertHistory, insertSigns, nextReference, updateInquiryRow } from './queries.ts';
import type { InquiryKey } from './queries-detail.ts';
import { registeredFacts, type RegisteredFacts } from './queries-forwarding.ts';
import { insertInquiry, insertInquiryPersons } from './queries-intake.ts';
import { getSettings } from './settings.ts';

/**
 * The inquiries module's part of forwarding an inquiry to another municipality (the transfers
 * module runs it, docs/TRANSFERS.md): read what was registered, register the copy in the
 * receiving municipality's inbox, and close the sender's inquiry as forwarded. Each runs in the
 * caller's transaction, with the chronology entry and the audit event of its own municipality.
 */

/** What was registered, for the copy; 404 when the inquiry is gone. */
export async function factsToForward(
  trx: Transaction<DB>,
  key: InquiryKey,
): Promise<RegisteredFacts> {
  const facts = await registeredFacts(trx, key);
  if (!facts) throw new AppError('not_found');
  return facts;
}

/**
 * The copy in the receiving municipality: a new inquiry (its own reference, received now, the
 * receiving municipality's shortest deadline) with the source, channel, reporter, observation,
 * signs and the persons already registered there by the caller (`personIds`), and the
 * chronology entry "Videresendt fra <kommune>". Returns its id and reference.
 */
export async function receiveForwardedInquiry(
  trx: Transaction<DB>,
  ctx: RequestContext,
  input: {
    to: string;
    from: string;
    facts: RegisteredFacts;
    personIds: string[];
    now: Date;
  },
): Promise<{ id: string; reference: string }> {
  const { facts, now, to } = input;
  const settings = await getSettings(trx, to);
  const shortest = Math.min(...Object.values(settings.deadlineHours));
  const reference = await nextReference(trx, to, 'H', localTime(now).year);
  const row = await insertInquiry(trx, {
    municipality_code: to,
    reference,
    source: facts.source,
    source_other: facts.source_other,
    channel: facts.channel,
    reporter_anonymous: facts.reporter_anonymous,
    reporter_name: facts.reporter_name,
    reporter_contact: facts.reporter_contact,
    received_at: facts.received_at,
    created_at: now,
    observation: facts.observation,
    subject_kind: facts.subject_kind,
    group_description: facts.group_description,
    immediate_danger: facts.immediate_danger,
    urgent: facts.urgent,
    // The receiving municipality's clock starts when the inquiry arrives there.
    deadline_at: deadlineAfter(now, shortest),
    recorded_unit_id: null,
    created_by: ctx.user.id,
  });
  if (!row) throw new AppError('conflict');
  await insertInquiryPersons(trx, row.id, input.personIds);
  await insertSigns(
    trx,
    row.id,
    facts.signs.map((s) => ({ code: s.sign_code, note: s.note })),
  );
  await insertHistory(trx, row.id, ctx.user.id, 'forwarded_in', {
    fromMunicipality: { from: null, to: input.from },
    reference,
  });
  const subjects = input.personIds.length > 0 ? input.personIds : [null];
  await writeAudit(
    trx,
    ctx.keys.audit,
    subjects.map((subject) =>
      inquiryEvent(ctx, to, {
        action: 'create',
        resourceId: row.id,
        subjectPersonId: subject,
        purpose: PURPOSES.inquiryIntake,
        details: { forwardedFrom: input.from },
      }),
    ),
  );
  return { id: row.id, reference };
}

/**
 * The sender's inquiry closed as forwarded (optimistic locking on the version the caller saw),
 * with the chronology entry naming the receiving municipality and the audit event.
 */
export async function closeAsForwarded(
  trx: Transaction<DB>,
  ctx: RequestContext,
  key: InquiryKey,
  input: { version: number; to: string; personIds: string[] },
): Promise<void> {
  await claimVersion(trx, key, input.version);
  await updateInquiryRow(trx, key, { status: 'forwarded' });
  await insertHistory(trx, key.inquiryId, ctx.user.id, 'forwarded', {
    toMunicipality: { from: null, to: input.to },
  });
  const subjects = input.personIds.length > 0 ? input.personIds : [null];
  await writeAudit(
    trx,
    ctx.keys.audit,
    subjects.map((subject) =>
      inquiryEvent(ctx, key.municipalityCode, {
        action: 'update',
        resourceId: key.inquiryId,
        subjectPersonId: subject,
        details: { forwardedTo: input.to },
      }),
    ),
  );
}
