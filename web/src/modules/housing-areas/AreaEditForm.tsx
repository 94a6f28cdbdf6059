import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { UpdateAreaBody } from '../../../../server/modules/housing-areas/schema.ts';
import { isStale } from '../../app/api';
import { Form, MutationFailure, useZodForm } from '../../ui/form';
import { useEditToggle } from '../../ui/useEditToggle';
import { AREAS_KEY, archiveArea, updateArea, useTeamForums, type Area } from './areasApi';
import { AreaFields } from './AreaFields';

/**
 * Changes the area's name, texts, cadence and outline (those who edit it) and its team forum
 * (its managers), at the version shown (a stale save shows the one stale notice); managers also
 * archive it. A new outline must still hold the zones and places: the server says so on the field.
 */
export function AreaEditForm({ area }: { area: Area }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useEditToggle();
  const manage = area.abilities.manage;
  const forums = useTeamForums(manage && toggle.editing);
  const reload = () => queryClient.invalidateQueries({ queryKey: [AREAS_KEY, 'one', area.id] });
  const saved = (next: Area) => {
    queryClient.setQueryData([AREAS_KEY, 'one', area.id], next);
    void queryClient.invalidateQueries({ queryKey: [AREAS_KEY, 'list'] });
  };
  const form = useZodForm(UpdateAreaBody, {
    defaultValues: {
      version: area.version,
      name: area.name,
      description: area.description,
      localActors: area.localActors,
      cadence: area.cadence,
      geometry: area.geometry as never,
      ...(manage && { teamForumId: area.teamForum?.id ?? null }),
    },
  });
  const update = useMutation({
    mutationFn: (body: Parameters<typeof updateArea>[1]) => updateArea(area.id, body),
    onSuccess: (next) => {
      saved(next);
      toggle.close();
    },
  });
  const archive = useMutation({
    mutationFn: () => archiveArea(area.id, area.version),
    onSuccess: saved,
  });
  if (!toggle.editing) {
    return (
      <div className="areas-edit-actions">
        <MutationFailure
          mutations={archive}
          errorTitle={t('housingAreas.edit.archiveFailed')}
          onReload={reload}
        />
        <button
          id={toggle.openerId}
          type="button"
          className="button button-secondary"
          onClick={toggle.open}
        >
          {t('housingAreas.edit.open')}
        </button>
        {manage && (
          <button
            type="button"
            className="button button-secondary"
            disabled={archive.isPending}
            onClick={() => archive.mutate()}
          >
            {t('housingAreas.edit.archive')}
          </button>
        )}
      </div>
    );
  }
  return (
    <section aria-labelledby="area-edit-heading">
      <h2 id="area-edit-heading">{t('housingAreas.edit.title')}</h2>
      {isStale(update.error) && <MutationFailure mutations={update} onReload={reload} />}
      <Form
        id="area-edit"
        form={form}
        onSubmit={(body) => update.mutateAsync({ ...body, version: area.version })}
        error={isStale(update.error) ? null : update.error}
        errorTitle={t('housingAreas.edit.failed')}
      >
        <AreaFields teamForums={manage ? (forums.data ?? []) : null} />
        <div className="areas-edit-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {t('housingAreas.edit.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={toggle.cancel}>
            {t('housingAreas.edit.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
