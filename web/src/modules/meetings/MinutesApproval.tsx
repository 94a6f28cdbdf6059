import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NewMinutesVersionBody } from '../../../../server/modules/meetings/minutes-schema.ts';
import { Checkbox, Form, TextArea, useZodForm } from '../../ui/form';
import { approveMinutes, newMinutesVersion, type MinutesView } from './minutesApi';

const ApproveForm = z.object({ noPersonalDataConfirmed: z.boolean() });
const CorrectionForm = NewMinutesVersionBody.pick({ reason: true });

/**
 * The chair's approval of the draft (the Infohus network: with the confirmation that the minutes
 * hold no personal data, which the server requires) and, once approved, a correction as a new
 * version with its reason. Each shown only when the server's abilities allow it.
 */
export function MinutesApproval({
  view,
  meetingId,
  onChanged,
}: {
  view: MinutesView;
  meetingId: string;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const version = view.minutes?.version ?? 0;
  const approveForm = useZodForm(ApproveForm, {
    defaultValues: { noPersonalDataConfirmed: false },
  });
  const approve = useMutation({
    mutationFn: (v: { noPersonalDataConfirmed: boolean }) =>
      approveMinutes(meetingId, { version, ...v }),
    onSuccess: onChanged,
  });
  const correctionForm = useZodForm(CorrectionForm, { defaultValues: { reason: '' } });
  const correct = useMutation({
    mutationFn: (v: { reason: string }) => newMinutesVersion(meetingId, { version, ...v }),
    onSuccess: onChanged,
  });
  return (
    <>
      {view.abilities.approve && (
        <section aria-labelledby="minutes-approve">
          <h2 id="minutes-approve">{t('minutes.approve.heading')}</h2>
          <Form
            id="minutes-approve-form"
            form={approveForm}
            summary={false}
            onSubmit={(v) => approve.mutateAsync(v)}
            error={approve.error}
            errorTitle={t('minutes.approve.error')}
          >
            {view.abilities.confirmNoPersonalData && (
              <Checkbox name="noPersonalDataConfirmed" label={t('minutes.approve.confirm')} />
            )}
            <button type="submit" className="button button-primary" disabled={approve.isPending}>
              {t('minutes.approve.submit')}
            </button>
          </Form>
        </section>
      )}
      {view.abilities.newVersion && (
        <section aria-labelledby="minutes-correct">
          <h2 id="minutes-correct">{t('minutes.newVersion.heading')}</h2>
          <Form
            id="minutes-correct-form"
            form={correctionForm}
            summary={false}
            onSubmit={(v) => correct.mutateAsync(v)}
            error={correct.error}
            errorTitle={t('minutes.newVersion.error')}
          >
            <TextArea name="reason" label={t('minutes.newVersion.reason')} maxLength={2000} />
            <button type="submit" className="button button-secondary" disabled={correct.isPending}>
              {t('minutes.newVersion.submit')}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
