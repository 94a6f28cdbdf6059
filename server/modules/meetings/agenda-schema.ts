import { z } from 'zod';
import {
  AgendaItemKindSchema,
  AgendaItemSourceSchema,
  AgendaTemplateSchema,
  ProposalKindSchema,
} from '../../../shared/agenda.ts';
import { ConcernLevelSchema, ExtremismFormSchema } from '../../../shared/values.ts';
import { DateOnly, Int4, Version } from '../../platform/primitives.ts';

/**
 * Request and response shapes of a meeting's agenda (issue 14 parts 3, 5–7). Requests are
 * strict; the response schemas are the presenters: a record item carries the record's reference
 * and status, and its classification only for a caller with the compartment.
 */

export const MeetingIdParams = z.object({ id: z.uuid() }).strict();
export const AgendaItemParams = z.object({ id: z.uuid(), itemId: z.uuid() }).strict();

const Title = z.string().trim().min(1).max(300);
const Description = z.string().trim().min(1).max(5000);

/** The record an item is about, as far as the caller may see it. */
export const AgendaRecordSchema = z.object({
  type: z.enum(['case', 'inquiry']),
  id: z.uuid(),
  reference: z.string(),
  /** The case's or inquiry's status (null in the steering group: reference and plan status only). */
  status: z.string().nullable(),
  /** The latest plan's status (plan approvals). */
  planStatus: z.string().nullable(),
  /** Only with the compartment (the case's coordinators and forum members); else null. */
  concernLevel: ConcernLevelSchema.nullable(),
  extremismForm: ExtremismFormSchema.nullable(),
});

export const AgendaItemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: AgendaItemKindSchema,
  source: AgendaItemSourceSchema,
  title: z.string().nullable(),
  description: z.string().nullable(),
  dueOn: z.string().nullable(),
  version: z.number().int(),
  record: AgendaRecordSchema.nullable(),
});

export const AgendaSchema = z.object({
  meetingId: z.uuid(),
  /** The meeting's version: every change of the agenda is based on it and moves it on. */
  meetingVersion: z.number().int(),
  forumKind: z.string(),
  meetingType: z.string(),
  status: z.string(),
  /** The caller may change the agenda (its chair or a forum manager). */
  mayEdit: z.boolean(),
  /** The caller may see the numbers item's counts (not a guest, who sees one item only). */
  mayReadNumbers: z.boolean(),
  /** The kinds of item this meeting may hold. */
  allowedKinds: z.array(AgendaItemKindSchema),
  items: z.array(AgendaItemSchema),
  /** Items on the agenda the caller may not see ("items you cannot see"), without any detail. */
  hiddenCount: z.number().int(),
});

export const ProposalSchema = z.object({
  kind: ProposalKindSchema,
  record: z
    .object({ type: z.enum(['case', 'inquiry']), id: z.uuid(), reference: z.string() })
    .nullable(),
  /** When the work behind it is due (deadline, follow-up, re-review); null when not dated. */
  dueOn: z.string().nullable(),
  /** Facts about why: the re-review's months, the weeks on hold, the plan's status. */
  months: z.number().int().nullable(),
  weeksOnHold: z.number().int().nullable(),
  planStatus: z.string().nullable(),
  /** The same record and kind is on the agenda already. */
  onAgenda: z.boolean(),
});

export const ProposalListSchema = z.object({
  /** The window the proposals cover: the meeting's day until the next meeting's (exclusive). */
  from: z.string(),
  until: z.string(),
  items: z.array(ProposalSchema),
});

export const AddAgendaItemBody = z
  .object({
    /** Chosen by the client: a repeated request with the same id answers the same agenda. */
    id: z.uuid(),
    meetingVersion: Version,
    kind: AgendaItemKindSchema,
    caseId: z.uuid().optional(),
    inquiryId: z.uuid().optional(),
    title: Title.optional(),
    description: Description.optional(),
    dueOn: DateOnly.optional(),
    /** Taken from the agenda builder's proposals. */
    proposed: z.boolean().optional(),
  })
  .strict();

export const MoveAgendaItemBody = z
  .object({ meetingVersion: Version, position: Int4.min(1).max(1000) })
  .strict();

export const RemoveAgendaItemQuery = z
  .object({ meetingVersion: z.coerce.number().pipe(Version) })
  .strict();

export const ApplyTemplateBody = z
  .object({ meetingVersion: Version, template: AgendaTemplateSchema })
  .strict();

export const NumbersQuery = z
  .object({ from: DateOnly.optional(), until: DateOnly.optional() })
  .strict();

const Cell = z.union([z.number().int(), z.enum(['under_5', 'hidden'])]);
const LevelCells = z.object({ low: Cell, moderate: Cell, high: Cell, unknown: Cell, total: Cell });

export const NumbersSchema = z.object({
  from: z.string(),
  until: z.string(),
  newInquiries: Cell,
  newCasesByForm: z.object({
    militant_islamism: Cell,
    right_wing: Cell,
    left_wing: Cell,
    other: Cell,
    unknown: Cell,
    total: Cell,
  }),
  openCases: z.object({ active: LevelCells, on_hold: LevelCells }),
  closedCases: Cell,
  reReviewsDue: Cell,
  plansAwaitingApproval: Cell,
});

export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export type Agenda = z.infer<typeof AgendaSchema>;
export type Proposal = z.infer<typeof ProposalSchema>;
export type ProposalList = z.infer<typeof ProposalListSchema>;
export type AddAgendaItem = z.infer<typeof AddAgendaItemBody>;
export type Numbers = z.infer<typeof NumbersSchema>;
