import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { QueryState } from '../../ui/QueryState';
import { MeetingTable } from './MeetingsListPage';
import { useMeetingList } from './meetingsApi';

/** "Næste møder" on a forum's page: its next meetings, and a link to create one. */
export function ForumNextMeetings({ forumId, mayManage }: { forumId: string; mayManage: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const mayRead = useSession().data?.abilities?.meetings.read ?? false;
  const meetings = useMeetingList({ forumId, limit: 5 });
  if (!mayRead) return null;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId}>{t('meetings.forum.heading')}</h3>
      <QueryState
        query={meetings}
        loading={t('meetings.list.loading')}
        loadError={t('meetings.list.loadError')}
      >
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('meetings.forum.empty')}</p>
          ) : (
            <MeetingTable items={data.items} caption={t('meetings.forum.heading')} />
          )
        }
      </QueryState>
      {mayManage && (
        <p>
          <Link to={`/moeder/ny?forum=${forumId}`}>{t('meetings.forum.create')}</Link>
        </p>
      )}
    </section>
  );
}
