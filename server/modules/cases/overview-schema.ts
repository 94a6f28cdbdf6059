import { z } from 'zod';
import {
  CaseRoleSchema,
  CaseStatusSchema,
  ConcernChangeSchema,
  ConcernLevelSchema,
} from '../../../shared/values.ts';
import { cursorParameter } from '../../platform/cursor.ts';
import { QueryFlag } from '../../platform/primitives.ts';

/**
 * The case overview (GET /api/cases and POST /api/cases/search): every case the caller may see,
 * with the columns a coordinator steers by, filters, sorting and keyset pages. A search by name or
 * CPR number goes in a POST body only: personal data never goes in a URL.
 */
export const CaseSortSchema = z.enum(['opened', 'nextFollowUp', 'lastContact', 'reference']);
export type CaseSort = z.infer<typeof CaseSortSchema>;

const YesNo = QueryFlag.transform((v) => v === 'true');

/** A reference, or the start of one (S-2026-00…): letters, digits and dashes only. */
export const ReferencePrefix = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/);

const filters = {
  status: CaseStatusSchema.optional(),
  concernLevel: ConcernLevelSchema.optional(),
  /** Cases with this user among the coordinators (a user of the caller's municipality). */
  coordinatorId: z.uuid().optional(),
  /** Only the cases the caller coordinates ("mine"), or all they may see (the default). */
  mine: YesNo.optional(),
  /** Only cases whose next follow-up is overdue (true) or not (false). */
  overdue: YesNo.optional(),
  sort: CaseSortSchema.default('opened'),
  reference: ReferencePrefix.optional(),
  after: cursorParameter(300),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const CaseListQuery = z.object(filters).strict();

/**
 * The same filters in a body, plus the search text: a reference (prefix), a name (at least two
 * letters; any person of the case) or a CPR number (exact, through its keyed digest).
 */
export const CaseSearchBody = z
  .object({
    ...filters,
    mine: z.boolean().optional(),
    overdue: z.boolean().optional(),
    text: z.string().trim().min(2).max(100),
  })
  .strict();

export type CaseOverviewFilter = {
  status?: z.infer<typeof CaseStatusSchema> | undefined;
  concernLevel?: z.infer<typeof ConcernLevelSchema> | undefined;
  coordinatorId?: string | undefined;
  mine?: boolean | undefined;
  overdue?: boolean | undefined;
  sort: CaseSort;
  reference?: string | undefined;
  after?: string | undefined;
  limit: number;
};

export const CaseListItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: CaseStatusSchema,
  openedAt: z.iso.datetime(),
  myRole: CaseRoleSchema.nullable(),
  breakGlass: z.boolean(),
  /** The citizen the case is about; absent for intervention-scoped members. */
  citizen: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  concernLevel: ConcernLevelSchema.nullable(),
  /**
   * The up/same/down of the latest recorded follow-up against the level before it (null before
   * the first one).
   */
  concernDirection: ConcernChangeSchema.nullable(),
  /** The case's coordinators' names, comma-separated (null when it has none). */
  coordinators: z.string().nullable(),
  /** The earliest scheduled follow-up (YYYY-MM-DD), and whether its date has passed. */
  nextFollowUpOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  openInterventions: z.number().int(),
  /** The latest held follow-up or intervention session (YYYY-MM-DD). */
  lastContactOn: z.iso.date().nullable(),
});

export const CaseListSchema = z.object({
  items: z.array(CaseListItem),
  nextCursor: z.string().nullable(),
});

/** "Tovholder" in the filter bar: the coordinators of the cases the caller may see. */
export const CoordinatorListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
