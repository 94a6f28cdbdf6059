import { useContext } from 'react';
import { get, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, FormContext, Hint, TextInput, useFieldId } from '../../ui/form';
import { LIMITS } from './assessmentsApi';
import type { AssessmentValues, ListKey } from './assessmentValues';

/**
 * An editable list of short texts (the risk or the protective factors) in the form of
 * `<Form>`: one labelled field per row, remove per row, add at the end. Focus goes to the new
 * row after adding, and to the add button after removing.
 */
export function FactorList({
  name,
  legend,
  item,
  hint,
}: {
  name: ListKey;
  legend: string;
  item: string;
  hint: string;
}) {
  const { t } = useTranslation();
  const { setValue, setFocus, clearErrors } = useFormContext<AssessmentValues>();
  const rows = useWatch<AssessmentValues, ListKey>({ name });
  const { errors } = useFormState<AssessmentValues>({ name });
  const prefix = useContext(FormContext)?.idPrefix ?? name;
  // The list's own problem (too many rows) is linked from the error summary to the add button.
  const addId = useFieldId(name, legend, `${prefix}-${name}-add`);
  const listError = get(errors, `${name}.message`) as string | undefined;
  const hintId = `${addId}-hint`;
  const errorId = `${addId}-error`;
  const full = rows.length >= LIMITS.listItems;
  const rowLabel = (index: number) => t('assessments.form.rowLabel', { item, number: index + 1 });

  const add = () => {
    setValue(name, [...rows, '']);
    const next = `${name}.${rows.length}` as const;
    requestAnimationFrame(() => setFocus(next));
  };
  const remove = (index: number) => {
    clearErrors(name);
    setValue(
      name,
      rows.filter((_, i) => i !== index),
      { shouldDirty: true },
    );
    requestAnimationFrame(() => document.getElementById(addId)?.focus());
  };

  return (
    <fieldset
      className={
        listError ? 'form-group form-error assessment-list-editor' : 'assessment-list-editor'
      }
      aria-describedby={[hintId, listError && errorId].filter(Boolean).join(' ')}
    >
      <legend className="form-label">{legend}</legend>
      <Hint id={hintId} hint={hint} />
      <ErrorMessage id={errorId} error={listError} />
      {rows.length === 0 && <p className="assessment-empty">{t('assessments.form.listEmpty')}</p>}
      <ol className="nobullet-list assessment-rows">
        {rows.map((_, index) => (
          <li key={index} className="assessment-row">
            <TextInput
              name={`${name}.${index}`}
              label={rowLabel(index)}
              maxLength={LIMITS.listItem}
              widthClass="input-width-xl"
            />
            <button
              type="button"
              className="button button-tertiary assessment-remove"
              onClick={() => remove(index)}
            >
              {t('assessments.form.removeRow')}
              <span className="sr-only"> {rowLabel(index)}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        id={addId}
        type="button"
        className="button button-secondary"
        disabled={full}
        onClick={add}
      >
        {t('assessments.form.addRow', { item: item.toLowerCase() })}
      </button>
    </fieldset>
  );
}
