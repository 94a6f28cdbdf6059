import { useTranslation } from 'react-i18next';
import type { GuidanceStep } from '../../../../shared/citizen-meetings.ts';

/**
 * The inspiration package's advice for one step, collapsed next to the fields it helps with (a
 * dkfds `details`), in the product's own words and naming its source. The texts are i18n keys
 * `citizenMeetings.guidance.<step>` with stable names, so an administrator may later edit them.
 */
export function Guidance({ step }: { step: GuidanceStep }) {
  const { t } = useTranslation();
  const title = t(`citizenMeetings.guidance.${step}.title`);
  return (
    <details className="details citizen-guidance">
      <summary className="details-summary">{t('citizenMeetings.guidance.show', { title })}</summary>
      <div className="details-text">
        <p>{t(`citizenMeetings.guidance.${step}.text`)}</p>
        <p className="form-hint">{t('citizenMeetings.guidance.source')}</p>
      </div>
    </details>
  );
}
