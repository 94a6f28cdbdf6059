import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../ui/form';
import type { PlanValues } from './planValues';

/** "Aftaler med borgeren": one text per agreement, to add and remove. */
export function AgreementsEditor() {
  const { t } = useTranslation();
  const { control } = useFormContext<PlanValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'agreements' });
  return (
    <fieldset className="plan-agreements-form">
      <legend className="form-label">{t('plans.fields.agreements')}</legend>
      <span className="form-hint">{t('plans.agreementsHint')}</span>
      {fields.map((field, i) => (
        <div key={field.id} className="plan-agreement-row">
          <TextInput
            name={`agreements.${i}.text`}
            label={t('plans.agreementLabel', { number: i + 1 })}
            maxLength={500}
          />
          <button type="button" className="button button-tertiary" onClick={() => remove(i)}>
            {t('plans.removeAgreement', { number: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => append({ text: '' }, { shouldFocus: false })}
      >
        {t('plans.addAgreement')}
      </button>
    </fieldset>
  );
}
