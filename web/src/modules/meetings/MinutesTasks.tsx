import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NewTaskBody } from '../../../../server/modules/meetings/minutes-schema.ts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DateInput, Form, Select, TextArea, formatDate, useZodForm } from '../../ui/form';
import { addTask, completeTask, type MinutesView } from './minutesApi';

/** The form's values: the body without the ids the client makes; the item as text ('' = none). */
const TaskForm = NewTaskBody.omit({ id: true, version: true, agendaItemId: true }).extend({
  agendaItemId: z.string(),
});

/**
 * The tasks the meeting gave out: each with its responsible person and deadline, "mark as done"
 * where the server allows it, and, while the caller writes the draft, a form for a new task (the
 * responsible person must be able to see the item's record: the server says so on the field).
 */
export function MinutesTasks({
  view,
  meetingId,
  onChanged,
}: {
  view: MinutesView;
  meetingId: string;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useZodForm(TaskForm, {
    defaultValues: { description: '', responsibleUserId: '', dueOn: '', agendaItemId: '' },
  });
  const add = useMutation({
    mutationFn: (v: z.output<typeof TaskForm>) =>
      addTask(meetingId, {
        ...v,
        version: view.minutes?.version ?? 0,
        agendaItemId: v.agendaItemId === '' ? null : v.agendaItemId,
      }),
    onSuccess: async () => {
      form.reset();
      await onChanged();
    },
  });
  const done = useMutation({
    mutationFn: (task: { id: string; version: number }) =>
      completeTask(meetingId, task.id, task.version),
    onSuccess: onChanged,
  });
  return (
    <section aria-labelledby="minutes-tasks">
      <h2 id="minutes-tasks">{t('minutes.tasks.heading')}</h2>
      {done.error ? <ErrorAlert title={t('minutes.tasks.doneError')} error={done.error} /> : null}
      {view.tasks.length === 0 ? (
        <p>{t('minutes.tasks.empty')}</p>
      ) : (
        <ul>
          {view.tasks.map((task) => (
            <li key={task.id}>
              {t('minutes.tasks.line', {
                description: task.description ?? t('minutes.items.textHidden'),
                name: task.responsible.name,
                date: formatDate(task.dueOn),
              })}
              {task.caseReference || task.inquiryReference
                ? ` (${task.caseReference ?? task.inquiryReference})`
                : ''}
              {task.done ? ` – ${t('minutes.tasks.done')}` : null}
              {task.mayMarkDone && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-unstyled"
                    disabled={done.isPending}
                    onClick={() => done.mutate({ id: task.id, version: task.version })}
                  >
                    {t('minutes.tasks.markDone')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.abilities.write && (
        <Form
          id="minutes-task"
          form={form}
          onSubmit={(v) => add.mutateAsync(v)}
          error={add.error}
          errorTitle={t('minutes.tasks.addError')}
        >
          <TextArea name="description" label={t('minutes.tasks.description')} maxLength={2000} />
          <Select name="agendaItemId" label={t('minutes.tasks.item')}>
            <option value="">{t('minutes.tasks.noItem')}</option>
            {view.items.map((item) => (
              <option key={item.agendaItemId} value={item.agendaItemId}>
                {item.position}. {item.caseReference ?? item.inquiryReference ?? item.title ?? ''}
              </option>
            ))}
          </Select>
          <Select name="responsibleUserId" label={t('minutes.tasks.responsible')}>
            <option value="">–</option>
            {view.attendance.participants.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </Select>
          <DateInput name="dueOn" label={t('minutes.tasks.dueOn')} />
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            {t('minutes.tasks.add')}
          </button>
        </Form>
      )}
    </section>
  );
}
