import { describe, expect, it } from 'vitest';
import { compareRelations } from './compare.ts';
import type { RelationView } from './schema.ts';

const rel = (key: string, over: Partial<RelationView> = {}): RelationView => ({
  key,
  sector: 'family',
  label: 'Ældre fætter',
  closeness: 2,
  quality: 'protective',
  note: null,
  personId: null,
  personName: null,
  ...over,
});
const K = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('comparing two versions of the network map', () => {
  it('finds added, removed and unchanged relations by their key', () => {
    const { changes, unchanged } = compareRelations([rel(K(1)), rel(K(2))], [rel(K(2)), rel(K(3))]);
    expect(changes.map((c) => [c.key, c.kind])).toEqual([
      [K(1), 'removed'],
      [K(3), 'added'],
    ]);
    expect(unchanged).toBe(1);
  });

  it('says a relation moved closer or further, and turned from protective to risky', () => {
    const { changes } = compareRelations(
      [rel(K(1), { closeness: 3 }), rel(K(2), { closeness: 1, quality: 'protective' })],
      [rel(K(1), { closeness: 1 }), rel(K(2), { closeness: 2, quality: 'risky' })],
    );
    expect(changes.map((c) => [c.moved, c.qualityChanged])).toEqual([
      ['closer', false],
      ['further', true],
    ]);
    expect(changes[1]?.before?.quality).toBe('protective');
    expect(changes[1]?.after?.quality).toBe('risky');
  });

  it('counts a changed sector, role, note or linked person as a change; an empty note equals none', () => {
    const { changes, unchanged } = compareRelations(
      [rel(K(1)), rel(K(2)), rel(K(3), { note: '' }), rel(K(4))],
      [
        rel(K(1), { sector: 'leisure' }),
        rel(K(2), { label: 'Ven fra klubben', note: 'Ny' }),
        rel(K(3), { note: null }),
        rel(K(4), { personId: K(9) }),
      ],
    );
    expect(unchanged).toBe(1);
    expect(
      changes.map((c) => [c.sectorChanged, c.labelChanged, c.noteChanged, c.personChanged]),
    ).toEqual([
      [true, false, false, false],
      [false, true, true, false],
      [false, false, false, true],
    ]);
  });
});
