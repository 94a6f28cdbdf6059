import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { useTranslation } from 'react-i18next';
import { UpdatePartBody } from '../../../../server/modules/housing-areas/schema.ts';
import { PLACE_KINDS, ZONE_KINDS } from '../../../../shared/housing-areas.ts';
import { isStale } from '../../app/api';
import { Form, MutationFailure, Select, TextArea, TextInput, useZodForm } from '../../ui/form';
import { AREAS_KEY, changePart, type Area, type AreaPart } from './areasApi';
import { GeometryInput } from './GeometryInput';

/**
 * Changes a zone or place at the version shown: its name, kind, description, its zone (a place)
 * and its shape — which must still lie inside the area or its zone, and a zone must still hold
 * its places (the server says so on the field).
 */
export function PartEditForm({
  area,
  part,
  onDone,
}: {
  area: Area;
  part: AreaPart;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zones = area.parts.filter(
    (p) => p.level === 'zone' && p.archivedAt === null && p.id !== part.id,
  );
  const form = useZodForm(UpdatePartBody, {
    defaultValues: {
      version: part.version,
      name: part.name,
      kind: part.kind as never,
      description: part.description,
      geometry: part.geometry as never,
      ...(part.level === 'place' && { zoneId: part.zoneId }),
    },
  });
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof changePart>[2]) => changePart(area.id, part.id, body),
    onSuccess: (next) => {
      queryClient.setQueryData([AREAS_KEY, 'one', area.id], next);
      onDone(true);
    },
  });
  return (
    <section aria-labelledby="area-part-edit-heading">
      <h2 id="area-part-edit-heading">{t('housingAreas.parts.editTitle', { name: part.name })}</h2>
      {isStale(mutation.error) && (
        <MutationFailure
          mutations={mutation}
          onReload={() => queryClient.invalidateQueries({ queryKey: [AREAS_KEY, 'one', area.id] })}
        />
      )}
      <Form
        id="area-part-edit"
        form={form}
        onSubmit={(body) => mutation.mutateAsync({ ...body, version: part.version })}
        error={isStale(mutation.error) ? null : mutation.error}
        errorTitle={t('housingAreas.parts.editFailed')}
      >
        <TextInput name="name" label={t('housingAreas.fields.name')} widthClass="input-width-l" />
        <Select name="kind" label={t('housingAreas.parts.kind')}>
          {(part.level === 'zone' ? ZONE_KINDS : PLACE_KINDS).map((k) => (
            <option key={k} value={k}>
              {t(`housingAreas.kind.${k}`)}
            </option>
          ))}
        </Select>
        {part.level === 'place' && (
          <Select name="zoneId" label={t('housingAreas.parts.zone')} empty="null">
            <option value="">{t('housingAreas.parts.noZone')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </Select>
        )}
        <TextArea
          name="description"
          label={t('housingAreas.fields.description')}
          hint={t('housingAreas.fields.descriptionHint')}
          empty="null"
          maxLength={4000}
        />
        <GeometryInput
          name="geometry"
          shape={part.level === 'zone' ? 'area' : 'place'}
          label={t('housingAreas.parts.shape')}
          outline={area.geometry as Geometry | null}
        />
        <div className="areas-edit-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('housingAreas.edit.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
            {t('housingAreas.edit.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
