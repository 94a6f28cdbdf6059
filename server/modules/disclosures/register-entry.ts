import type { Transaction } from 'kysely';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { DataCategory } from '../../../shared/sharing.ts';
import type { DisclosureChannel, DisclosureRecipientKind } from '../../../shared/disclosures.ts';
import { insertDisclosure } from './queries.ts';

/** One disclosure as another module (or the form) describes it. */
export interface DisclosureEntry {
  id: string;
  /** The case the information came from; null for an inquiry or a person without a case. */
  caseId: string | null;
  municipalityCode: string;
  disclosedOn: string;
  recipient: { organisation: string; kind: DisclosureRecipientKind; person: string | null };
  categories: DataCategory[];
  documents: string | null;
  /** The law, its section and the basis's name, as text until legal bases are records. */
  legalBasis: string;
  purpose: string;
  decidedBy: string;
  channel: DisclosureChannel;
  /** What the product handed out itself (e.g. 'case_summary_pdf'); null when recorded by hand. */
  productSource: string | null;
  personIds: string[];
  /** The unit the user works for in the case (the audit's unit); else the user's first unit. */
  unitId?: string | null;
}

/**
 * The one way into the disclosure register, for every module: appends the entry and its persons
 * and writes a `disclose` audit entry per person (with the legal basis, so the citizen's access
 * report shows it) in the caller's transaction. The same id again changes nothing (false).
 * The caller has checked that the persons and the case are the caller's to disclose.
 */
export async function recordDisclosure(
  trx: Transaction<DB>,
  ctx: RequestContext,
  entry: DisclosureEntry,
): Promise<boolean> {
  const persons = [...new Set(entry.personIds)];
  const inserted = await insertDisclosure(trx, {
    id: entry.id,
    caseId: entry.caseId,
    municipalityCode: entry.municipalityCode,
    disclosedOn: entry.disclosedOn,
    recipientOrganisation: entry.recipient.organisation,
    recipientKind: entry.recipient.kind,
    recipientPerson: entry.recipient.person,
    categories: [...new Set(entry.categories)],
    documents: entry.documents,
    legalBasis: entry.legalBasis,
    purpose: entry.purpose,
    decidedBy: entry.decidedBy,
    channel: entry.channel,
    productSource: entry.productSource,
    recordedBy: ctx.user.id,
    personIds: persons,
  });
  if (!inserted) return false;
  const place = {
    municipalityCode: entry.municipalityCode,
    unitId: entry.unitId ?? ctx.user.unitIds[0] ?? null,
    breakGlass: false,
  };
  await writeAudit(
    trx,
    ctx.keys.audit,
    persons.map((subjectPersonId) =>
      recordEvent(ctx.user, place, {
        action: 'disclose',
        resourceType: 'disclosure',
        resourceId: entry.id,
        subjectPersonId,
        purpose: PURPOSES.disclosure,
        legalBasis: entry.legalBasis,
        requestId: ctx.requestId,
        details: {
          caseId: entry.caseId,
          recipientKind: entry.recipient.kind,
          categories: [...new Set(entry.categories)].join(','),
          channel: entry.channel,
        },
      }),
    ),
  );
  return true;
}
