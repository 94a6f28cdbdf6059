import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';

/**
 * The count under a text field with a limit: "1.234 af højst 4.000 tegn" while the text fits,
 * and a clear problem once it is longer ("Du har skrevet 120 tegn for meget …"), so nothing is
 * ever cut silently. The field itself takes any length (no native `maxlength`, which would drop
 * the end of a paste); the form's schema refuses a text that is too long when it is sent.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation();
  const number = (value: number) =>
    value.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'da-DK');
  const over = length - max;
  if (over > 0) {
    return (
      <span id={id} className="form-error-message character-count" aria-live="polite">
        {t('form.characters.over', { over: number(over), max: number(max) })}
      </span>
    );
  }
  return (
    <span id={id} className="form-hint character-count">
      {t('form.characters.count', { length: number(length), max: number(max) })}
    </span>
  );
}
