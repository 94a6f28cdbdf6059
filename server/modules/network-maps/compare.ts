import type { RelationChange, RelationView } from './schema.ts';

/**
 * What changed in the citizen's network between two versions of the map ("what changed since
 * the spring"): relations matched by their key, which a new version keeps from the one it was
 * copied from. Added, removed, and changed (moved closer or further, protective turned risky, the
 * sector, role, note or linked person changed). Pure: the server computes it, the web shows it.
 */
export function compareRelations(
  before: readonly RelationView[],
  after: readonly RelationView[],
): { changes: RelationChange[]; unchanged: number } {
  const earlier = new Map(before.map((r) => [r.key, r]));
  const later = new Map(after.map((r) => [r.key, r]));
  const changes: RelationChange[] = [];
  let unchanged = 0;
  for (const b of before) {
    const a = later.get(b.key);
    if (!a) {
      changes.push(change(b.key, 'removed', b, null));
      continue;
    }
    const c = change(b.key, 'changed', b, a);
    const differs =
      c.moved !== null ||
      c.qualityChanged ||
      c.sectorChanged ||
      c.labelChanged ||
      c.noteChanged ||
      c.personChanged;
    if (differs) changes.push(c);
    else unchanged += 1;
  }
  for (const a of after) {
    if (!earlier.has(a.key)) changes.push(change(a.key, 'added', null, a));
  }
  return { changes, unchanged };
}

function change(
  key: string,
  kind: RelationChange['kind'],
  before: RelationView | null,
  after: RelationView | null,
): RelationChange {
  const both = before !== null && after !== null;
  return {
    key,
    kind,
    before,
    after,
    moved: both ? movement(before.closeness, after.closeness) : null,
    qualityChanged: both && before.quality !== after.quality,
    sectorChanged: both && before.sector !== after.sector,
    labelChanged: both && before.label !== after.label,
    noteChanged: both && (before.note ?? '') !== (after.note ?? ''),
    personChanged: both && before.personId !== after.personId,
  };
}

/** Closeness 1 is close, 3 distant: a lower number is closer. */
function movement(from: number, to: number): RelationChange['moved'] {
  if (to < from) return 'closer';
  if (to > from) return 'further';
  return null;
}
