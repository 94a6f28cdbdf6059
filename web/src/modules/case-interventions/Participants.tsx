import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup, useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ChangeDetails } from './ChangeDetails';
import type { CaseIntervention, InterventionForm } from './interventionsApi';
import { participantsFormSchema, participantsValues } from './interventionValues';

/**
 * Who takes part in an intervention: one person, or a family or group (a family conversation, a
 * group talk, a network meeting) with everyone taking part ticked among the case's persons. The
 * main person is ticked when chosen; the server checks the rest (two or more for a group).
 */

const FORMS: InterventionForm[] = ['individual', 'group'];

/** The form (`form`) and, for a family or group, the participants (`participantIds`). */
export function ParticipantFields({
  persons,
  mainPersonId,
}: {
  persons: CaseDetail['persons'];
  /** The main person: ticked as soon as they are chosen. */
  mainPersonId: string;
}) {
  const { t } = useTranslation();
  const { control, getValues, setValue } = useFormContext<{ participantIds: string[] }>();
  useEffect(() => {
    const ticked = getValues('participantIds');
    if (mainPersonId && !ticked.includes(mainPersonId)) {
      setValue('participantIds', [mainPersonId, ...ticked]);
    }
  }, [mainPersonId, getValues, setValue]);
  // Re-render when the ticks change, so the group shows them.
  useWatch({ control, name: 'participantIds' });
  return (
    <RadioGroup<InterventionForm>
      name="form"
      label={t('caseInterventions.participants.form')}
      hint={t('caseInterventions.participants.formHint')}
      options={FORMS.map((form) => ({
        value: form,
        label: t(`caseInterventions.participants.forms.${form}`),
      }))}
      detail={(form) =>
        form === 'group' ? (
          <CheckboxGroup
            name="participantIds"
            label={t('caseInterventions.participants.label')}
            hint={t('caseInterventions.participants.hint')}
            options={persons.map((p) => ({
              value: p.id,
              label: t('caseInterventions.common.personOption', {
                name: p.name,
                role: t(`cases.personRoles.${p.role}`),
              }),
            }))}
          />
        ) : null
      }
    />
  );
}

/** The participants in words: "Mor Holm (forælder), Pige Holm (borger)". */
export function participantsText(t: TFunction, intervention: CaseIntervention): string {
  return intervention.participants
    .map((p) =>
      t('caseInterventions.common.personOption', {
        name: p.name,
        role: t(`cases.personRoles.${p.role}`),
      }),
    )
    .join(', ');
}

/** Changes who takes part in a planned, running or paused intervention. */
export function ParticipantsForm({
  detail,
  intervention,
  headingId,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  /** The intervention's heading, where focus goes after saving. */
  headingId: string;
}) {
  const form = useZodForm(participantsFormSchema(intervention.person.id), {
    defaultValues: participantsValues(intervention),
  });
  return (
    <ChangeDetails
      detail={detail}
      intervention={intervention}
      headingId={headingId}
      form={form}
      change="participants"
    >
      <ParticipantFields persons={detail.persons} mainPersonId={intervention.person.id} />
    </ChangeDetails>
  );
}
