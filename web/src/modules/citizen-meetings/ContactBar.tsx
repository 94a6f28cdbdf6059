import { useTranslation } from 'react-i18next';
import { FAILED_CONTACT_OUTCOMES } from '../../../../shared/citizen-meetings.ts';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import type { ContactAttempt } from './citizenMeetingsApi';

/**
 * The contact bar (the seed's "kontaktbjælke"): the tries to reach the citizen in order, each
 * with its outcome, and a run of failed tries said at a glance above the table.
 */
export function ContactBar({
  attempts,
  failedRun,
}: {
  attempts: ContactAttempt[];
  failedRun: number;
}) {
  const { t } = useTranslation();
  if (attempts.length === 0) return <p>{t('citizenMeetings.bar.empty')}</p>;
  return (
    <>
      <ol className="contact-bar" aria-label={t('citizenMeetings.bar.heading')}>
        {attempts.map((a) => (
          <li
            key={a.id}
            className={
              FAILED_CONTACT_OUTCOMES.includes(a.outcome)
                ? 'contact-try failed'
                : 'contact-try reached'
            }
          >
            <span className="contact-try-date">{formatDate(a.attemptedOn)}</span>{' '}
            <span>{t(`citizenMeetings.channels.${a.channel}`)}</span>{' '}
            <strong>{t(`citizenMeetings.outcomes.${a.outcome}`)}</strong>
          </li>
        ))}
      </ol>
      {failedRun > 0 && (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('citizenMeetings.bar.failedRun', { count: failedRun })}</p>
          </div>
        </div>
      )}
      <CompactTable
        className="case-table"
        caption={t('citizenMeetings.bar.caption')}
        columns={[
          t('citizenMeetings.bar.date'),
          t('citizenMeetings.bar.channel'),
          t('citizenMeetings.bar.triedBy'),
          t('citizenMeetings.bar.outcome'),
          t('citizenMeetings.bar.next'),
        ]}
      >
        {attempts.map((a) => (
          <tr key={a.id}>
            <td>{formatDate(a.attemptedOn)}</td>
            <td>
              {t(`citizenMeetings.channels.${a.channel}`)}
              {a.bridgeBuilder && <> ({t('citizenMeetings.bar.via', { who: a.bridgeBuilder })})</>}
            </td>
            <td>{a.triedBy.name}</td>
            <td>
              {t(`citizenMeetings.outcomes.${a.outcome}`)}
              {a.note && <div className="case-text">{a.note}</div>}
            </td>
            <td>
              {a.nextOn && a.nextBy
                ? a.nextStep
                  ? t('citizenMeetings.bar.nextText', {
                      step: a.nextStep,
                      date: formatDate(a.nextOn),
                      who: a.nextBy.name,
                    })
                  : t('citizenMeetings.bar.nextNoStep', {
                      date: formatDate(a.nextOn),
                      who: a.nextBy.name,
                    })
                : (a.nextStep ?? '–')}
            </td>
          </tr>
        ))}
      </CompactTable>
    </>
  );
}
