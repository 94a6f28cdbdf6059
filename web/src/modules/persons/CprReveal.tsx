import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { unmaskCpr } from './personsApi';

/**
 * The masked CPR number (DDMMYY-XXXX) and a button that shows the whole number. Showing it is
 * logged on the server, and the page says so before the click. The number is kept in this
 * component only (never in the query cache), so it is gone when the page is left.
 */
export function CprReveal({ personId, masked }: { personId: string; masked: string }) {
  const { t } = useTranslation();
  const [cpr, setCpr] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => unmaskCpr(personId),
    gcTime: 0,
    onSuccess: (result) => {
      setCpr(result.cpr);
      mutation.reset();
    },
  });

  if (cpr) {
    return (
      <>
        <span className="person-cpr">{cpr}</span>
        <span className="form-hint person-cpr-hint">{t('persons.cpr.shownLogged')}</span>
      </>
    );
  }
  return (
    <>
      <span aria-hidden="true">{masked}</span>
      <span className="sr-only">
        {t('persons.person.cprMaskedSpoken', { first: masked.slice(0, 6) })}
      </span>{' '}
      <button
        type="button"
        className="button button-unstyled function-link person-cpr-button"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {mutation.isPending ? t('persons.cpr.showing') : t('persons.cpr.show')}
      </button>
      <span className="form-hint person-cpr-hint">{t('persons.cpr.logNotice')}</span>
      {mutation.isError && (
        <ErrorAlert title={t('persons.cpr.failed')} error={mutation.error} headingLevel="h3" />
      )}
    </>
  );
}
