import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
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
      <CompactTable
        className="admin-table"
        caption={t(`interventions.levels.${level}`)}
        columns={[
          t('interventions.fields.name'),
          t('interventions.fields.ageGroup'),
          t('interventions.fields.legalBasis'),
          t('interventions.fields.responsibleUnit'),
          t('interventions.columns.notes'),
          mayManage && t('interventions.columns.actions'),
        ]}
      >
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
      </CompactTable>
    </section>
  );
}
