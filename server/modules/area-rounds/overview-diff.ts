import type { OverviewEntry, OverviewItem } from './schema.ts';

/**
 * The area overview's pure rules (no database): an item's stable key, a closed round's
 * contributions merged into the items the team systematises, and what changed since the last
 * round's overview — items new, gone, changed or the same, matched by key or by the team's
 * explicit "same as" link.
 */

/** A label as the key reads it: lower case, single spaces, no punctuation at the ends. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!?-]+|[\s.,;:!?-]+$/g, '');
}

/** The stable key: category, level (the part, or the area) and the normalised label. */
export function itemKey(item: { category: string; partId: string | null; label: string }): string {
  return `${item.category}|${item.partId ?? 'area'}|${normaliseLabel(item.label)}`;
}

export interface MergeSource {
  partId: string | null;
  category: OverviewItem['category'];
  stance: OverviewItem['stance'];
  sign: string | null;
  label: string;
  description: string | null;
  howToReach: string | null;
}

const joinDistinct = (values: (string | null)[], separator: string): string | null => {
  const distinct = [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
  return distinct.length === 0 ? null : distinct.join(separator);
};

/**
 * Contributions with the same key become one item: the first one's label, stance and sign, the
 * distinct descriptions and ways to reach joined. Items come in the contributions' order.
 */
export function mergeContributions(contributions: readonly MergeSource[]): OverviewItem[] {
  const groups = new Map<string, MergeSource[]>();
  for (const c of contributions) {
    const key = itemKey(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()].map(([key, group]) => {
    const first = group[0] as MergeSource;
    return {
      key,
      partId: first.partId,
      category: first.category,
      stance: first.stance,
      sign: first.sign,
      label: first.label,
      description:
        joinDistinct(
          group.map((c) => c.description),
          '\n',
        )?.slice(0, 4000) ?? null,
      howToReach:
        joinDistinct(
          group.map((c) => c.howToReach),
          '; ',
        )?.slice(0, 500) ?? null,
      sameAs: null,
    };
  });
}

const same = (a: OverviewItem, b: OverviewItem) =>
  a.label === b.label &&
  a.stance === b.stance &&
  a.sign === b.sign &&
  a.partId === b.partId &&
  a.description === b.description &&
  a.howToReach === b.howToReach;

/**
 * The overview against the previous one: each current item new (no match), changed (a match
 * whose wording, stance, sign or level differs) or the same; then each previous item nobody
 * matched, gone. A match is the previous item whose key is the current item's `sameAs`, else
 * its own key.
 */
export function diffOverviews(
  current: readonly OverviewItem[],
  previous: readonly OverviewItem[],
): OverviewEntry[] {
  const byKey = new Map(previous.map((p) => [p.key, p]));
  const matched = new Set<string>();
  const entries: OverviewEntry[] = current.map((item) => {
    const before = byKey.get(item.sameAs ?? item.key) ?? null;
    if (!before || matched.has(before.key)) return { item, change: 'new', previous: null };
    matched.add(before.key);
    return { item, change: same(item, before) ? 'same' : 'changed', previous: before };
  });
  for (const p of previous) {
    if (!matched.has(p.key)) entries.push({ item: p, change: 'gone', previous: p });
  }
  return entries;
}
