import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusAfterSave } from '../../ui/form';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { Icon } from '../../ui/Icon';
import { ClassificationForm } from './ClassificationForm';
import { compartmentOf, type CaseDetail } from './casesApi';

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
            {compartment.has('ageGroup') && (
              <>
                <dt>{t('cases.compartment.ageGroup')}</dt>
                <dd>
                  {compartment.ageGroup
                    ? t(`cases.compartment.ageGroups.${compartment.ageGroup}`)
                    : notGiven}
                </dd>
              </>
            )}
            {compartment.has('authorityArea') && (
              <>
                <dt>{t('cases.compartment.authorityArea')}</dt>
                <dd>
                  {compartment.authorityArea
                    ? t(`cases.compartment.authorityAreas.${compartment.authorityArea}`)
                    : notGiven}
                </dd>
              </>
            )}
            {compartment.has('primaryConcern') && (
              <>
                <dt>{t('cases.compartment.primaryConcern')}</dt>
                <dd>{primary}</dd>
              </>
            )}
            {compartment.has('subjectKind') && (
              <>
                <dt>{t('cases.compartment.subjectKind')}</dt>
                <dd>
                  {compartment.subjectKind
                    ? t(`cases.compartment.subjectKinds.${compartment.subjectKind}`)
                    : notGiven}
                </dd>
              </>
            )}
            {compartment.has('environment') && (
              <>
                <dt>{t('cases.compartment.environment')}</dt>
                <dd>
                  {compartment.environment
                    ? t(`cases.compartment.environments.${compartment.environment}`)
                    : notGiven}
                </dd>
              </>
            )}
            {compartment.has('concernSummary') && (
              <>
                <dt>{t('cases.compartment.concernSummary')}</dt>
                <dd className="case-text">{compartment.concernSummary ?? notGiven}</dd>
              </>
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
