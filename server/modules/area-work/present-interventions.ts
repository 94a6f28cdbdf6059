import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { encodeCursor } from '../../platform/cursor.ts';
import { connectorsById } from '../area-rounds/queries-connectors.ts';
import type * as q from './queries.ts';
import type { AreaInterventionView } from './schema.ts';

/**
 * How an area intervention is shown (interventions.ts reads and writes them): its fields, the
 * connectors it names with their labels (one query for a whole list, through the rounds
 * module), and a list's page with the next page's cursor.
 */
export const connectorIdsOf = (row: q.InterventionRow) =>
  (row.connector_ids as string[] | null) ?? [];

/** The views of interventions of one municipality, their connectors' labels read in one query. */
export async function views(
  db: Kysely<DB>,
  municipalityCode: string,
  rows: readonly q.InterventionRow[],
  canWrite: (row: q.InterventionRow) => boolean,
): Promise<AreaInterventionView[]> {
  const labels = await connectorsById(db, municipalityCode, rows.flatMap(connectorIdsOf));
  return rows.map((r) => view(r, canWrite(r), labels));
}

export function view(
  row: q.InterventionRow,
  canWrite: boolean,
  labels: ReadonlyMap<string, string>,
): AreaInterventionView {
  const ids = connectorIdsOf(row);
  const open = row.status !== 'ended';
  return {
    id: row.id,
    areaId: row.area_id,
    areaName: row.area_name,
    kind: row.kind,
    title: row.title,
    description: row.description,
    targetGroup: row.target_group,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    plannedParticipants: row.planned_participants,
    actualParticipants: row.actual_participants,
    connectors: ids.flatMap((id) => {
      const label = labels.get(id);
      return label === undefined ? [] : [{ id, label }];
    }),
    status: row.status,
    monitoringUntil: row.monitoring_until,
    nextFollowUpOn: row.next_follow_up_on,
    version: row.version,
    abilities: { edit: canWrite && open, changeStatus: canWrite && open, followUp: canWrite },
  };
}

/** The interventions of one area, with filters. */
/** One page of a list: its views (one query for their connectors), and the next page's cursor. */
export async function pageOf(
  rows: Awaited<ReturnType<typeof q.listInterventions>>,
  limit: number,
  present: (rows: q.InterventionRow[]) => Promise<AreaInterventionView[]>,
) {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: await present(shown),
    nextCursor:
      rows.length > limit && last ? encodeCursor(new Date(last.created_ms), last.id) : null,
  };
}
