import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BACKDATE_REASONS, type BackdateReason } from '../../../../shared/values.ts';
import { RadioGroup } from './choices';
import { TextInput } from './inputs';

/**
 * The one back-dating field group (issue 12): shown when the form's date lies before the case or
 * inquiry was registered here (`show`), or when the server asked for a reason. The user says why
 * it is recorded now — registered late, moved from paper, or other with a short text. Values and
 * the request part: ./backdateValues.ts.
 */
export function BackdateFields({ show }: { show: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<{ backdateReason: BackdateReason | '' }>();
  const reason = useWatch({ control, name: 'backdateReason' });
  const { errors } = useFormState({ control, name: ['backdateReason'] });
  if (!show && !errors.backdateReason) return null;
  return (
    <div className="backdate-fields">
      <RadioGroup
        name="backdateReason"
        label={t('form.backdate.legend')}
        hint={t('form.backdate.hint')}
        options={BACKDATE_REASONS.map((value) => ({
          value,
          label: t(`form.backdate.reasons.${value}`),
        }))}
      />
      {reason === 'other' && (
        <TextInput
          name="backdateNote"
          label={t('form.backdate.note')}
          widthClass="input-width-xl"
        />
      )}
    </div>
  );
}
