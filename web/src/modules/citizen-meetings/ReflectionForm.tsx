import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecordReflectionBody } from '../../../../server/modules/citizen-meetings/schema.ts';
import { MutationFailure } from '../../ui/MutationFailure';
import { Form, TextArea, useZodForm } from '../../ui/form';
import {
  contactKey,
  recordReflection,
  type CitizenMeeting,
  type ContactOwner,
} from './citizenMeetingsApi';
import { Guidance } from '../guidance/Guidance';

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
  const queryClient = useQueryClient();
  const r = meeting.reflection;
  const form = useZodForm(ReflectionValues, {
    defaultValues: {
      worked: r?.worked ?? null,
      change: r?.change ?? null,
      motivation: r?.motivation ?? null,
      resistance: r?.resistance ?? null,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: ReflectionValues) =>
      recordReflection(owner, meeting.id, { ...values, version: meeting.version }),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKey(owner), contact);
      onDone();
    },
  });
  return (
    <>
      <MutationFailure
        mutations={mutation}
        headingLevel="h4"
        onReload={() => queryClient.invalidateQueries({ queryKey: contactKey(owner) })}
      />
      <Form
        id={`citizen-meeting-reflection-${meeting.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('citizenMeetings.fields.failedTitle')}
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
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending
            ? t('citizenMeetings.fields.saving')
            : t('citizenMeetings.fields.save')}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('citizenMeetings.fields.cancel')}
        </button>
      </Form>
    </>
  );
}
