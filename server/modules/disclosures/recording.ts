import type { Transaction } from 'kysely';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { inCaseTransaction, recordCaseChange } from '../cases/case-work.ts';
import { casePersonIds } from '../cases/queries-chronology.ts';
import { presentDisclosures } from './listing.ts';
import { disclosureHome, registerPage } from './queries.ts';
import { recordDisclosure } from './register-entry.ts';
import { consentProblems } from './consent-basis.ts';
import type { Disclosure, RecordDisclosureBody } from './schema.ts';

/**
 * "Registrér videregivelse": a disclosure made outside the product (a phone call, a letter, a
 * meeting, an e-mail) recorded by hand on the case. Refused on its field with nothing stored: a
 * day in the future, a person who is not on the case (or named twice), the concern itself
 * without the compartment, a disclosure on the consent basis that no valid consent covers
 * (consent-basis.ts); a missing recipient, basis or purpose is refused by the schema. In one
 * transaction with the case locked: the entry, its persons, the chronology event ("Videregivelse
 * registreret"), the audit entries of the recording and of the disclosure. The same id again
 * answers the entry already there (`created: false`); an id used for another case is a 409 (`duplicate`).
 */
export async function recordByHand(
  ctx: RequestContext,
  access: CaseAccess,
  body: RecordDisclosureBody,
  now = new Date(),
): Promise<{ disclosure: Disclosure; created: boolean }> {
  return inCaseTransaction(ctx, access, 'disclosures', 'write', async (trx) => {
    const existing = await disclosureHome(trx, body.id);
    if (existing) {
      if (existing.case_id !== access.caseId) throw new AppError('duplicate');
      return { disclosure: await oneEntry(trx, access, body.id), created: false };
    }
    const problems: FieldProblem[] = [];
    if (body.disclosedOn > danishToday(now)) {
      problems.push({ field: 'body.disclosedOn', code: 'in_future' });
    }
    const onCase = new Set(await casePersonIds(trx, access));
    const seen = new Set<string>();
    body.personIds.forEach((personId, i) => {
      if (seen.has(personId)) problems.push({ field: `body.personIds.${i}`, code: 'duplicate' });
      else if (!onCase.has(personId)) {
        problems.push({ field: `body.personIds.${i}`, code: 'disclosure_person_not_in_case' });
      }
      seen.add(personId);
    });
    if (body.categories.includes('concern') && !access.compartment) {
      problems.push({ field: 'body.categories', code: 'disclosure_concern_compartment' });
    }
    problems.push(...(await consentProblems(trx, access, body)));
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    await recordDisclosure(trx, ctx, {
      id: body.id,
      caseId: access.caseId,
      municipalityCode: access.municipalityCode,
      disclosedOn: body.disclosedOn,
      recipient: {
        organisation: body.recipientOrganisation,
        kind: body.recipientKind,
        person: body.recipientPerson || null,
      },
      categories: body.categories,
      documents: body.documents || null,
      legalBasis: body.legalBasis,
      purpose: body.purpose,
      decidedBy: body.decidedBy,
      channel: body.channel,
      productSource: null,
      personIds: body.personIds,
      unitId: access.unitId,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'disclosure_recorded',
      // Codes only in the chronology's changes: the recipient's kind, the day and the channel.
      changes: {
        recipientKind: { from: null, to: body.recipientKind },
        disclosedOn: { from: null, to: body.disclosedOn },
        channel: { from: null, to: body.channel },
      },
      action: 'create',
      resourceType: 'disclosure',
      resourceId: body.id,
      details: { channel: body.channel, persons: body.personIds.length },
    });
    return { disclosure: await oneEntry(trx, access, body.id), created: true };
  });
}

async function oneEntry(trx: Transaction<DB>, access: CaseAccess, id: string) {
  const rows = await registerPage(trx, access.municipalityCode, { id }, null, 1);
  const [entry] = await presentDisclosures(trx, access.municipalityCode, rows);
  if (!entry) throw new AppError('not_found');
  return entry;
}
