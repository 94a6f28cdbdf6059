import { z } from 'zod';
import type { NetworkMapRow } from './queries.ts';
import { RelationBody, type NetworkMap, type Relation, type RelationView } from './schema.ts';

/**
 * The map's stored relations (a JSON list in network_map_versions.relations) and the version as
 * read: the linked person's name comes from the case's persons at the time of the read, so a
 * person no longer on the case is shown by role alone.
 */

const StoredRelations = z.array(RelationBody);

/** The stored list, parsed with the request's own rules (a corrupt row fails loudly). */
export function storedRelations(value: unknown): Relation[] {
  const raw: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return StoredRelations.parse(raw);
}

export function relationView(relation: Relation, persons: Map<string, string>): RelationView {
  return {
    ...relation,
    personName: relation.personId === null ? null : (persons.get(relation.personId) ?? null),
  };
}

export function toNetworkMap(row: NetworkMapRow, persons: Map<string, string>): NetworkMap {
  return {
    id: row.id,
    number: row.number,
    status: row.status === 'final' ? 'final' : 'draft',
    basedOnId: row.based_on_id,
    drawnOn: row.drawn_on,
    occasion: row.occasion,
    relations: storedRelations(row.relations).map((r) => relationView(r, persons)),
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finalisedBy:
      row.finalised_by === null
        ? null
        : { id: row.finalised_by, name: row.finalised_by_name ?? '' },
    finalisedAt: row.finalised_at === null ? null : row.finalised_at.toISOString(),
    version: row.version,
  };
}
