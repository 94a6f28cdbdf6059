import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FilingDocumentKind } from '../../../shared/values.ts';
import { hasCaseAbility, type CasePart } from '../../access/case-abilities.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { translate, type Locale } from '../../platform/i18n/index.ts';
import { danishToday } from '../cases/chronology.ts';
import { caseLetterhead } from '../cases/documents.ts';
import { collectCaseSummary } from '../closure/summary.ts';
import { renderCaseSummary } from '../closure/summary-pdf.ts';
import { planPdf } from '../plans/pdf.ts';
import { planPdfHeading } from '../plans/queries.ts';
import { loadPlans, planToPrint, unknownPlanVersion } from '../plans/reading.ts';
import { caseForFiling } from './queries.ts';

/**
 * The registry of documents that can be filed: for each kind, the part of the case whose reading
 * it needs (the same as its PDF route), which version would be filed now, and how it is made as
 * the reader may see it (the compartment rule of its PDF holds unchanged). A document a later
 * issue adds joins with one entry here and its kind in shared/values.ts.
 */
export interface DocumentVersion {
  /** The plan's number; the day (YYYY-MM-DD, Danish time) the case summary is made. */
  version: string;
  date: string;
}

/** A version that can be filed now: the plan's version names its id (the export's `planId`). */
export interface FilableVersion extends DocumentVersion {
  planId: string | null;
}

export interface MadeDocument extends DocumentVersion {
  /** Laid out after the transaction, as the PDF routes do. */
  render: () => Promise<Buffer>;
  /** The file name: the case reference and version only, never a person's data. */
  fileName: string;
}

interface FilingDocument {
  part: CasePart;
  /** The versions that can be filed now: today's summary; every version of the plan, newest first. */
  filable: (db: Kysely<DB>, access: CaseAccess, now: Date) => Promise<FilableVersion[]>;
  /** The version named in a filing, if the case has (or had) it; undefined otherwise. */
  version: (
    db: Kysely<DB>,
    access: CaseAccess,
    version: string,
    now: Date,
  ) => Promise<DocumentVersion | undefined>;
  /**
   * The document as the reader may see it; `planId` names a plan version (the default: the newest
   * approved, else the newest). A plan id the case does not have is a 400 on `query.planId`.
   */
  make: (
    db: Kysely<DB>,
    ctx: RequestContext,
    access: CaseAccess,
    now: Date,
    planId?: string,
  ) => Promise<MadeDocument | undefined>;
}

const DOCUMENTS: Record<FilingDocumentKind, FilingDocument> = {
  'case-summary': {
    part: 'closure',
    filable: (_db, _access, now) => {
      const today = danishToday(now);
      return Promise.resolve([{ version: today, date: today, planId: null }]);
    },
    // A summary made on a day the case was open (or since), up to today.
    version: async (db, access, version, now) => {
      if (!isCalendarDay(version) || version > danishToday(now)) return undefined;
      const theCase = await caseForFiling(db, access);
      if (!theCase || version < danishToday(theCase.opened_at)) return undefined;
      return { version, date: version };
    },
    make: async (db, ctx, access, now) => {
      const summary = await collectCaseSummary(db, access);
      if (!summary) return undefined;
      const letterhead = await caseLetterhead(db, access);
      const today = danishToday(now);
      return {
        version: today,
        date: today,
        fileName: `sagsresume-${summary.reference}-${today}.pdf`,
        render: () =>
          renderCaseSummary(summary, {
            locale: ctx.language,
            printedBy: ctx.user.displayName,
            now,
            letterhead,
          }),
      };
    },
  },
  plan: {
    part: 'plan',
    filable: async (db, access) =>
      (await loadPlans(db, access)).map((plan) => ({ ...planVersion(plan), planId: plan.id })),
    version: async (db, access, version) => {
      const plan = (await loadPlans(db, access)).find((p) => String(p.number) === version);
      return plan ? planVersion(plan) : undefined;
    },
    make: async (db, ctx, access, now, planId) => {
      const plan = await planToPrint(db, access, planId);
      if (!plan && planId) throw unknownPlanVersion();
      if (!plan) return undefined;
      const { reference, citizens } = await planPdfHeading(db, access);
      const letterhead = await caseLetterhead(db, access);
      return {
        ...planVersion(plan),
        fileName: `handleplan-${reference}-v${plan.number}.pdf`,
        render: () => planPdf({ locale: ctx.language, reference, citizens, plan, now, letterhead }),
      };
    },
  },
};

function planVersion(plan: {
  number: number;
  decidedAt: string | null;
  updatedAt: string;
}): DocumentVersion {
  return {
    version: String(plan.number),
    date: danishToday(new Date(plan.decidedAt ?? plan.updatedAt)),
  };
}

/** YYYY-MM-DD and a day of the calendar. */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

export function filingDocument(kind: FilingDocumentKind): FilingDocument {
  return DOCUMENTS[kind];
}

/**
 * The document, if the caller may read it (its PDF route's rule); otherwise 404, as a document
 * that does not exist: a member who may not read it (a mentor) learns nothing from the export.
 */
export function readableDocument(access: CaseAccess, kind: FilingDocumentKind): FilingDocument {
  const document = DOCUMENTS[kind];
  if (!hasCaseAbility(access, document.part, 'read')) throw new AppError('not_found');
  return document;
}

export const FILABLE_KINDS = Object.keys(DOCUMENTS) as FilingDocumentKind[];

/** The document's title in the reader's language ("Sagsresumé", "Handleplan, version 3"). */
export function documentTitle(locale: Locale, kind: FilingDocumentKind, version: string): string {
  return translate(locale, `filing.documents.${kind}`, { version });
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
