import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { CONCERN_WORDS } from '../interventions/schema.ts';
import type { Changes } from './chronology.ts';
import { concernEntryNames, entryName } from './queries-entry-names.ts';

/**
 * The catalogue entry an event of the chronology names (docs/SECURITY.md, "Catalogue entries that
 * name the concern"). An event about an intervention (`case_events.intervention_id`) stores no
 * name: the entry's name is read with the event, so an entry that reveals the concern is named
 * only to readers with the case's compartment, also when it was marked after the event. Events
 * written before stored the name in `changes.intervention`; the same rule applies to that name
 * when it is the name of such an entry of the municipality or holds a word of the concern.
 *
 * Shown, the name is `changes.intervention.to`, or for an entry that reveals the concern null
 * there (the reader shows a neutral name) and the name in `concernChanges`, which only readers
 * with the compartment get.
 */

/** The entry's name as a query reads it, for this reader (SQL in queries-entry-names.ts). */
export { entryName };

/** An event row with its entry, as read with entryName(…) and `it.reveals_concern`. */
export interface EventEntryRow {
  changes: Changes;
  intervention_id: string | null;
  entry_name: string | null;
  entry_reveals_concern: boolean | null;
}

const storedName = (row: EventEntryRow) => {
  const to = row.changes.intervention?.to;
  return row.intervention_id === null && typeof to === 'string' ? to : null;
};

/**
 * The names of the municipality's entries that reveal the concern, for events that stored a name
 * (none read when no such event is among the rows).
 */
export async function storedConcernNames(
  db: Kysely<DB>,
  municipalityCode: string,
  rows: EventEntryRow[],
): Promise<ReadonlySet<string>> {
  if (!rows.some((r) => storedName(r) !== null)) return new Set();
  const entries = await concernEntryNames(db, municipalityCode);
  return new Set(entries.map((e) => e.name));
}

/** An event's changes as this reader may see them, and the compartment's part of them. */
export function presentChanges(
  row: EventEntryRow,
  compartment: boolean,
  concernNames: ReadonlySet<string>,
): { changes: Changes; concernChanges: Changes | null } {
  const { intervention: _stored, ...rest } = row.changes;
  let name: string | null;
  let revealsConcern: boolean;
  const stored = storedName(row);
  if (row.intervention_id !== null && row.entry_reveals_concern !== null) {
    name = row.entry_name;
    revealsConcern = row.entry_reveals_concern;
  } else if (stored !== null) {
    name = stored;
    revealsConcern = concernNames.has(stored) || CONCERN_WORDS.test(stored);
  } else {
    return { changes: row.changes, concernChanges: null };
  }
  if (!revealsConcern) {
    return { changes: { intervention: { from: null, to: name }, ...rest }, concernChanges: null };
  }
  return {
    changes: { intervention: { from: null, to: null }, ...rest },
    concernChanges:
      compartment && name !== null ? { intervention: { from: null, to: name } } : null,
  };
}
