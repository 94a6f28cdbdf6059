import type { Transaction } from 'kysely';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import { inquiryIsOpen, requireInquiryAbility } from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import type { CaseAccess } from '../../access/records.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  auditCaseRead,
  inCaseTransaction,
  openedOn,
  recordCaseChange,
  requireOpenCase,
} from '../cases/case-work.ts';
import type { CaseEventKind, Changes } from '../cases/chronology.ts';
import { inquiryEvent, recordChange } from '../inquiries/change.ts';
import { inquiryPersonIds } from '../inquiries/queries.ts';
import type { OwnerKey } from './queries.ts';

/**
 * The record a contact attempt or a meeting with the citizen belongs to — a case or an inquiry
 * being assessed — and its rules, so that the services are written once. Who may do what comes
 * from the access module alone: on a case the part `citizenMeetings` of case-abilities.ts (and
 * the compartment for its compartment fields), on an inquiry inquiry-abilities.ts (everyone who
 * may see an inquiry sees its compartment; those who work on it while it is assessed write).
 */
export interface Owner {
  key: OwnerKey;
  /** The caller may read and write the compartment fields (case: the compartment part). */
  compartment: boolean;
  /** 403 unless the caller may read the contact bar and the meetings. */
  requireRead(): void;
  /** 403 unless the caller may write the compartment (the reflection is the team's with it). */
  requireCompartment(): void;
  /**
   * A change: the caller's right checked, the record locked (a case) or checked to be open (an
   * inquiry), `run` in one transaction. `earliest` is the first day work on it may be dated.
   */
  change<T>(
    ctx: RequestContext,
    run: (trx: Transaction<DB>, earliest: string | null) => Promise<T>,
  ): Promise<T>;
  /** The chronology entry and its audit entries, in the change's transaction. */
  recordChange(trx: Transaction<DB>, ctx: RequestContext, event: OwnerEvent): Promise<void>;
  /** The audit entries of a read, in the read's transaction. */
  auditRead(
    trx: Transaction<DB>,
    ctx: RequestContext,
    what: string,
    details: Record<string, string | number | boolean>,
  ): Promise<void>;
}

export interface OwnerEvent {
  kind: CaseEventKind;
  changes: Changes;
  action: AuditEvent['action'];
  resourceType: 'citizen_contact_attempt' | 'citizen_meeting';
  resourceId: string;
  /** Ids, codes and counts only: never free text about the citizen. */
  details: Record<string, string | number | boolean | null>;
  /** An event about the concern itself (the reflection): only readers with the compartment. */
  compartment?: boolean;
}

export function caseOwner(access: CaseAccess): Owner {
  return {
    key: { kind: 'case', id: access.caseId, municipalityCode: access.municipalityCode },
    compartment: access.compartment,
    requireRead: () => requireCaseAbility(access, 'citizenMeetings', 'read'),
    requireCompartment: () => requireCaseAbility(access, 'compartment', 'write'),
    change: (ctx, run) =>
      inCaseTransaction(ctx, access, 'citizenMeetings', 'write', async (trx, locked) => {
        requireOpenCase(locked);
        return run(trx, openedOn(locked));
      }),
    recordChange: async (trx, ctx, event) => {
      await recordCaseChange(trx, ctx, access, event);
    },
    auditRead: (trx, ctx, what, details) => auditCaseRead(trx, ctx, access, { what, details }),
  };
}

export function inquiryOwner(access: InquiryAccess): Owner {
  const key: OwnerKey = {
    kind: 'inquiry',
    id: access.inquiryId,
    municipalityCode: access.municipalityCode,
  };
  return {
    key,
    compartment: true,
    requireRead: () => requireInquiryAbility(access, 'read'),
    // Everyone who may see an inquiry sees its compartment; writing is `contribute` (change).
    requireCompartment: () => undefined,
    change: (ctx, run) => {
      requireInquiryAbility(access, 'contribute');
      if (!inquiryIsOpen(access.status)) throw new AppError('inquiry_decided');
      return ctx.db.transaction().execute((trx) => run(trx, null));
    },
    recordChange: (trx, ctx, event) =>
      recordChange(trx, ctx, access, {
        kind: event.kind,
        changes: event.changes,
        audit: {
          action: event.action,
          details: {
            change: event.kind,
            resourceType: event.resourceType,
            resourceId: event.resourceId,
            ...event.details,
          },
        },
      }),
    auditRead: async (trx, ctx, what, details) => {
      const persons = await inquiryPersonIds(trx, {
        inquiryId: access.inquiryId,
        municipalityCode: access.municipalityCode,
      });
      // One entry per person the inquiry concerns, so the citizen's access report finds it.
      const subjects = persons.length > 0 ? persons : [undefined];
      await writeAudit(
        trx,
        ctx.keys.audit,
        subjects.map((subject) =>
          inquiryEvent(ctx, access.municipalityCode, {
            action: 'read',
            resourceId: access.inquiryId,
            subjectPersonId: subject,
            details: { part: what, ...details },
          }),
        ),
      );
    },
  };
}
