import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusAfterSave } from '../../ui/form';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { Icon } from '../../ui/Icon';
import { ClassificationForm } from './ClassificationForm';
import { compartmentOf, type CaseDetail } from './casesApi';
import { classificationValueKey, type CodedField } from './classification';

/**
 * The concern itself (the compartment): shown only when the server sent its fields. Without them
 * the page shows a neutral marker, and no label or heading that names the concern: a member
 * without compartment access must not learn from the page what the case is about. The case's
 * coordinators (who hold the compartment) may edit the classification; each change is kept in
 * the chronology as a compartment event.
 */
export function CaseCompartment({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const compartment = compartmentOf(detail);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

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
  const canEdit = detail.abilities.classification.write;
  const primary =
    compartment.primaryConcern === true
      ? t('cases.compartment.primaryYes')
      : compartment.primaryConcern === false
        ? t('cases.compartment.primaryNo')
        : notGiven;
  /** A coded field of the classification, named from its list ("not given" without a value). */
  const coded = (field: CodedField) => {
    if (!compartment.has(field)) return null;
    const value = compartment[field];
    const key = value ? classificationValueKey(field, value) : null;
    return <Fact label={t(`cases.compartment.${field}`)}>{key ? t(key) : notGiven}</Fact>;
  };
  return (
    <section aria-labelledby={headingId} className="case-section case-compartment">
      <h2 id={headingId}>{t('cases.compartment.heading')}</h2>
      <p>{t('cases.compartment.intro')}</p>
      {saved && <SuccessMessage>{t('cases.classification.saved')}</SuccessMessage>}
      {editing ? (
        <ClassificationForm
          detail={detail}
          onSaved={() => {
            setSaved(true);
            setEditing(false);
            focusAfterSave(headingId);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="case-facts">
            {coded('extremismForm')}
            {compartment.has('extremismFormOther') && compartment.extremismFormOther && (
              <Fact label={t('cases.compartment.extremismFormOther')}>
                {compartment.extremismFormOther}
              </Fact>
            )}
            {coded('ageGroup')}
            {coded('authorityArea')}
            {compartment.has('primaryConcern') && (
              <Fact label={t('cases.compartment.primaryConcern')}>{primary}</Fact>
            )}
            {coded('subjectKind')}
            {coded('environment')}
            {compartment.has('concernSummary') && (
              <Fact label={t('cases.compartment.concernSummary')} className="case-text">
                {compartment.concernSummary ?? notGiven}
              </Fact>
            )}
          </dl>
          {canEdit && (
            <p className="no-print">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('cases.classification.edit')}
              </button>
            </p>
          )}
          {canEdit && <p className="form-hint">{t('cases.classification.historyHint')}</p>}
        </>
      )}
    </section>
  );
}

/** One fact of the compartment: its name and its value. */
function Fact({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}
