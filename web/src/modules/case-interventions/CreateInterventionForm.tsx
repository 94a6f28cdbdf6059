import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  BackdateFields,
  DateInput,
  dayOf,
  isBackdated,
  Select,
  TextArea,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { PersonSelect, ProviderFields } from './formParts';
import { createIntervention, type CaseInterventions } from './interventionsApi';
import { CreateInterventionFormSchema, emptyIntervention } from './interventionValues';
import { ParticipantFields } from './Participants';
import { RecordForm } from './RecordForm';
import { typeLegalBasis, typeName } from './shared';
import { LEVELS } from '../interventions/catalogueApi';

/**
 * A new intervention from the municipality's catalogue for one of the case's persons (or for a
 * family or group with them), with its provider, purpose and planned period. It starts as planned.
 */
export function CreateInterventionForm({
  detail,
  data,
}: {
  detail: CaseDetail;
  data: CaseInterventions;
}) {
  const { t } = useTranslation();
  const form = useZodForm(CreateInterventionFormSchema, {
    defaultValues: emptyIntervention(detail.persons),
  });
  const typeId = useWatch({ control: form.control, name: 'interventionTypeId' });
  const chosen = data.catalogue.find((c) => c.id === typeId);
  const [startsOn, endsOn] = useWatch({ control: form.control, name: ['startsOn', 'endsOn'] });
  const personId = useWatch({ control: form.control, name: 'personId' });
  const openedOn = dayOf(detail.openedAt);

  return (
    <RecordForm
      form={form}
      save={(body) => createIntervention(detail.id, body)}
      next={() => emptyIntervention(detail.persons)}
      focusTo={(created) => `intervention-${created.id}`}
      legend={t('caseInterventions.create.heading')}
      success={t('caseInterventions.create.success')}
      errorTitle={t('caseInterventions.create.error')}
      submit={t('caseInterventions.create.submit')}
    >
      {data.catalogue.length === 0 ? (
        <p>{t('caseInterventions.create.noCatalogue')}</p>
      ) : (
        <>
          <Select
            name="interventionTypeId"
            label={t('caseInterventions.create.type')}
            hint={t('caseInterventions.create.typeHint')}
          >
            <option value="">{t('caseInterventions.common.choose')}</option>
            {LEVELS.map((level) => {
              const entries = data.catalogue.filter((c) => c.level === level);
              if (entries.length === 0) return null;
              return (
                <optgroup key={level} label={t(`caseInterventions.levels.${level}`)}>
                  {entries.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.consentRequired
                        ? t('caseInterventions.create.optionConsent', { name: typeName(t, c) })
                        : typeName(t, c)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </Select>
          {chosen && (
            <dl className="case-facts" aria-live="polite">
              <dt>{t('caseInterventions.interventions.columns.level')}</dt>
              <dd>{t(`caseInterventions.levels.${chosen.level}`)}</dd>
              <dt>{t('caseInterventions.create.ageGroup')}</dt>
              <dd>{t(`caseInterventions.ageGroups.${chosen.ageGroup}`)}</dd>
              <dt>{t('caseInterventions.interventions.columns.legalBasis')}</dt>
              <dd>{typeLegalBasis(t, chosen)}</dd>
              <dt>{t('caseInterventions.interventions.consent')}</dt>
              <dd>
                {chosen.consentRequired
                  ? t('caseInterventions.create.consentYes')
                  : t('caseInterventions.create.consentNo')}
              </dd>
            </dl>
          )}
        </>
      )}
      <PersonSelect persons={detail.persons} label={t('caseInterventions.create.person')} />
      <ParticipantFields persons={detail.persons} mainPersonId={personId} />
      <ProviderFields providers={data.providers} kinds={['user', 'external', 'none']} />
      <TextArea
        name="purpose"
        label={t('caseInterventions.create.purpose')}
        hint={t('caseInterventions.create.purposeHint')}
        rows={3}
        maxLength={2000}
      />
      <DateInput name="startsOn" label={t('caseInterventions.create.startsOn')} />
      <DateInput name="endsOn" label={t('caseInterventions.create.endsOn')} />
      <BackdateFields show={isBackdated(startsOn, openedOn) || isBackdated(endsOn, openedOn)} />
    </RecordForm>
  );
}
