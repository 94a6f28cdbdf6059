import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecordContactAttemptBody } from '../../../../server/modules/citizen-meetings/schema.ts';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactOutcome,
} from '../../../../shared/citizen-meetings.ts';
import {
  danishToday,
  DateInput,
  Form,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { contactKey, recordAttempt, type ContactOwner } from './citizenMeetingsApi';
import { Guidance } from '../guidance/Guidance';
import type { Colleague } from './people';

/** The form holds the body without its id (made once per form, so a double submit is one try). */
const AttemptValues = RecordContactAttemptBody.omit({ id: true });
type AttemptValues = z.output<typeof AttemptValues>;

/**
 * "Registrér kontaktforsøg": date, channel, who tried, the bridge-builder by role, the outcome,
 * a note and the next try (a task for the one who makes it). The server checks the rest (a day
 * in the future, a bridge-builder missing, someone outside the team) and its Danish messages land
 * on the fields.
 */
export function ContactAttemptForm({
  owner,
  colleagues,
  onDone,
}: {
  owner: ContactOwner;
  colleagues: Colleague[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(AttemptValues, {
    defaultValues: {
      attemptedOn: danishToday(),
      channel: 'phone' as ContactChannel,
      triedBy: null,
      bridgeBuilder: null,
      outcome: 'no_answer' as ContactOutcome,
      note: null,
      nextStep: null,
      nextOn: null,
      nextBy: null,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: AttemptValues) => recordAttempt(owner, { ...values, id: clientId }),
    onSuccess: async (contact) => {
      setClientId(crypto.randomUUID());
      queryClient.setQueryData(contactKey(owner), contact);
      form.reset();
      onDone();
      await queryClient.invalidateQueries({ queryKey: [contactKey(owner)[0]] });
    },
  });

  return (
    <Form
      id={`contact-attempt-${owner.id}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('citizenMeetings.attempt.failedTitle')}
    >
      <Guidance keys={['meetingContact']} />
      <DateInput name="attemptedOn" label={t('citizenMeetings.attempt.attemptedOn')} />
      <RadioGroup<ContactChannel>
        name="channel"
        label={t('citizenMeetings.attempt.channel')}
        options={CONTACT_CHANNELS.map((c) => ({
          value: c,
          label: t(`citizenMeetings.channels.${c}`),
        }))}
      />
      <TextInput
        name="bridgeBuilder"
        label={t('citizenMeetings.attempt.bridgeBuilder')}
        hint={t('citizenMeetings.attempt.bridgeBuilderHint')}
        empty="null"
        maxLength={200}
        widthClass="input-width-l"
      />
      <Select name="triedBy" label={t('citizenMeetings.attempt.triedBy')} empty="null">
        <option value="">{t('citizenMeetings.attempt.me')}</option>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <RadioGroup<ContactOutcome>
        name="outcome"
        label={t('citizenMeetings.attempt.outcome')}
        options={CONTACT_OUTCOMES.map((o) => ({
          value: o,
          label: t(`citizenMeetings.outcomes.${o}`),
        }))}
      />
      <TextArea
        name="note"
        label={t('citizenMeetings.attempt.note')}
        empty="null"
        maxLength={2000}
        rows={3}
      />
      <TextInput
        name="nextStep"
        label={t('citizenMeetings.attempt.nextStep')}
        empty="null"
        maxLength={500}
        widthClass="input-width-xl"
      />
      <DateInput name="nextOn" label={t('citizenMeetings.attempt.nextOn')} empty="null" />
      <Select
        name="nextBy"
        label={t('citizenMeetings.attempt.nextBy')}
        hint={t('citizenMeetings.attempt.nextByHint')}
        empty="null"
      >
        <option value="">{t('citizenMeetings.attempt.nobody')}</option>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending
          ? t('citizenMeetings.attempt.saving')
          : t('citizenMeetings.attempt.submit')}
      </button>
    </Form>
  );
}
