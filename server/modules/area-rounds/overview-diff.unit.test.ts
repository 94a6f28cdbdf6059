import { describe, expect, it } from 'vitest';
import { diffOverviews, itemKey, mergeContributions, normaliseLabel } from './overview-diff.ts';
import type { OverviewItem } from './schema.ts';

const item = (over: Partial<OverviewItem> & { label: string }): OverviewItem => {
  const base = {
    partId: null,
    category: 'place' as const,
    stance: 'challenge' as const,
    sign: null,
    description: null,
    howToReach: null,
    sameAs: null,
    ...over,
  };
  return { key: itemKey(base), ...base };
};

describe('the area overview compared with the last round', () => {
  it('keys ignore case, spacing and end punctuation but not the level or category', () => {
    expect(normaliseLabel('  Kælderen   i blok 4. ')).toBe('kælderen i blok 4');
    const a = itemKey({ category: 'place', partId: null, label: 'Kælderen i blok 4' });
    expect(itemKey({ category: 'place', partId: null, label: 'kælderen  i blok 4!' })).toBe(a);
    expect(itemKey({ category: 'other', partId: null, label: 'Kælderen i blok 4' })).not.toBe(a);
  });

  it('marks items new, gone, changed and the same', () => {
    const before = [
      item({ label: 'Kælderen i blok 4' }),
      item({ label: 'Bænken ved kiosken', description: 'Unge samles om aftenen' }),
      item({ label: 'Lektiecaféen', stance: 'resource', category: 'association' }),
    ];
    const now = [
      item({ label: 'Kælderen i blok 4' }),
      item({ label: 'Bænken ved kiosken', description: 'Færre unge end sidst' }),
      item({ label: 'Bokseklubbens træner', category: 'positive_connector', stance: 'resource' }),
    ];
    const diff = diffOverviews(now, before);
    expect(diff.map((e) => [e.item.label, e.change])).toEqual([
      ['Kælderen i blok 4', 'same'],
      ['Bænken ved kiosken', 'changed'],
      ['Bokseklubbens træner', 'new'],
      ['Lektiecaféen', 'gone'],
    ]);
    expect(diff[1]?.previous?.description).toBe('Unge samles om aftenen');
  });

  it("follows the team's explicit same-as link across a renamed item", () => {
    const before = [item({ label: 'Kælderen' })];
    const renamed = item({ label: 'Kælderklubben i blok 4', sameAs: before[0]?.key ?? null });
    expect(diffOverviews([renamed], before).map((e) => e.change)).toEqual(['changed']);
  });

  it('with no previous overview everything is new', () => {
    expect(diffOverviews([item({ label: 'A' })], []).map((e) => e.change)).toEqual(['new']);
  });

  it('merges contributions with one key into one item', () => {
    const merged = mergeContributions([
      { ...item({ label: 'Kælderen', description: 'Om aftenen' }) },
      { ...item({ label: 'kælderen', description: 'I weekenden' }) },
      { ...item({ label: 'Kiosken' }) },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]?.description).toBe('Om aftenen\nI weekenden');
  });
});
