import { useTranslation } from 'react-i18next';
import { Guidance } from '../guidance/Guidance';
import { Icon } from '../../ui/Icon';
import { Checkbox, TextArea } from '../../ui/form';
import { signsOfTier, TIERS, type SignTier } from './inquiriesApi';

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

/** The "immediate danger" box, bound to `immediateDanger` of the form. */
export function DangerField() {
  const { t } = useTranslation();
  return (
    <Checkbox
      name="immediateDanger"
      label={t('inquiries.intake.signs.immediateDanger')}
      hint={t('inquiries.intake.signs.immediateDangerHint')}
    />
  );
}

/**
 * The concern signs in their three tiers (the form's `signs.<code>.checked`), each checked sign
 * with an optional note, and "immediate danger". The tiers say how much a sign weighs, in words,
 * not only by heading. `urgent`: the police alert is shown after the serious tier.
 */
export function SignsFields({ urgent }: { urgent: boolean }) {
  const { t } = useTranslation();
  const tier = (tierName: SignTier) => (
    <fieldset key={tierName} className="form-group inquiry-sign-tier">
      <legend className="form-label">{t(`inquiries.signs.tiers.${tierName}.heading`)}</legend>
      <span className="form-hint">{t(`inquiries.signs.tiers.${tierName}.hint`)}</span>
      <ul className="nobullet-list">
        {signsOfTier(tierName).map((code) => (
          <li key={code}>
            <Checkbox name={`signs.${code}.checked`} label={t(`inquiries.signs.codes.${code}`)}>
              <TextArea
                name={`signs.${code}.note`}
                label={t('inquiries.intake.signs.note')}
                hint={t('inquiries.intake.signs.noteHint')}
                widthClass="input-width-l"
                rows={2}
                maxLength={1000}
              />
            </Checkbox>
          </li>
        ))}
      </ul>
    </fieldset>
  );

  return (
    <>
      <Guidance keys={['concernSignsCaution', 'definitions']} />
      <DangerField />
      {TIERS.slice(0, 1).map(tier)}
      {urgent && <PoliceAlert />}
      {TIERS.slice(1).map(tier)}
      <p className="form-hint inquiry-signs-source">{t('inquiries.signs.source')}</p>
      <p className="form-hint">{t('inquiries.signs.caution')}</p>
    </>
  );
}
