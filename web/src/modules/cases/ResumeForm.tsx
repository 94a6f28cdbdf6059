import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ResumeChoiceSchema, StatusBody } from '../../../../server/modules/cases/schema.ts';
import { QueryState } from '../../ui/QueryState';
import { Form, RadioGroup, TextArea, useZodForm } from '../../ui/form';
import {
  useCaseInterventions,
  type CaseIntervention,
} from '../case-interventions/interventionsApi';
import { typeName } from '../case-interventions/shared';
import type { CaseDetail, StatusRequest } from './casesApi';

/** The longest reason the server takes (hold and resume alike). */
export const REASON_MAX = 2000;

/** Resuming: why (required, as for the hold), and a choice for each waiting intervention. */
const ResumeValues = z.object({
  reason: StatusBody.shape.reason.unwrap(),
  interventions: z.array(ResumeChoiceSchema),
});
type Values = z.infer<typeof ResumeValues>;

const isWaiting = (i: CaseIntervention) => i.status === 'planned' || i.status === 'paused';

/**
 * Resumes a case on hold (the case's coordinators): the reason goes into the chronology, and
 * each intervention that waits (planned or paused) is resumed or left as it is, as chosen here;
 * the running ones are named, as they simply go on.
 */
export function ResumeForm({
  detail,
  mutation,
  formProps,
}: {
  detail: CaseDetail;
  mutation: UseMutationResult<{ version: number }, Error, StatusRequest>;
  formProps: { id: string; className: string; error: unknown; errorTitle: string };
}) {
  const { t } = useTranslation();
  const interventions = useCaseInterventions(detail.id);
  return (
    <QueryState
      query={interventions}
      loading={t('cases.resume.loading')}
      loadError={t('cases.resume.loadError')}
    >
      {(data) => (
        <ResumeFields
          detail={detail}
          mutation={mutation}
          formProps={formProps}
          waiting={data.interventions.filter(isWaiting)}
          running={data.interventions.filter((i) => i.status === 'active')}
        />
      )}
    </QueryState>
  );
}

function ResumeFields({
  detail,
  mutation,
  formProps,
  waiting,
  running,
}: {
  detail: CaseDetail;
  mutation: UseMutationResult<{ version: number }, Error, StatusRequest>;
  formProps: { id: string; className: string; error: unknown; errorTitle: string };
  waiting: CaseIntervention[];
  running: CaseIntervention[];
}) {
  const { t } = useTranslation();
  const form = useZodForm(ResumeValues, {
    defaultValues: {
      reason: '',
      interventions: waiting.map((i) => ({ id: i.id, action: 'keep' as const })),
    },
  });
  const name = (i: CaseIntervention) =>
    t('cases.resume.interventionName', { name: typeName(t, i.type), person: i.person.name });
  return (
    <Form
      {...formProps}
      form={form}
      onSubmit={(values: Values) =>
        mutation.mutateAsync({ version: detail.version, status: 'active', ...values })
      }
    >
      <TextArea
        name="reason"
        label={t('cases.resume.reason')}
        hint={t('cases.resume.reasonHint')}
        widthClass="case-note-input"
        rows={3}
        maxLength={REASON_MAX}
      />
      {waiting.length > 0 && <p>{t('cases.resume.waitingIntro')}</p>}
      {waiting.map((i, index) => (
        <RadioGroup
          key={i.id}
          name={`interventions.${index}.action`}
          label={`${name(i)} (${t(`caseInterventions.statuses.${i.status}`)})`}
          options={[
            {
              value: 'resume',
              label:
                i.status === 'paused' ? t('cases.resume.resumePaused') : t('cases.resume.start'),
            },
            { value: 'keep', label: t('cases.resume.keep') },
          ]}
        />
      ))}
      {running.length > 0 && (
        <>
          <p>{t('cases.resume.runningIntro')}</p>
          <ul>
            {running.map((i) => (
              <li key={i.id}>{name(i)}</li>
            ))}
          </ul>
        </>
      )}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('cases.statusPanel.resume')}
      </button>
    </Form>
  );
}
