import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { MinutesApproval } from './MinutesApproval';
import { MinutesAttendance } from './MinutesAttendance';
import { MinutesItemCard } from './MinutesItem';
import { MinutesTasks } from './MinutesTasks';
import {
  minutesPdfUrl,
  startMinutes,
  useMinutes,
  useMinutesChanged,
  type MinutesView,
} from './minutesApi';

/** The Danish day of an instant, dd.mm.åååå. */
const dayOf = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleDateString('da-DK', {
        timeZone: 'Europe/Copenhagen',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      })
    : '';

/**
 * The minutes of a meeting, `/moeder/:id/referat` (issue 14 part 4): per item what was assessed
 * and decided (a decision chosen by the item's kind acts on the record through its own rules),
 * who was present, the tasks, the chair's approval and corrections as new versions, and the PDF.
 * Every action is shown from the abilities the server sends; approved minutes are read-only.
 */
export function MinutesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const versionNo = Number(search.get('version')) || undefined;
  const query = useMinutes(id, versionNo);
  return (
    <QueryState query={query} loading={t('minutes.loading')} loadError={t('minutes.loadError')}>
      {(view) => (
        <MinutesContent
          view={view}
          meetingId={id}
          versionNo={versionNo}
          onVersion={(n) => setSearch(n ? { version: String(n) } : {})}
        />
      )}
    </QueryState>
  );
}

function MinutesContent({
  view,
  meetingId,
  versionNo,
  onVersion,
}: {
  view: MinutesView;
  meetingId: string;
  versionNo: number | undefined;
  onVersion: (n: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const changed = useMinutesChanged(meetingId);
  const start = useMutation({ mutationFn: () => startMinutes(meetingId), onSuccess: changed });
  const minutes = view.minutes;
  const version = minutes?.version ?? 0;
  return (
    <>
      <PageHeading>{t('minutes.title', { forum: view.meeting.forumName })}</PageHeading>
      <p>
        {t('minutes.meetingDay', { date: dayOf(view.meeting.startsAt) })}
        {view.meeting.place ? ` · ${t('minutes.place', { place: view.meeting.place })}` : ''}
      </p>
      <p>
        <Link to={`/moeder/${meetingId}`}>{t('minutes.backToMeeting')}</Link>
        {minutes && (
          <>
            {' · '}
            <a href={minutesPdfUrl(meetingId, versionNo)}>{t('minutes.pdf')}</a>
          </>
        )}
      </p>

      {!minutes && <p>{t('minutes.notStarted')}</p>}
      {view.abilities.start && (
        <>
          {start.error ? <ErrorAlert title={t('minutes.startError')} error={start.error} /> : null}
          <button
            type="button"
            className="button button-primary"
            disabled={start.isPending}
            onClick={() => start.mutate()}
          >
            {t('minutes.start')}
          </button>
        </>
      )}

      {minutes && (
        <>
          <section aria-labelledby="minutes-versions">
            <h2 id="minutes-versions">{t('minutes.versions')}</h2>
            <ul className="nobullet-list">
              {view.versions.map((v) => (
                <li key={v.id}>
                  {v.versionNo === minutes.versionNo ? (
                    <strong>
                      {t('minutes.versionLabel', { number: v.versionNo })} ·{' '}
                      {t(`minutes.status.${v.status}`)}
                    </strong>
                  ) : (
                    <button
                      type="button"
                      className="button button-unstyled"
                      onClick={() => onVersion(v === view.versions[0] ? undefined : v.versionNo)}
                    >
                      {t('minutes.versionLabel', { number: v.versionNo })} ·{' '}
                      {t(`minutes.status.${v.status}`)}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {minutes.approvedAt && (
              <p>
                {t('minutes.approvedBy', {
                  name: minutes.approvedBy ?? '',
                  date: dayOf(minutes.approvedAt),
                })}
              </p>
            )}
            {minutes.noPersonalDataConfirmedAt && (
              <p>
                {t('minutes.noPersonalDataConfirmedBy', {
                  name: minutes.noPersonalDataConfirmedBy ?? '',
                })}
              </p>
            )}
            {minutes.correctionReason && (
              <p>{t('minutes.correction', { reason: minutes.correctionReason })}</p>
            )}
            {minutes.status === 'approved' && <p className="form-hint">{t('minutes.readOnly')}</p>}
          </section>

          <MinutesAttendance view={view} meetingId={meetingId} onChanged={changed} />

          <section aria-labelledby="minutes-items">
            <h2 id="minutes-items">{t('minutes.items.heading')}</h2>
            {view.items.length === 0 && <p>{t('minutes.items.empty')}</p>}
            {view.items.map((item) => (
              <MinutesItemCard
                key={`${item.agendaItemId}-${version}`}
                item={item}
                meetingId={meetingId}
                version={version}
                writable={view.abilities.write}
                onChanged={changed}
              />
            ))}
          </section>

          <MinutesTasks view={view} meetingId={meetingId} onChanged={changed} />
          <MinutesApproval view={view} meetingId={meetingId} onChanged={changed} />
        </>
      )}
    </>
  );
}
