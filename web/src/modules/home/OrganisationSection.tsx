import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../app/useMeta';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { OrganisationUnits } from './OrganisationUnits';

/**
 * "Organisation": the units of the installation's municipality. Shown only when the server
 * names a municipality (the demo municipality, for now).
 */
export function OrganisationSection() {
  const { t } = useTranslation();
  const meta = useMeta();
  const headingId = useId();

  if (meta.isPending) return null; // The header shows nothing while loading either.
  const municipality = meta.data?.municipality;
  if (!meta.isError && !municipality) return null;

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
