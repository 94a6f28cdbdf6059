import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecordReflectionBody } from '../../../../server/modules/citizen-meetings/schema.ts';
import { TextArea, useZodForm } from '../../ui/form';
import { recordReflection, type CitizenMeeting, type ContactOwner } from './citizenMeetingsApi';
import { Guidance } from '../guidance/Guidance';
import { StepForm, useStepSave } from './StepForm';

const ReflectionValues = RecordReflectionBody.omit({ version: true });
type ReflectionValues = z.output<typeof ReflectionValues>;

/**
 * Step 4's reflection afterwards, the team's with the compartment: what worked, what to change,
 * the citizen's motivation and the network's resistance. It feeds the next preparation.
 */
export function ReflectionForm({
  owner,
  meeting,
  onDone,
  onCancel,
}: {
  owner: ContactOwner;
  meeting: CitizenMeeting;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const r = meeting.reflection;
  const form = useZodForm(ReflectionValues, {
    defaultValues: {
      worked: r?.worked ?? null,
      change: r?.change ?? null,
      motivation: r?.motivation ?? null,
      resistance: r?.resistance ?? null,
    },
  });
  const mutation = useStepSave(
    owner,
    (values: ReflectionValues) =>
      recordReflection(owner, meeting.id, { ...values, version: meeting.version }),
    onDone,
  );
  return (
    <StepForm
      owner={owner}
      id={`citizen-meeting-reflection-${meeting.id}`}
      form={form}
      mutation={mutation}
      onCancel={onCancel}
    >
      <Guidance keys={['meetingRoundingOff']} />
      <p className="form-hint">{t('citizenMeetings.meetings.reflectionPrivate')}</p>
      {(['worked', 'change', 'motivation', 'resistance'] as const).map((field) => (
        <TextArea
          key={field}
          name={field}
          label={t(`citizenMeetings.fields.${field}`)}
          empty="null"
          maxLength={4000}
          rows={3}
        />
      ))}
    </StepForm>
  );
}
