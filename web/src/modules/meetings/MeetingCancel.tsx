import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CancelMeetingBody } from '../../../../server/modules/meetings/schema.ts';
import { Form, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import { cancelMeeting, MEETINGS_KEY, useMeetingChanged, type MeetingDetail } from './meetingsApi';

const CancelForm = CancelMeetingBody.omit({ version: true });

/** Cancel a planned meeting with a reason (everyone invited gets a cancellation). */
export function MeetingCancel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useMeetingChanged();
  const queryClient = useQueryClient();
  const form = useZodForm(CancelForm, { defaultValues: { reason: '' } });
  const mutation = useMutation({
    mutationFn: (body: { reason: string }) =>
      cancelMeeting(meeting.id, { version: meeting.version, reason: body.reason }),
    onSuccess: changed,
  });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{t('meetings.cancel.heading')}</h2>
      <MutationFailure
        mutations={mutation}
        onReload={() =>
          queryClient.invalidateQueries({ queryKey: [MEETINGS_KEY, 'one', meeting.id] })
        }
      />
      <Form
        id={`meeting-cancel-${meeting.id}`}
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('meetings.cancel.failed')}
      >
        <TextArea
          name="reason"
          label={t('meetings.cancel.reason')}
          hint={t('meetings.cancel.reasonHint')}
          maxLength={1000}
        />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('meetings.cancel.submit')}
        </button>
      </Form>
    </section>
  );
}
