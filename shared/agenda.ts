import { z } from 'zod';

/**
 * The value lists of a meeting's agenda (issue 14 parts 3, 5–7), shared by server and web: the
 * kinds of agenda item (db/migrations/0044 `meeting_agenda_items.kind`), where an item came
 * from, and the playbook's agenda templates.
 */
export const AgendaItemKindSchema = z.enum([
  'inquiry',
  'follow_up',
  'plan_approval',
  're_review',
  'on_hold',
  'case',
  'numbers',
  'topic',
]);
export type AgendaItemKind = z.infer<typeof AgendaItemKindSchema>;
export const AGENDA_ITEM_KINDS = AgendaItemKindSchema.options;

/** The kinds that are about a case (`case_id` set). */
export const CASE_ITEM_KINDS = [
  'follow_up',
  'plan_approval',
  're_review',
  'on_hold',
  'case',
] as const;
export type CaseItemKind = (typeof CASE_ITEM_KINDS)[number];

/** The kinds the agenda builder proposes (the chair adds `case` and `topic` items). */
export const ProposalKindSchema = z.enum([
  'inquiry',
  'follow_up',
  'plan_approval',
  're_review',
  'on_hold',
  'numbers',
]);
export type ProposalKind = z.infer<typeof ProposalKindSchema>;

export const AgendaItemSourceSchema = z.enum(['proposed', 'added', 'template']);
export type AgendaItemSource = z.infer<typeof AgendaItemSourceSchema>;

/**
 * The playbook's agenda templates (drejebog, tool 1): the three meetings of a vulnerable housing
 * area's team and the Infohus Kommune meeting. Their topics are in the server's locale files.
 */
export const AgendaTemplateSchema = z.enum([
  'area_meeting',
  'interdisciplinary',
  'knowledge_sharing',
  'infohus_kommune',
]);
export type AgendaTemplate = z.infer<typeof AgendaTemplateSchema>;
export const AGENDA_TEMPLATES = AgendaTemplateSchema.options;

/**
 * What the meeting's forum may hold: the Infohus network themes and anonymous figures only; the
 * steering group aggregates, plan approvals (reference and status) and topics; every other forum
 * any kind.
 */
export function kindsAllowedIn(forumKind: string): readonly AgendaItemKind[] {
  if (forumKind === 'infohus_network') return ['topic', 'numbers'];
  if (forumKind === 'steering_group') return ['plan_approval', 'numbers', 'topic'];
  return AGENDA_ITEM_KINDS;
}

/** Forums whose topics must not name a citizen or a record (checked with personalReferenceIn). */
export function topicsMustBeAnonymous(forumKind: string): boolean {
  return forumKind === 'infohus_network' || forumKind === 'steering_group';
}
