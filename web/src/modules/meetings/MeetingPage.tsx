import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { TabNav } from '../../ui/Tabs';
import { useSession } from '../../app/session';
import { MeetingCancel } from './MeetingCancel';
import { MeetingEdit } from './MeetingEdit';
import { MeetingInvite } from './MeetingInvite';
import { formatMeetingTime } from './meetingTime';
import {
  MEETINGS_KEY,
  removeExternalGuest,
  removeParticipant,
  useMeeting,
  useMeetingChanged,
  type MeetingDetail,
} from './meetingsApi';

/**
 * One meeting (/moeder/:id): when and where, chair and note-taker, who is invited (members, and
 * guests to one agenda item), its external guests for those who manage it, and tabs to its
 * agenda and minutes (their own modules' pages). Actions follow the meeting's abilities from the
 * server: remove a participant or guest, cancel the meeting.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  usePageTitle(
    meeting.data
      ? `${t('meetings.page.title')}: ${meeting.data.forumName}`
      : t('meetings.page.title'),
  );
  return (
    <QueryState
      query={meeting}
      loading={t('meetings.page.loading')}
      loadError={t('meetings.page.loadError')}
    >
      {(data) => <MeetingView meeting={data} />}
    </QueryState>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation();
  // The invite form lists the forum's members and candidates, which its managers may read.
  const mayManageForums = useSession().data?.abilities?.forums.manage ?? false;
  const base = `/moeder/${meeting.id}`;
  return (
    <>
      <PageHeading>
        {t('meetings.page.heading', {
          forum: meeting.forumName,
          type: t(`meetings.type.${meeting.meetingType}`),
        })}
      </PageHeading>
      <p>
        <Link to="/moeder">{t('meetings.back')}</Link>
      </p>
      <TabNav
        label={t('meetings.page.tabs')}
        links={[
          { key: 'overview', to: base, end: true, label: t('meetings.page.overview') },
          ...(meeting.abilities.seeAgenda
            ? [
                { key: 'agenda', to: `${base}/dagsorden`, label: t('meetings.page.agenda') },
                { key: 'minutes', to: `${base}/referat`, label: t('meetings.page.minutes') },
              ]
            : []),
        ]}
      />
      {meeting.status === 'cancelled' && (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-heading">{t('meetings.page.cancelled')}</p>
            <p className="alert-text">{meeting.cancelReason}</p>
          </div>
        </div>
      )}
      <dl className="mt-6">
        <dt>{t('meetings.page.when')}</dt>
        <dd>{formatMeetingTime(meeting.startsAt, meeting.endsAt, i18n.language)}</dd>
        <dt>{t('meetings.page.where')}</dt>
        <dd>
          {meeting.place ?? ''}
          {meeting.videoLink && (
            <>
              {meeting.place && ' · '}
              <a href={meeting.videoLink} rel="noopener noreferrer" target="_blank">
                {t('meetings.video')}
              </a>
            </>
          )}
        </dd>
        <dt>{t('meetings.page.status')}</dt>
        <dd>{t(`meetings.status.${meeting.status}`)}</dd>
        <dt>{t('meetings.page.chair')}</dt>
        <dd>{meeting.chair?.displayName ?? t('meetings.page.none')}</dd>
        <dt>{t('meetings.page.noteTaker')}</dt>
        <dd>{meeting.noteTaker?.displayName ?? t('meetings.page.none')}</dd>
      </dl>
      <Participants meeting={meeting} />
      {meeting.abilities.manage && mayManageForums && <MeetingInvite meeting={meeting} />}
      {meeting.abilities.manage && <ExternalGuests meeting={meeting} />}
      {meeting.abilities.manage && <MeetingEdit key={meeting.version} meeting={meeting} />}
      {meeting.abilities.cancel && <MeetingCancel meeting={meeting} />}
    </>
  );
}

function useRemoval(meeting: MeetingDetail, remove: (key: string) => Promise<MeetingDetail>) {
  const changed = useMeetingChanged();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: changed,
    onError: async (error) => {
      setFailed(error);
      await queryClient.invalidateQueries({ queryKey: [MEETINGS_KEY, 'one', meeting.id] });
    },
  });
  return { mutation, failed };
}

function Participants({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { mutation, failed } = useRemoval(meeting, (userId) =>
    removeParticipant(meeting.id, userId),
  );
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{t('meetings.participants.heading')}</h2>
      {failed !== null && (
        <ErrorAlert title={t('meetings.participants.removeFailed')} error={failed} />
      )}
      {meeting.participants.length === 0 ? (
        <p>{t('meetings.participants.empty')}</p>
      ) : (
        <CompactTable
          caption={t('meetings.participants.heading')}
          columns={[
            t('meetings.participants.name'),
            t('meetings.participants.kind'),
            t('meetings.participants.invitation'),
            ...(meeting.abilities.manage ? [t('meetings.participants.actions')] : []),
          ]}
        >
          {meeting.participants.map((p) => (
            <tr key={p.userId}>
              <th scope="row">{p.displayName}</th>
              <td>
                {p.kind === 'guest'
                  ? t('meetings.participants.guestToItem')
                  : t('meetings.participants.member')}
              </td>
              <td>
                {p.invitationQueued
                  ? t('meetings.participants.invited')
                  : t('meetings.participants.notInvited')}
              </td>
              {meeting.abilities.manage && (
                <td>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={mutation.isPending}
                    onClick={() => mutation.mutate(p.userId)}
                  >
                    {t('meetings.participants.remove', { name: p.displayName })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </CompactTable>
      )}
      <p className="form-hint">{t('meetings.participants.guestHint')}</p>
    </section>
  );
}

function ExternalGuests({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { mutation, failed } = useRemoval(meeting, (guestId) =>
    removeExternalGuest(meeting.id, guestId),
  );
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{t('meetings.guests.heading')}</h2>
      {failed !== null && <ErrorAlert title={t('meetings.guests.removeFailed')} error={failed} />}
      {meeting.externalGuests.length === 0 ? (
        <p>{t('meetings.guests.empty')}</p>
      ) : (
        <CompactTable
          caption={t('meetings.guests.heading')}
          columns={[
            t('meetings.guests.name'),
            t('meetings.guests.organisation'),
            t('meetings.participants.invitation'),
            t('meetings.participants.actions'),
          ]}
        >
          {meeting.externalGuests.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.name}</th>
              <td>{g.organisation ?? '–'}</td>
              <td>
                {g.invitationQueued
                  ? t('meetings.participants.invited')
                  : t('meetings.guests.noEmail')}
              </td>
              <td>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={mutation.isPending}
                  onClick={() => mutation.mutate(g.id)}
                >
                  {t('meetings.participants.remove', { name: g.name })}
                </button>
              </td>
            </tr>
          ))}
        </CompactTable>
      )}
    </section>
  );
}
