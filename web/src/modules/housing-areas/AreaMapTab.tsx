import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PLACE_KINDS, ZONE_KINDS } from '../../../../shared/housing-areas.ts';
import { MutationFailure } from '../../ui/MutationFailure';
import { CompactTable } from '../../ui/Table';
import { AreaEditForm } from './AreaEditForm';
import { AreaPartners } from './AreaPartners';
import { AREAS_KEY, archivePart, type Area } from './areasApi';
import { useFullArea } from './areaContext';
import { AreaMap, type MapFeature } from './map/AreaMap';
import { PartEditForm } from './PartEditForm';
import { PartForm } from './PartForm';
import { focusAfterSave } from '../../ui/form';

type PartKind = (typeof ZONE_KINDS)[number] | (typeof PLACE_KINDS)[number];

/** The area's live zones and places as the map's features. */
function featuresOf(area: Area): MapFeature[] {
  return area.parts
    .filter((p) => p.archivedAt === null)
    .map((p) => ({
      id: p.id,
      name: p.name,
      level: p.level,
      kind: p.kind,
      geometry: p.geometry as Geometry,
    }));
}

/**
 * The area's first tab: its texts, the map with the outline, zones and places (and the
 * accessible list of the same), the parts with their zone and kind, the form that adds a zone or
 * a place (those who edit the area), and the partners (its managers).
 */
export function AreaMapTab() {
  const { t } = useTranslation();
  const area = useFullArea();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const archive = useMutation({
    mutationFn: ({ partId, version }: { partId: string; version: number }) =>
      archivePart(area.id, partId, version),
    onSuccess: (next) => queryClient.setQueryData([AREAS_KEY, 'one', area.id], next),
  });
  const live = area.parts.filter((p) => p.archivedAt === null);
  const editingPart = live.find((p) => p.id === editing);
  const zoneName = new Map(live.filter((p) => p.level === 'zone').map((z) => [z.id, z.name]));
  return (
    <>
      <dl className="areas-facts">
        <dt>{t('housingAreas.fields.description')}</dt>
        <dd>{area.description ?? '–'}</dd>
        <dt>{t('housingAreas.fields.localActors')}</dt>
        <dd>{area.localActors ?? '–'}</dd>
        <dt>{t('housingAreas.fields.cadence')}</dt>
        <dd>{t(`housingAreas.cadence.${area.cadence ?? 'none'}`)}</dd>
        <dt>{t('housingAreas.fields.teamForum')}</dt>
        <dd>{area.teamForum?.name ?? '–'}</dd>
      </dl>
      {area.abilities.edit && <AreaEditForm key={area.version} area={area} />}
      <AreaMap
        label={area.name}
        outline={area.geometry as Geometry | null}
        features={featuresOf(area)}
        selectedId={selected}
        onSelect={setSelected}
      />
      <h2 id="area-parts-heading">{t('housingAreas.parts.title')}</h2>
      <MutationFailure
        mutations={archive}
        errorTitle={t('housingAreas.parts.archiveFailed')}
        onReload={() => queryClient.invalidateQueries({ queryKey: [AREAS_KEY, 'one', area.id] })}
      />
      {live.length === 0 ? (
        <p>{t('housingAreas.parts.none')}</p>
      ) : (
        <CompactTable
          caption={t('housingAreas.parts.title')}
          columns={[
            t('housingAreas.fields.name'),
            t('housingAreas.parts.level'),
            t('housingAreas.parts.kind'),
            t('housingAreas.parts.zone'),
            area.abilities.edit && t('housingAreas.parts.actions'),
          ]}
        >
          {live.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{t(`housingAreas.level.${p.level}`)}</td>
              <td>{t(`housingAreas.kind.${p.kind as PartKind}`)}</td>
              <td>{p.zoneId ? (zoneName.get(p.zoneId) ?? '–') : '–'}</td>
              {area.abilities.edit && (
                <td>
                  <button
                    id={`area-part-edit-${p.id}`}
                    type="button"
                    className="button button-secondary"
                    onClick={() => setEditing(p.id)}
                  >
                    {t('housingAreas.parts.edit', { name: p.name })}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={archive.isPending}
                    onClick={() => archive.mutate({ partId: p.id, version: p.version })}
                  >
                    {t('housingAreas.parts.archive', { name: p.name })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </CompactTable>
      )}
      {area.abilities.edit && editingPart && (
        <PartEditForm
          key={`${editingPart.id}-${editingPart.version}`}
          area={area}
          part={editingPart}
          onDone={(saved) => {
            setEditing(null);
            focusAfterSave(saved ? 'area-parts-heading' : `area-part-edit-${editingPart.id}`);
          }}
        />
      )}
      {area.abilities.edit && <PartForm area={area} />}
      {area.partners !== null && <AreaPartners area={area} />}
    </>
  );
}
