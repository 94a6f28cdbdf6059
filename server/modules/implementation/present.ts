import type { CurrentUser } from '../../access/sessions.ts';
import { allows } from '../../access/policies.ts';
import { AppError } from '../../platform/errors.ts';
import {
  IMPLEMENTATION_ITEMS,
  ItemStatusSchema,
  type ImplementationItemDefinition,
} from '../../../shared/implementation.ts';
import type { ItemRow, ReviewRow } from './queries.ts';
import type { ImplementationItem, ItemValues, Review } from './schema.ts';

/**
 * From rows to what the client gets: the items in the code's order (an item without a row is
 * "not started", version 0), the reviews, and the caller's abilities (one place: the policies).
 */
export function implementationAbilities(user: CurrentUser) {
  return { read: allows(user, 'implementation.read'), edit: allows(user, 'implementation.edit') };
}

/** The caller's municipality; a user without one (police, partners) has no checklist: 404. */
export function ownMunicipality(user: CurrentUser): string {
  if (!user.municipalityCode) throw new AppError('not_found');
  return user.municipalityCode;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toItem(
  definition: ImplementationItemDefinition,
  row: ItemRow | undefined,
  today: string,
): ImplementationItem {
  const base = { key: definition.key, part: definition.part, leadership: definition.leadership };
  if (!row) {
    return {
      ...base,
      status: 'not_started',
      notRelevantReason: null,
      responsibleUser: null,
      responsibleText: null,
      evidence: null,
      nextReviewOn: null,
      reviewDue: false,
      updatedAt: null,
      updatedBy: null,
      version: 0,
    };
  }
  const status = ItemStatusSchema.parse(row.status);
  return {
    ...base,
    status,
    notRelevantReason: row.not_relevant_reason,
    responsibleUser:
      row.responsible_user_id && row.responsible_name
        ? { id: row.responsible_user_id, name: row.responsible_name }
        : null,
    responsibleText: row.responsible_text,
    evidence: row.evidence,
    nextReviewOn: row.next_review_on,
    reviewDue:
      status !== 'not_relevant' && row.next_review_on !== null && row.next_review_on <= today,
    updatedAt: iso(row.updated_at),
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    version: row.version,
  };
}

export function toItems(rows: ItemRow[], today: string): ImplementationItem[] {
  const byKey = new Map(rows.map((r) => [r.item_key, r]));
  return IMPLEMENTATION_ITEMS.map((d) => toItem(d, byKey.get(d.key), today));
}

export function definitionOf(key: string): ImplementationItemDefinition {
  const definition = IMPLEMENTATION_ITEMS.find((d) => d.key === key);
  if (!definition) throw new AppError('not_found');
  return definition;
}

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    reviewedOn: row.reviewed_on,
    reviewedBy: { id: row.reviewed_by, name: row.display_name },
    conclusion: row.conclusion,
    nextReviewOn: row.next_review_on,
    createdAt: iso(row.created_at),
  };
}

/** An item's values as a history entry keeps them. */
export function valuesOf(item: ImplementationItem): ItemValues {
  return {
    status: item.status,
    notRelevantReason: item.notRelevantReason,
    responsibleUser: item.responsibleUser,
    responsibleText: item.responsibleText,
    evidence: item.evidence,
    nextReviewOn: item.nextReviewOn,
  };
}

/** The names of the fields whose values differ (all of `b`'s when there is no `a`). */
export function changedFields<T extends object>(a: T | null, b: T): string[] {
  return (Object.keys(b) as (keyof T)[])
    .filter((k) => a === null || JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map(String);
}
