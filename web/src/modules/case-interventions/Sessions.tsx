import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  DateInput,
  focusAfterSave,
  Form,
  SuccessMessage,
  TextArea,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import { addSession, type CaseIntervention } from './interventionsApi';
import { emptySession, SessionFormSchema } from './interventionValues';
import { useRefreshCase } from './shared';

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
                  date: formatDate(s.heldOn),
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
  const refresh = useRefreshCase();
  const form = useZodForm(SessionFormSchema, { defaultValues: emptySession() });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof SessionFormSchema>) =>
      addSession(detail.id, intervention.id, body),
    onSuccess: async (created, body) => {
      // The day stays for the next note; the note starts empty.
      form.reset({ heldOn: body.heldOn, note: '' });
      setSaved(true);
      await refresh();
      focusAfterSave(`session-${created.id}`);
    },
  });
  return (
    <Form
      form={form}
      onSubmit={(body) => {
        setSaved(false);
        return mutation.mutateAsync(body);
      }}
      error={mutation.error}
      errorTitle={t('caseInterventions.sessions.error')}
    >
      <fieldset>
        <legend className="h5">{t('caseInterventions.sessions.formHeading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.sessions.success')}</SuccessMessage>}
        <DateInput name="heldOn" label={t('caseInterventions.sessions.heldOn')} />
        <TextArea
          name="note"
          label={t('caseInterventions.sessions.note')}
          hint={t('caseInterventions.sessions.noteHint')}
          rows={5}
          maxLength={10000}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.sessions.submit')}
        </button>
      </fieldset>
    </Form>
  );
}
