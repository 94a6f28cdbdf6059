import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DateInput, Form, Select, TextArea, TextInput, useZodForm } from '../../ui/form';
import { useAreaContext } from '../housing-areas/areaContext';
import {
  AREA_INTERVENTION_KINDS,
  CreateAreaInterventionBody,
  createIntervention,
  interventionsKey,
  type AreaInterventionKind,
} from './areaWorkApi';

/** The form holds the body without its client id and connectors (chosen on the area plan). */
const FormValues = CreateAreaInterventionBody.omit({ id: true, connectorIds: true });

/**
 * A new area intervention (/boligomraader/:id/indsatser/ny): an intervention for the area and
 * its civil society, or an upskilling course or theme day with its target group and the number
 * of participants planned. No CPR number in any text (the server says so on the field).
 */
export function NewInterventionForm() {
  const { t } = useTranslation();
  const { area } = useAreaContext();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm(FormValues, {
    defaultValues: {
      kind: 'upskilling' as AreaInterventionKind,
      title: '',
      description: null,
      targetGroup: null,
      startsOn: null,
      endsOn: null,
      plannedParticipants: null,
      actualParticipants: null,
      nextFollowUpOn: null,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof FormValues._output) =>
      createIntervention(area.id, { ...values, id: crypto.randomUUID(), connectorIds: [] }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: interventionsKey(area.id) });
      await navigate(`../${created.id}`, { relative: 'path' });
    },
  });
  if (!area.abilities.writeInterventions) return <p>{t('areaWork.interventions.notAllowed')}</p>;
  return (
    <section>
      <h2>{t('areaWork.interventions.new')}</h2>
      <Form
        id="area-intervention"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('areaWork.interventions.saveError')}
      >
        <Select name="kind" label={t('areaWork.interventions.kind')}>
          {AREA_INTERVENTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`areaWork.kind.${k}`)}
            </option>
          ))}
        </Select>
        <TextInput
          name="title"
          label={t('areaWork.interventions.title')}
          maxLength={200}
          required
        />
        <TextArea
          name="description"
          label={t('areaWork.interventions.description')}
          hint={t('areaWork.interventions.noCpr')}
          empty="null"
          maxLength={4000}
        />
        <TextInput
          name="targetGroup"
          label={t('areaWork.interventions.targetGroup')}
          empty="null"
          maxLength={500}
        />
        <DateInput name="startsOn" label={t('areaWork.interventions.startsOn')} empty="null" />
        <DateInput name="endsOn" label={t('areaWork.interventions.endsOn')} empty="null" />
        <TextInput
          name="plannedParticipants"
          label={t('areaWork.interventions.plannedParticipants')}
          asNumber
          empty="null"
          widthClass="input-char-8"
        />
        <TextInput
          name="actualParticipants"
          label={t('areaWork.interventions.actualParticipants')}
          asNumber
          empty="null"
          widthClass="input-char-8"
        />
        <DateInput
          name="nextFollowUpOn"
          label={t('areaWork.interventions.nextFollowUp')}
          empty="null"
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('areaWork.interventions.create')}
          </button>
          <Link to=".." relative="path" className="button button-secondary">
            {t('areaWork.interventions.cancel')}
          </Link>
        </div>
      </Form>
    </section>
  );
}
