import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWatch } from 'react-hook-form';
import { BackdateFields, DateInput, dayOf, isBackdated, TextArea, useZodForm } from '../../ui/form';
import { backdatedText } from '../../ui/backdatedText';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import { addSession, type CaseIntervention } from './interventionsApi';
import { emptySession, SessionFormSchema } from './interventionValues';
import { RecordForm } from './RecordForm';

/** The session notes of an intervention, newest first. */
export function Sessions({ intervention }: { intervention: CaseIntervention }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div aria-labelledby={headingId} role="region">
      <h5 id={headingId} className="h5">
        {t('caseInterventions.sessions.heading')}
      </h5>
      {intervention.sessions.length === 0 ? (
        <p>{t('caseInterventions.sessions.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {intervention.sessions.map((s) => (
            <li key={s.id} id={`session-${s.id}`} className="case-section">
              <p className="form-hint">
                {t('caseInterventions.sessions.meta', {
                  date: s.backdateReason
                    ? backdatedText(s.heldOn, s.createdAt, s.backdateReason)
                    : formatDate(s.heldOn),
                  author: s.authorName,
                  recorded: formatDateTime(s.createdAt),
                })}
              </p>
              <p className="case-text">{s.note}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A new session note: the day of the meeting and what happened. */
export function SessionForm({
  detail,
  intervention,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
}) {
  const { t } = useTranslation();
  const form = useZodForm(SessionFormSchema, { defaultValues: emptySession() });
  const heldOn = useWatch({ control: form.control, name: 'heldOn' });
  return (
    <RecordForm
      form={form}
      save={(body) => addSession(detail.id, intervention.id, body)}
      // The day stays for the next note; the note starts empty.
      next={(_, body) => emptySession(body.heldOn)}
      focusTo={(created) => `session-${created.id}`}
      legend={t('caseInterventions.sessions.formHeading')}
      legendClass="h5"
      success={t('caseInterventions.sessions.success')}
      errorTitle={t('caseInterventions.sessions.error')}
      submit={t('caseInterventions.sessions.submit')}
    >
      <DateInput name="heldOn" label={t('caseInterventions.sessions.heldOn')} />
      <BackdateFields show={isBackdated(heldOn, dayOf(detail.openedAt))} />
      <TextArea
        name="note"
        label={t('caseInterventions.sessions.note')}
        hint={t('caseInterventions.sessions.noteHint')}
        rows={5}
        maxLength={10000}
      />
    </RecordForm>
  );
}
