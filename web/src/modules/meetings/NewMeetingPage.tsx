import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  MAX_REPEAT,
  MeetingTypeSchema,
  forumKindHoldsMeetings,
} from '../../../../shared/meetings.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import {
  Checkbox,
  DateInput,
  Form,
  Select,
  TextInput,
  danishToday,
  renameServerErrors,
  useZodForm,
} from '../../ui/form';
import { useForumList } from '../forums/forumsApi';
import { danishInstant } from './meetingTime';
import {
  createMeeting,
  useForumMembers,
  useMeetingChanged,
  type CreateMeeting,
} from './meetingsApi';

const TIME = /^([01]\d|2[0-3])[:.][0-5]\d$/;

/** The form's values: a Danish day and two times; the body's instants are made on submit. */
const NewMeetingForm = z.object({
  forumId: z.uuid(),
  meetingType: MeetingTypeSchema,
  day: z.iso.date(),
  startTime: z.string().regex(TIME),
  endTime: z.string().regex(TIME),
  place: z.string().trim().max(300),
  videoLink: z.string().trim().max(500),
  chairUserId: z.string(),
  noteTakerUserId: z.string(),
  repeat: z.number().int().min(1).max(MAX_REPEAT),
  recordedAfterwards: z.boolean(),
});
type Values = z.infer<typeof NewMeetingForm>;

function toBody(id: string, v: Values): CreateMeeting {
  const time = (s: string) => s.replace('.', ':');
  return {
    id,
    forumId: v.forumId,
    meetingType: v.meetingType,
    startsAt: danishInstant(v.day, time(v.startTime)),
    endsAt: danishInstant(v.day, time(v.endTime)),
    place: v.place || null,
    videoLink: v.videoLink || null,
    chairUserId: v.chairUserId || null,
    noteTakerUserId: v.noteTakerUserId || null,
    recordedAfterwards: v.recordedAfterwards,
    ...(v.repeat > 1 && { repeat: v.repeat }),
  };
}

/** The server's fields on the form's: the start and end on the day and times. */
const rename = (field: string) =>
  field === 'startsAt' ? 'startTime' : field === 'endsAt' ? 'endTime' : field;

/**
 * A new meeting of a forum (those with `meetings.create`): forum, type, day and times, place or
 * video link, chair and note-taker from the forum's members, and a repeat at the forum's cadence.
 * The id is chosen here, so a double submit makes one meeting. `?forum=<id>` preselects a forum.
 */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const title = t('meetings.new.heading');
  usePageTitle(title);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [id] = useState(() => crypto.randomUUID());
  const forums = useForumList();
  const changed = useMeetingChanged();
  const form = useZodForm(NewMeetingForm, {
    defaultValues: {
      forumId: params.get('forum') ?? '',
      meetingType: '' as Values['meetingType'],
      day: danishToday(),
      startTime: '10:00',
      endTime: '12:00',
      place: '',
      videoLink: '',
      chairUserId: '',
      noteTakerUserId: '',
      repeat: 1,
      recordedAfterwards: false,
    },
  });
  const forumId = useWatch({ control: form.control, name: 'forumId' });
  const mutation = useMutation({
    mutationFn: createMeeting,
    onSuccess: async (meeting) => {
      await changed(meeting);
      await navigate(`/moeder/${meeting.id}`);
    },
  });
  // Only forums whose kind meets in the municipality's model (model 1: Infohus Kommune and the
  // housing areas), as the server decides when the meeting is made.
  const manageable = (forums.data ?? []).filter(
    (f) => f.mayManage && forumKindHoldsMeetings(f.kind, f.organisationModel),
  );

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>
        <Link to="/moeder">{t('meetings.back')}</Link>
      </p>
      <Form
        id="meeting-new"
        form={form}
        onSubmit={(values) =>
          mutation.mutateAsync(toBody(id, values)).catch((failure: unknown) => {
            throw renameServerErrors(failure, rename);
          })
        }
        error={mutation.error}
        errorTitle={t('meetings.new.failed')}
      >
        <Select name="forumId" label={t('meetings.new.forum')}>
          <option value="">{t('meetings.new.chooseForum')}</option>
          {manageable.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </Select>
        <Select name="meetingType" label={t('meetings.new.type')} hint={t('meetings.new.typeHint')}>
          <option value="">{t('meetings.new.chooseType')}</option>
          {MeetingTypeSchema.options.map((type) => (
            <option key={type} value={type}>
              {t(`meetings.type.${type}`)}
            </option>
          ))}
        </Select>
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
        <MemberSelects forumId={forumId} />
        <TextInput
          name="repeat"
          asNumber
          label={t('meetings.new.repeat')}
          hint={t('meetings.new.repeatHint', { max: MAX_REPEAT })}
          widthClass="input-width-xs"
        />
        <Checkbox name="recordedAfterwards" label={t('meetings.new.recordedAfterwards')} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('meetings.new.submitting') : t('meetings.new.submit')}
        </button>
      </Form>
    </>
  );
}

/** Chair and note-taker: members of the chosen forum. */
function MemberSelects({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const members = useForumMembers(forumId).data ?? [];
  const options = members.map((m) => (
    <option key={m.userId} value={m.userId}>
      {m.displayName}
    </option>
  ));
  return (
    <>
      <Select name="chairUserId" label={t('meetings.new.chair')}>
        <option value="">{t('meetings.new.nobody')}</option>
        {options}
      </Select>
      <Select name="noteTakerUserId" label={t('meetings.new.noteTaker')}>
        <option value="">{t('meetings.new.nobody')}</option>
        {options}
      </Select>
    </>
  );
}
