import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CATALOGUE_KEY, loadStandard } from './catalogueApi';

/** An empty catalogue: those who manage it may load the standard catalogue into it. */
export function EmptyCatalogue({
  mayManage,
  onLoaded,
}: {
  mayManage: boolean;
  onLoaded: (count: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: loadStandard,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
      onLoaded(result.created);
    },
  });
  return (
    <>
      <p>{t('interventions.empty')}</p>
      {mayManage && (
        <>
          {mutation.error ? (
            <ErrorAlert title={t('interventions.standard.failed')} error={mutation.error} />
          ) : null}
          <p>{t('interventions.standard.hint')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {t('interventions.standard.load')}
          </button>
        </>
      )}
    </>
  );
}
