import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateAreaBody } from '../../../../server/modules/housing-areas/schema.ts';
import { Form, useZodForm } from '../../ui/form';
import { PageHeading } from '../../ui/PageHeading';
import { AREAS_KEY, createArea, useTeamForums } from './areasApi';
import { AreaFields } from './AreaFields';

const NewArea = CreateAreaBody.omit({ id: true });

/**
 * "Nyt boligområde": a forum manager records an area — its name, texts about places and roles
 * (never citizens), how often it is mapped, its team forum and its outline (typed coordinates or
 * imported GeoJSON through the map's field). The client's id makes a repeated save harmless.
 */
export function NewAreaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [id] = useState(() => crypto.randomUUID());
  const forums = useTeamForums(true);
  const form = useZodForm(NewArea, {
    defaultValues: {
      name: '',
      description: null,
      localActors: null,
      cadence: null,
      teamForumId: null,
      geometry: null as never,
    },
  });
  const mutation = useMutation({
    mutationFn: createArea,
    onSuccess: async (area) => {
      await queryClient.invalidateQueries({ queryKey: [AREAS_KEY] });
      void navigate(`/boligomraader/${area.id}`);
    },
  });
  return (
    <>
      <PageHeading>{t('housingAreas.new.title')}</PageHeading>
      <p>{t('housingAreas.new.intro')}</p>
      <Form
        id="area"
        form={form}
        onSubmit={(body) => mutation.mutateAsync({ ...body, id })}
        error={mutation.error}
        errorTitle={t('housingAreas.new.failed')}
      >
        <AreaFields teamForums={forums.data ?? []} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('housingAreas.new.submit')}
        </button>
      </Form>
    </>
  );
}
