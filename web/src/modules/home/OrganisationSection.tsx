import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useMeta } from '../../app/useMeta';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { OrganisationUnits } from './OrganisationUnits';

/**
 * "Organisation": the units of the user's municipality or, for users outside a municipality
 * (police, system administrators), of the installation's municipality when the server names one.
 */
export function OrganisationSection() {
  const { t } = useTranslation();
  const meta = useMeta();
  const userMunicipality = useSession().data?.user?.municipality;
  const headingId = useId();

  const municipality = userMunicipality ?? meta.data?.municipality;
  if (!municipality) {
    if (meta.isPending) return null; // The header shows nothing while loading either.
    if (!meta.isError) return null;
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.organisation.heading')}</h2>
      {municipality ? (
        <OrganisationUnits code={municipality.code} name={municipality.name} />
      ) : (
        <ErrorAlert
          title={t('home.organisation.metaErrorTitle')}
          error={meta.error}
          onRetry={() => void meta.refetch()}
        />
      )}
    </section>
  );
}
