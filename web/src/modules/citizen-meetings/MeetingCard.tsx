import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';
import {
  summaryPdfUrl,
  type CitizenMeeting,
  type ContactAbilities,
  type ContactOwner,
} from './citizenMeetingsApi';
import { HeldForm } from './HeldForm';
import { MeetingDetails } from './MeetingDetails';
import { PreparationForm } from './PreparationForm';
import type { Colleague } from './people';
import { ReflectionForm } from './ReflectionForm';

type Mode = 'view' | 'preparation' | 'held' | 'reflection';

/**
 * One meeting with the citizen: its state (planned, held), the precautions the risk check calls
 * for (shown on the meeting), a warning while the risk check is unfinished, the details, the
 * summary PDF for the citizen once held, and the actions the abilities allow.
 */
export function MeetingCard({
  owner,
  meeting,
  abilities,
  colleagues,
}: {
  owner: ContactOwner;
  meeting: CitizenMeeting;
  abilities: ContactAbilities;
  colleagues: Colleague[];
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const view = () => setMode('view');
  const pdf = meeting.heldOn ? summaryPdfUrl(owner, meeting.id) : null;

  return (
    <article className="citizen-meeting" aria-labelledby={`citizen-meeting-${meeting.id}`}>
      <h4 id={`citizen-meeting-${meeting.id}`}>
        {t('citizenMeetings.meetings.meetingOf', {
          purpose: t(`citizenMeetings.purposes.${meeting.purpose}`),
        })}
      </h4>
      <p>
        {meeting.heldOn
          ? t('citizenMeetings.meetings.heldOn', { date: formatDate(meeting.heldOn) })
          : meeting.plannedOn
            ? t('citizenMeetings.meetings.planned', { date: formatDate(meeting.plannedOn) })
            : t('citizenMeetings.meetings.notHeld')}
      </p>
      {meeting.precautions && (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-heading">{t('citizenMeetings.meetings.precautions')}</p>
            <p className="alert-text">{meeting.precautions}</p>
          </div>
        </div>
      )}
      {!meeting.heldOn && !meeting.riskCheckComplete && (
        <div className="alert alert-info">
          <div className="alert-body">
            <p className="alert-text">{t('citizenMeetings.meetings.riskMissing')}</p>
          </div>
        </div>
      )}
      {mode === 'view' && (
        <>
          <MeetingDetails meeting={meeting} />
          <p className="citizen-meeting-actions">
            {pdf && (
              <a className="button button-secondary" href={pdf} download>
                {t('citizenMeetings.meetings.summaryPdf')}
              </a>
            )}
            {abilities.write && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setMode('preparation')}
                >
                  {t('citizenMeetings.meetings.edit')}
                </button>{' '}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setMode('held')}
                >
                  {meeting.heldOn
                    ? t('citizenMeetings.meetings.editHeld')
                    : t('citizenMeetings.meetings.markHeld')}
                </button>
              </>
            )}
            {abilities.write && abilities.compartment && meeting.heldOn && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setMode('reflection')}
                >
                  {t('citizenMeetings.meetings.reflect')}
                </button>
              </>
            )}
          </p>
        </>
      )}
      {mode === 'preparation' && (
        <PreparationForm
          owner={owner}
          meeting={meeting}
          colleagues={colleagues}
          compartment={abilities.compartment}
          lastReflection={null}
          onDone={view}
          onCancel={view}
        />
      )}
      {mode === 'held' && (
        <HeldForm
          owner={owner}
          meeting={meeting}
          compartment={abilities.compartment}
          onDone={view}
          onCancel={view}
        />
      )}
      {mode === 'reflection' && (
        <ReflectionForm owner={owner} meeting={meeting} onDone={view} onCancel={view} />
      )}
    </article>
  );
}
