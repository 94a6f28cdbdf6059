import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './casesApi';
import { formatTime } from './format';

/**
 * "Adgang": why the user sees this case and how much of it: their role, the scope of their
 * access, whether some parts are held back from them, and break-the-glass with its end time.
 * The text about held-back parts never says what they are about.
 */
export function CaseAccessPanel({ access }: { access: CaseDetail['access'] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="case-access">
      <h2 id={headingId}>{t('cases.access.heading')}</h2>
      <dl className="case-facts">
        <dt>{t('cases.access.role')}</dt>
        <dd>{access.role ? t(`cases.roles.${access.role}`) : t('cases.roles.breakGlass')}</dd>
        <dt>{t('cases.access.scope')}</dt>
        <dd>{t(`cases.scopes.${access.scope}`)}</dd>
        {access.breakGlass && access.breakGlassUntil && (
          <>
            <dt>{t('cases.access.breakGlass')}</dt>
            <dd>
              {t('cases.access.breakGlassUntil', { time: formatTime(access.breakGlassUntil) })}
            </dd>
          </>
        )}
      </dl>
      <p>
        {access.breakGlass
          ? t('cases.access.explainBreakGlass')
          : access.role
            ? t(`cases.access.explain.${access.role}`)
            : null}
      </p>
      {access.scope === 'intervention' && <p>{t('cases.access.explainIntervention')}</p>}
      {!access.compartment && <p>{t('cases.access.explainRestricted')}</p>}
    </section>
  );
}
