import type { Kysely } from 'kysely';
import { allows } from '../../access/policies.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import * as queries from './queries.ts';

/**
 * What the implementation follow-up asks of the coordinators (`implementation.edit`) on "Mine
 * opgaver": each item whose review date has come (not for items not relevant), and the whole
 * checklist when the latest review's next date has come. Keys and dates only.
 */
export async function implementationReviewsDue(
  db: Kysely<DB>,
  user: CurrentUser,
  today: string,
): Promise<{
  items: { key: string; dueOn: string }[];
  checklist: { id: string; dueOn: string } | null;
}> {
  if (!user.municipalityCode || !allows(user, 'implementation.edit')) {
    return { items: [], checklist: null };
  }
  const [items, latest] = await Promise.all([
    queries.itemsDueForReview(db, user.municipalityCode, today),
    queries.latestReview(db, user.municipalityCode),
  ]);
  return {
    items: items.flatMap((i) =>
      i.next_review_on ? [{ key: i.item_key, dueOn: i.next_review_on }] : [],
    ),
    checklist:
      latest && latest.next_review_on <= today
        ? { id: latest.id, dueOn: latest.next_review_on }
        : null,
  };
}
