import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, Form, useZodForm } from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { addFollowUp } from './followUpsApi';
import { ScheduleSchema } from './followUpValues';

/** Schedules one more follow-up on a date (a retry with the same client id does nothing twice). */
export function ScheduleForm({
  caseId,
  onDone,
}: {
  caseId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(ScheduleSchema, { defaultValues: { dueOn: '' } });
  const mutation = useMutation({
    mutationFn: (dueOn: string) => addFollowUp(caseId, { id: clientId, dueOn }),
    onSuccess: async (_result, dueOn) => {
      onDone(t('followUps.schedule.done', { date: formatDate(dueOn) }));
      form.reset();
      setClientId(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  return (
    <section aria-labelledby={headingId} className="case-section follow-up-form">
      <h3 id={headingId}>{t('followUps.schedule.heading')}</h3>
      <Form
        id={`schedule-${caseId}`}
        form={form}
        summary={false}
        onSubmit={(values) => mutation.mutateAsync(values.dueOn)}
        error={mutation.error}
        errorTitle={t('followUps.schedule.error')}
      >
        <DateInput
          name="dueOn"
          label={t('followUps.schedule.dueOn')}
          hint={t('followUps.schedule.hint')}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('followUps.schedule.submit')}
        </button>
      </Form>
    </section>
  );
}
