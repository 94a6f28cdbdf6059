import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MeetingStatusSchema } from '../../../../shared/meetings.ts';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { useForumList } from '../forums/forumsApi';
import { formatMeetingTime } from './meetingTime';
import { useMeetingList, type MeetingSummary } from './meetingsApi';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller's meetings from today, by start, filtered by forum and status (in the address as
 * ids and codes only). Those who may create meetings get "Nyt møde"; the forums are one link on.
 */
export function MeetingsListPage() {
  const { t } = useTranslation();
  const title = t('nav.meetings');
  usePageTitle(title);
  const abilities = useSession().data?.abilities;
  const [params, setParams] = useSearchParams();
  const forumParam = params.get('forum');
  const forumId = forumParam && UUID.test(forumParam) ? forumParam : null;
  const statusParam = params.get('status');
  const status = MeetingStatusSchema.safeParse(statusParam).success ? statusParam : null;
  const meetings = useMeetingList({ forumId, status, limit: 100 });
  const statusFilterId = useId();

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead">{t('meetings.list.intro')}</p>
      <p>
        {abilities?.meetings.create && (
          <Link to="/moeder/ny" className="button button-primary mr-4">
            {t('meetings.list.new')}
          </Link>
        )}
        {abilities?.forums.read && <Link to="/moeder/fora">{t('meetings.list.forums')}</Link>}
      </p>
      <div className="d-flex flex-wrap">
        {abilities?.forums.read && (
          <ForumFilter value={forumId} onChange={(value) => setFilter('forum', value)} />
        )}
        <div className="form-group">
          <label className="form-label" htmlFor={statusFilterId}>
            {t('meetings.list.statusFilter')}
          </label>
          <select
            id={statusFilterId}
            className="form-select"
            value={status ?? ''}
            onChange={(e) => setFilter('status', e.target.value)}
          >
            <option value="">{t('meetings.list.allStatuses')}</option>
            {MeetingStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {t(`meetings.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState
        query={meetings}
        loading={t('meetings.list.loading')}
        loadError={t('meetings.list.loadError')}
      >
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('meetings.list.empty')}</p>
          ) : (
            <MeetingTable items={data.items} caption={t('meetings.list.caption')} />
          )
        }
      </QueryState>
    </>
  );
}

/** Meetings as a table: when (a link to the meeting), forum, type, place, status. */
export function MeetingTable({ items, caption }: { items: MeetingSummary[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <CompactTable
      caption={caption}
      columns={[
        t('meetings.list.whenColumn'),
        t('meetings.list.forumColumn'),
        t('meetings.list.typeColumn'),
        t('meetings.list.placeColumn'),
        t('meetings.list.statusColumn'),
      ]}
    >
      {items.map((m) => (
        <tr key={m.id}>
          <th scope="row">
            <Link to={`/moeder/${m.id}`}>
              {formatMeetingTime(m.startsAt, m.endsAt, i18n.language)}
            </Link>
          </th>
          <td>{m.forumName}</td>
          <td>{t(`meetings.type.${m.meetingType}`)}</td>
          <td>{m.place ?? (m.videoLink ? t('meetings.video') : '–')}</td>
          <td>{t(`meetings.status.${m.status}`)}</td>
        </tr>
      ))}
    </CompactTable>
  );
}

/** The forum filter, for those who may read the forums (a partner guest sees no forums). */
function ForumFilter({ value, onChange }: { value: string | null; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const forums = useForumList();
  return (
    <div className="form-group mr-6">
      <label className="form-label" htmlFor={id}>
        {t('meetings.list.forumFilter')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('meetings.list.allForums')}</option>
        {(forums.data ?? []).map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
}
