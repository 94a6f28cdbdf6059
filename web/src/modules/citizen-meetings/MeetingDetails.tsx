import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import type { CitizenMeeting } from './citizenMeetingsApi';
import type daTexts from './locales/da.json';

type FieldKey = keyof (typeof daTexts)['citizenMeetings']['fields'];

/** A label and its text; an empty value is a dash. */
function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="case-text">{value ?? '–'}</dd>
    </>
  );
}

/**
 * What was prepared, what happened and the reflection, read-only. Compartment fields the server
 * left out (the caller has no compartment) are shown as the neutral marker.
 */
export function MeetingDetails({ meeting }: { meeting: CitizenMeeting }) {
  const { t } = useTranslation();
  const f = (key: FieldKey) => t(`citizenMeetings.fields.${key}`);
  const hidden = t('citizenMeetings.compartmentHidden');
  const inCompartment = <K extends keyof CitizenMeeting>(
    key: K,
    show: (v: CitizenMeeting[K]) => string | null,
  ) => (key in meeting ? show(meeting[key]) : hidden);

  return (
    <>
      <h4>{t('citizenMeetings.meetings.preparation')}</h4>
      <dl className="case-facts">
        <Fact label={f('purpose')} value={t(`citizenMeetings.purposes.${meeting.purpose}`)} />
        <Fact label={f('expectedOutcome')} value={meeting.expectedOutcome} />
        <Fact label={f('agenda')} value={meeting.agenda} />
        <Fact label={f('place')} value={meeting.place} />
        <Fact label={f('placeReason')} value={meeting.placeReason} />
        <Fact label={f('roles')} value={meeting.roles} />
        <Fact label={f('colleagueCheckBy')} value={meeting.colleagueCheckBy?.name} />
        <Fact
          label={f('colleagueCheckOutcome')}
          value={inCompartment('colleagueCheckOutcome', (v) => v ?? null)}
        />
        <Fact label={f('communicationApproach')} value={meeting.communicationApproach} />
      </dl>
      <ScrollTable label={f('riskCheck')}>
        <table className="table table--compact case-table">
          <caption>{f('riskCheck')}</caption>
          <tbody>
            {meeting.riskCheck.map((r) => (
              <tr key={r.item}>
                <th scope="row">{t(`citizenMeetings.riskItems.${r.item}`)}</th>
                <td>{r.answer ? t(`citizenMeetings.riskAnswers.${r.answer}`) : '–'}</td>
                <td className="case-text">{r.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <dl className="case-facts">
        <Fact label={f('riskConclusion')} value={meeting.riskConclusion} />
      </dl>
      {meeting.heldOn && (
        <>
          <h4>{t('citizenMeetings.meetings.meeting')}</h4>
          <dl className="case-facts">
            <Fact label={f('heldOn')} value={formatDate(meeting.heldOn)} />
            <Fact
              label={f('citizenPerspective')}
              value={inCompartment('citizenPerspective', (v) => v ?? null)}
            />
            <Fact
              label={f('stageOfChange')}
              value={inCompartment('stageOfChange', (v) =>
                v ? t(`citizenMeetings.stages.${v}`) : null,
              )}
            />
            <Fact label={f('summary')} value={meeting.summary} />
            <Fact label={f('agreements')} value={meeting.agreements} />
            <Fact
              label={f('rightsTold')}
              value={
                meeting.rightsTold.map((r) => t(`citizenMeetings.rights.${r}`)).join(', ') || null
              }
            />
            <Fact
              label={t('citizenMeetings.meetings.lifeline')}
              value={
                meeting.lifeline
                  ? [
                      meeting.lifeline.who,
                      meeting.lifeline.phone,
                      meeting.lifeline.email,
                      meeting.lifeline.address,
                      meeting.lifeline.when,
                    ]
                      .filter(Boolean)
                      .join(', ')
                  : null
              }
            />
            <Fact
              label={f('nextMeetingOn')}
              value={meeting.nextMeetingOn ? formatDate(meeting.nextMeetingOn) : null}
            />
          </dl>
        </>
      )}
      {'reflection' in meeting && meeting.reflection && (
        <>
          <h4>{t('citizenMeetings.meetings.reflection')}</h4>
          <dl className="case-facts">
            <Fact label={f('worked')} value={meeting.reflection.worked} />
            <Fact label={f('change')} value={meeting.reflection.change} />
            <Fact label={f('motivation')} value={meeting.reflection.motivation} />
            <Fact label={f('resistance')} value={meeting.reflection.resistance} />
          </dl>
        </>
      )}
    </>
  );
}
