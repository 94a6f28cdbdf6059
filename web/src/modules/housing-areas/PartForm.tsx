import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreatePartBody } from '../../../../server/modules/housing-areas/schema.ts';
import { PLACE_KINDS, ZONE_KINDS } from '../../../../shared/housing-areas.ts';
import { Form, Select, TextArea, TextInput, focusAfterSave, useZodForm } from '../../ui/form';
import { AREAS_KEY, addPart, type Area } from './areasApi';
import { GeometryInput } from './GeometryInput';

const NewPart = CreatePartBody.omit({ id: true });

/**
 * Adds a zone (or environment) or a specific place to the area. A place lies in a zone or
 * directly in the area; the server checks that the shape lies inside ("Zonen ligger uden for
 * boligområdet") and answers the whole area, which the page shows at once.
 */
export function PartForm({ area }: { area: Area }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [id, setId] = useState(() => crypto.randomUUID());
  const form = useZodForm(NewPart, {
    defaultValues: {
      level: 'zone',
      kind: 'zone',
      zoneId: null,
      name: '',
      description: null,
      localActors: null,
      geometry: null as never,
    },
  });
  const level = form.watch('level');
  // A new level: a kind of that level, and no zone for a zone.
  useEffect(() => {
    const kinds: readonly string[] = level === 'zone' ? ZONE_KINDS : PLACE_KINDS;
    if (!kinds.includes(form.getValues('kind'))) {
      form.setValue('kind', level === 'zone' ? 'zone' : 'hangout');
    }
    if (level === 'zone') form.setValue('zoneId', null);
  }, [form, level]);
  const zones = area.parts.filter((p) => p.level === 'zone' && p.archivedAt === null);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof addPart>[1]) => addPart(area.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData([AREAS_KEY, 'one', area.id], saved);
      form.reset();
      setId(crypto.randomUUID());
      focusAfterSave('area-parts-heading');
    },
  });
  return (
    <section aria-labelledby="area-part-form-heading">
      <h2 id="area-part-form-heading">{t('housingAreas.parts.addTitle')}</h2>
      <Form
        id="area-part"
        form={form}
        onSubmit={(body) => mutation.mutateAsync({ ...body, id })}
        error={mutation.error}
        errorTitle={t('housingAreas.parts.addFailed')}
      >
        <Select name="level" label={t('housingAreas.parts.level')}>
          <option value="zone">{t('housingAreas.level.zone')}</option>
          <option value="place">{t('housingAreas.level.place')}</option>
        </Select>
        <Select name="kind" label={t('housingAreas.parts.kind')}>
          {(level === 'zone' ? ZONE_KINDS : PLACE_KINDS).map((k) => (
            <option key={k} value={k}>
              {t(`housingAreas.kind.${k}`)}
            </option>
          ))}
        </Select>
        {level === 'place' && (
          <Select name="zoneId" label={t('housingAreas.parts.zone')} empty="null">
            <option value="">{t('housingAreas.parts.noZone')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </Select>
        )}
        <TextInput name="name" label={t('housingAreas.fields.name')} widthClass="input-width-l" />
        <TextArea
          name="description"
          label={t('housingAreas.fields.description')}
          hint={t('housingAreas.fields.descriptionHint')}
          empty="null"
          maxLength={4000}
        />
        <GeometryInput
          name="geometry"
          shape={level === 'zone' ? 'area' : 'place'}
          label={t('housingAreas.parts.shape')}
          hint={t(
            level === 'zone'
              ? 'housingAreas.parts.zoneShapeHint'
              : 'housingAreas.parts.placeShapeHint',
          )}
          outline={area.geometry as never}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('housingAreas.parts.add')}
        </button>
      </Form>
    </section>
  );
}
