import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterventionType, Level } from './catalogueApi';

/** The catalogue's offers on one level of the prevention triangle, with "Ret" for those who manage it. */
export function LevelTable({
  level,
  items,
  mayManage,
  onEdit,
}: {
  level: Level;
  items: InterventionType[];
  mayManage: boolean;
  onEdit: (type: InterventionType) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId}>{t(`interventions.levels.${level}`)}</h3>
      <p className="form-hint">{t(`interventions.levelHints.${level}`)}</p>
      <table className="table table--compact admin-table">
        <caption className="sr-only">{t(`interventions.levels.${level}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('interventions.fields.name')}</th>
            <th scope="col">{t('interventions.fields.ageGroup')}</th>
            <th scope="col">{t('interventions.fields.legalBasis')}</th>
            <th scope="col">{t('interventions.fields.responsibleUnit')}</th>
            <th scope="col">{t('interventions.columns.notes')}</th>
            {mayManage && <th scope="col">{t('interventions.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((type) => (
            <tr key={type.id}>
              <td>
                {type.name}
                {type.description && <div className="form-hint">{type.description}</div>}
              </td>
              <td>{t(`interventions.ageGroups.${type.ageGroup}`)}</td>
              <td>{type.legalBasis ?? '–'}</td>
              <td>{type.responsibleUnitName ?? '–'}</td>
              <td>
                {[
                  type.consentRequired && t('interventions.notes.consent'),
                  type.tailored && t('interventions.notes.tailored'),
                  type.revealsConcern && t('interventions.notes.revealsConcern'),
                  !type.active && t('interventions.notes.inactive'),
                ]
                  .filter(Boolean)
                  .join(', ') || '–'}
              </td>
              {mayManage && (
                <td>
                  <button
                    id={`catalogue-edit-${type.id}`}
                    type="button"
                    className="button button-tertiary"
                    aria-label={t('interventions.form.edit', { name: type.name })}
                    onClick={() => onEdit(type)}
                  >
                    {t('interventions.form.editShort')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
