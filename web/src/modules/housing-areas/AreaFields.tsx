import { useTranslation } from 'react-i18next';
import { AREA_CADENCES } from '../../../../shared/housing-areas.ts';
import { Select, TextArea, TextInput } from '../../ui/form';
import { GeometryInput } from './GeometryInput';

/**
 * The fields of a housing area, in a form of the form layer: name, description, local actors,
 * cadence, the team forum (only for those who may set it) and the outline. The new-area page and
 * the area's edit form both draw them.
 */
export function AreaFields({
  teamForums,
}: {
  /** The forums of kind housing_area to choose the team from; null: the field is not shown. */
  teamForums: readonly { id: string; name: string }[] | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput name="name" label={t('housingAreas.fields.name')} widthClass="input-width-l" />
      <TextArea
        name="description"
        label={t('housingAreas.fields.description')}
        hint={t('housingAreas.fields.descriptionHint')}
        empty="null"
        maxLength={4000}
      />
      <TextArea
        name="localActors"
        label={t('housingAreas.fields.localActors')}
        hint={t('housingAreas.fields.localActorsHint')}
        empty="null"
        maxLength={4000}
      />
      <Select name="cadence" label={t('housingAreas.fields.cadence')} empty="null">
        <option value="">{t('housingAreas.cadence.none')}</option>
        {AREA_CADENCES.map((c) => (
          <option key={c} value={c}>
            {t(`housingAreas.cadence.${c}`)}
          </option>
        ))}
      </Select>
      {teamForums && (
        <Select name="teamForumId" label={t('housingAreas.fields.teamForum')} empty="null">
          <option value="">{t('housingAreas.fields.noTeamForum')}</option>
          {teamForums.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
      )}
      <GeometryInput
        name="geometry"
        shape="area"
        label={t('housingAreas.fields.outline')}
        hint={t('housingAreas.fields.outlineHint')}
      />
    </>
  );
}
