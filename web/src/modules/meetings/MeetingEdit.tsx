import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  DateInput,
  Form,
  MutationFailure,
  TextInput,
  renameServerErrors,
  useZodForm,
} from '../../ui/form';
import { danishInstant, danishParts } from './meetingTime';
import { MEETINGS_KEY, updateMeeting, useMeetingChanged, type MeetingDetail } from './meetingsApi';

const TIME = /^([01]\d|2[0-3])[:.][0-5]\d$/;

/** The form's values: the Danish day, two times, place and link; the body's instants on submit. */
const EditForm = z.object({
  day: z.iso.date(),
  startTime: z.string().regex(TIME),
  endTime: z.string().regex(TIME),
  place: z.string().trim().max(300),
  videoLink: z.string().trim().max(500),
});
type Values = z.infer<typeof EditForm>;

const rename = (field: string) =>
  field === 'startsAt' ? 'startTime' : field === 'endsAt' ? 'endTime' : field;

/**
 * Move the meeting or change its place (for its chair and the forum managers). The version the
 * page shows goes with the change: if someone saved first, the stale notice offers the latest.
 * Everyone invited gets an updated calendar invitation.
 */
export function MeetingEdit({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useMeetingChanged();
  const queryClient = useQueryClient();
  const start = danishParts(meeting.startsAt);
  const form = useZodForm(EditForm, {
    defaultValues: {
      day: start.day,
      startTime: start.time,
      endTime: danishParts(meeting.endsAt).time,
      place: meeting.place ?? '',
      videoLink: meeting.videoLink ?? '',
    },
  });
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const time = (s: string) => s.replace('.', ':');
      return updateMeeting(meeting.id, {
        version: meeting.version,
        startsAt: danishInstant(v.day, time(v.startTime)),
        endsAt: danishInstant(v.day, time(v.endTime)),
        place: v.place || null,
        videoLink: v.videoLink || null,
      });
    },
    onSuccess: changed,
  });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{t('meetings.edit.heading')}</h2>
      <MutationFailure
        mutations={mutation}
        onReload={() =>
          queryClient.invalidateQueries({ queryKey: [MEETINGS_KEY, 'one', meeting.id] })
        }
      />
      <Form
        id={`meeting-edit-${meeting.id}`}
        form={form}
        onSubmit={(values) =>
          mutation.mutateAsync(values).catch((failure: unknown) => {
            throw renameServerErrors(failure, rename);
          })
        }
        error={mutation.error}
        errorTitle={t('meetings.edit.failed')}
      >
        <DateInput name="day" label={t('meetings.new.day')} required />
        <TextInput
          name="startTime"
          label={t('meetings.new.startTime')}
          hint={t('meetings.new.timeHint')}
          widthClass="input-width-xs"
        />
        <TextInput
          name="endTime"
          label={t('meetings.new.endTime')}
          hint={t('meetings.new.timeHint')}
          widthClass="input-width-xs"
        />
        <TextInput name="place" label={t('meetings.new.place')} widthClass="input-width-xl" />
        <TextInput
          name="videoLink"
          label={t('meetings.new.videoLink')}
          hint={t('meetings.new.videoLinkHint')}
          widthClass="input-width-xl"
        />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('meetings.edit.submit')}
        </button>
      </Form>
    </section>
  );
}
