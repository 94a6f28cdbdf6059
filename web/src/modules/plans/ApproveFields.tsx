import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/form';

/**
 * The end of a form that approves the plan (the submitted plan's decision, or the editor's
 * approval at once): the steering group's meeting date where the steering group approves plans
 * (model 3), and the approve button.
 */
export function ApproveFields({
  steeringGroup,
  disabled,
  onClick,
}: {
  steeringGroup: boolean;
  disabled: boolean;
  /** Told when the button is pressed (a form with more than one submit button). */
  onClick?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {steeringGroup && (
        <DateInput
          name="steeringGroupMeetingOn"
          label={t('plans.steeringGroupMeetingOn')}
          hint={t('plans.steeringGroupHint')}
        />
      )}
      <button type="submit" className="button button-primary" disabled={disabled} onClick={onClick}>
        {t('plans.approve')}
      </button>
    </>
  );
}
