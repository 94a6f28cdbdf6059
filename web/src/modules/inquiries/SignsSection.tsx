import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { Checkbox, TextArea } from '../../ui/fields';
import { signsOfTier, TIERS, type ConcernSign, type SignTier } from './inquiriesApi';

export const signFieldId = (code: ConcernSign) => `intake-sign-${code}`;
export const signNoteId = (code: ConcernSign) => `intake-sign-${code}-note`;
export const DANGER_ID = 'intake-immediate-danger';

/**
 * "Call 112 / 114": shown the moment a serious sign or immediate danger is checked. role=alert,
 * so a screen reader says it at once, wherever the user is in the form.
 */
export function PoliceAlert() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error inquiry-police-alert" role="alert">
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-heading">{t('inquiries.police.heading')}</p>
        <p className="alert-text">{t('inquiries.police.text')}</p>
        <p className="alert-text">{t('inquiries.police.urgent')}</p>
      </div>
    </div>
  );
}

interface SignsSectionProps {
  signs: Partial<Record<ConcernSign, string>>;
  immediateDanger: boolean;
  urgent: boolean;
  errors: Record<string, string>;
  /** The place of each checked sign in the body, for the server's error names. */
  bodyIndex: (code: ConcernSign) => number;
  onSigns: (signs: Partial<Record<ConcernSign, string>>) => void;
  onDanger: (danger: boolean) => void;
}

/**
 * The concern signs in their three tiers, each checked sign with an optional note, and
 * "immediate danger". The tiers say how much a sign weighs, in words, not only by heading.
 */
export function SignsFields({
  signs,
  immediateDanger,
  urgent,
  errors,
  bodyIndex,
  onSigns,
  onDanger,
}: SignsSectionProps) {
  const { t } = useTranslation();
  const toggle = (code: ConcernSign, checked: boolean) => {
    const next = { ...signs };
    if (checked) next[code] = signs[code] ?? '';
    else delete next[code];
    onSigns(next);
  };
  const tier = (tierName: SignTier) => (
    <fieldset key={tierName} className="form-group inquiry-sign-tier">
      <legend className="form-label">{t(`inquiries.signs.tiers.${tierName}.heading`)}</legend>
      <span className="form-hint">{t(`inquiries.signs.tiers.${tierName}.hint`)}</span>
      <ul className="nobullet-list">
        {signsOfTier(tierName).map((code) => {
          const checked = signs[code] !== undefined;
          const index = checked ? bodyIndex(code) : -1;
          return (
            <li key={code}>
              <Checkbox
                id={signFieldId(code)}
                label={t(`inquiries.signs.codes.${code}`)}
                checked={checked}
                onChange={(value) => toggle(code, value)}
              >
                <TextArea
                  id={signNoteId(code)}
                  label={t('inquiries.intake.signs.note')}
                  hint={t('inquiries.intake.signs.noteHint')}
                  error={errors[`body.signs.${index}.note`] ?? errors[`body.signs.${index}.code`]}
                  widthClass="input-width-l"
                  rows={2}
                  maxLength={1000}
                  value={signs[code] ?? ''}
                  onChange={(event) => onSigns({ ...signs, [code]: event.target.value })}
                />
              </Checkbox>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );

  return (
    <>
      <div className="form-group">
        <Checkbox
          id={DANGER_ID}
          label={t('inquiries.intake.signs.immediateDanger')}
          hint={t('inquiries.intake.signs.immediateDangerHint')}
          checked={immediateDanger}
          onChange={onDanger}
        />
      </div>
      {TIERS.slice(0, 1).map(tier)}
      {urgent && <PoliceAlert />}
      {TIERS.slice(1).map(tier)}
      <p className="form-hint inquiry-signs-source">{t('inquiries.signs.source')}</p>
      <p className="form-hint">{t('inquiries.signs.caution')}</p>
    </>
  );
}
