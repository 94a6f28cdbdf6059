import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWatch } from 'react-hook-form';
import {
  BackdateFields,
  DateInput,
  Form,
  isBackdated,
  MutationFailure,
  RadioGroup,
  renameServerErrors,
  TextArea,
  useZodForm,
} from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import {
  CONCERN_LEVELS,
  addFollowUp,
  recordFollowUp,
  type FollowUpItem,
  type PlanGoal,
} from './followUpsApi';
import {
  recordBody,
  recordDefaults,
  recordRename,
  RecordSchema,
  type RecordedBody,
} from './followUpValues';
import { CompetenceFields, GoalFields } from './RecordFields';

const SUMMARY_MAX = 8000;

/**
 * Records a follow-up as held: a scheduled one (with its version read, so a stale save is
 * refused) or one that was not scheduled. The concern level judged again, a summary, the
 * progress of the approved plan's goals and optional ratings of the ten life competences.
 */
export function RecordForm({
  caseId,
  followUp,
  goals,
  openedOn,
  onClose,
  onDone,
}: {
  caseId: string;
  /** The case's opening day: a follow-up held before it asks why it is recorded now. */
  openedOn: string;
  followUp: FollowUpItem | null;
  goals: PlanGoal[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(RecordSchema, {
    defaultValues: recordDefaults(goals),
    messages: { concernLevel: { required: 'followUps.record.levelMissing' } },
  });
  const heldOn = useWatch({ control: form.control, name: 'heldOn' });
  const mutation = useMutation({
    mutationFn: (body: RecordedBody) =>
      followUp
        ? recordFollowUp(caseId, followUp.id, { version: followUp.version, ...body })
        : addFollowUp(caseId, { id: clientId, ...body }),
    onSuccess: async (_result, body) => {
      onDone(t('followUps.record.done', { date: formatDate(body.heldOn) }));
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  const heading = followUp
    ? t('followUps.record.headingScheduled', { date: formatDate(followUp.dueOn) })
    : t('followUps.record.headingUnscheduled');

  return (
    <section aria-label={heading} className="case-section follow-up-form">
      <h3>{heading}</h3>
      <MutationFailure
        mutations={mutation}
        headingLevel="h4"
        text={t('followUps.stale')}
        reloadLabel={t('followUps.reload')}
        onReload={() =>
          queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] }).then(() => onClose())
        }
      />
      <Form
        id={`record-${followUp?.id ?? caseId}`}
        form={form}
        onSubmit={(values) =>
          mutation.mutateAsync(recordBody(values, openedOn)).catch((failure: unknown) => {
            throw renameServerErrors(failure, recordRename(form.getValues()));
          })
        }
        error={mutation.error}
        errorTitle={t('followUps.record.error')}
      >
        <DateInput
          name="heldOn"
          label={t('followUps.record.heldOn')}
          hint={t('followUps.record.heldOnHint')}
        />
        <BackdateFields show={isBackdated(heldOn, openedOn)} />
        <RadioGroup
          name="concernLevel"
          label={t('cases.concernLevel.label')}
          hint={t('cases.concernLevel.help')}
          options={CONCERN_LEVELS.map((l) => ({ value: l, label: t(`cases.concernLevel.${l}`) }))}
        />
        <TextArea
          name="summary"
          label={t('followUps.record.summary')}
          hint={t('followUps.record.summaryHint')}
          rows={5}
          maxLength={SUMMARY_MAX}
        />
        <GoalFields goals={goals} />
        <CompetenceFields />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('followUps.record.saving') : t('followUps.record.submit')}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('followUps.record.close')}
        </button>
      </Form>
    </section>
  );
}
