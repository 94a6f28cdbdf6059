import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { compartmentOf, type CaseDetail } from './casesApi';

/**
 * The concern itself (the compartment): shown only when the server sent its fields. Without them
 * the page shows a neutral marker, and no label or heading that names the concern: a member
 * without compartment access must not learn from the page what the case is about.
 */
export function CaseCompartment({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const compartment = compartmentOf(detail);

  if (!compartment) {
    return (
      <div className="alert alert-info case-coordinated">
        <Icon name="info" className="alert-icon" />
        <div className="alert-body">
          <p className="alert-text">{t('cases.compartment.neutralMarker')}</p>
        </div>
      </div>
    );
  }

  const notGiven = t('cases.compartment.notGiven');
  return (
    <section aria-labelledby={headingId} className="case-section case-compartment">
      <h2 id={headingId}>{t('cases.compartment.heading')}</h2>
      <p>{t('cases.compartment.intro')}</p>
      <dl className="case-facts">
        {compartment.has('extremismForm') && (
          <>
            <dt>{t('cases.compartment.extremismForm')}</dt>
            <dd>
              {compartment.extremismForm
                ? t(`cases.compartment.forms.${compartment.extremismForm}`)
                : notGiven}
            </dd>
          </>
        )}
        {compartment.has('extremismFormOther') && compartment.extremismFormOther && (
          <>
            <dt>{t('cases.compartment.extremismFormOther')}</dt>
            <dd>{compartment.extremismFormOther}</dd>
          </>
        )}
        {compartment.has('concernSummary') && (
          <>
            <dt>{t('cases.compartment.concernSummary')}</dt>
            <dd className="case-text">{compartment.concernSummary ?? notGiven}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
