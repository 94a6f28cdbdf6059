import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { UnitTable } from './UnitTable';
import { useUnits } from './useUnits';

/** Fetches and lists one municipality's units, with loading, error and empty states. */
export function OrganisationUnits({ code, name }: { code: string; name: string }) {
  const { t } = useTranslation();
  const units = useUnits(code);

  if (units.isPending) return <Loading label={t('home.organisation.loading')} />;
  if (units.isError) {
    return (
      <ErrorAlert
        title={t('home.organisation.errorTitle')}
        error={units.error}
        onRetry={() => void units.refetch()}
      />
    );
  }
  if (units.data.length === 0) {
    return <p>{t('home.organisation.empty', { municipality: name })}</p>;
  }
  return (
    <>
      <p>{t('home.organisation.intro', { municipality: name })}</p>
      <UnitTable units={units.data} municipalityName={name} />
    </>
  );
}
