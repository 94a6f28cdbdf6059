import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { QueryState } from '../../ui/QueryState';
import { Form, Select, TextArea, useZodForm } from '../../ui/form';
import { useCase } from '../cases/casesApi';
import { typeName } from '../case-interventions/shared';
import { useCatalogue, type InterventionType } from '../interventions/catalogueApi';
import type { MinutesActionInput } from './minutesApi';

/**
 * A new intervention decided at the meeting (issue 14 part 4): an offer of the municipality's
 * catalogue for one of the case's persons, with its purpose. The case-interventions module makes
 * it with its own rules (consent, the catalogue, the persons of the case), so a refusal comes back
 * with its message; the provider, the period and a family or group are set on the case's page.
 */
const InterventionForm = z.object({
  interventionTypeId: z.uuid(),
  personId: z.uuid(),
  purpose: z.string().trim().max(2000).nullable(),
});

export function InterventionDecision({
  itemId,
  caseId,
  submit,
  error,
  pending,
}: {
  itemId: string;
  caseId: string;
  submit: (action: MinutesActionInput) => Promise<unknown>;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const detail = useCase(caseId);
  // Only offers in use may be chosen (the catalogue's `active` filter).
  const catalogue = useCatalogue({ active: 'true' });
  return (
    <QueryState
      query={detail}
      loading={t('minutes.decide.loading')}
      loadError={t('minutes.decide.loadError')}
    >
      {(kase) => (
        <QueryState
          query={catalogue}
          loading={t('minutes.decide.loading')}
          loadError={t('minutes.decide.loadError')}
        >
          {(types) => (
            <InterventionFields
              itemId={itemId}
              persons={kase.persons}
              types={types}
              submit={submit}
              error={error}
              pending={pending}
            />
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

export function InterventionFields({
  itemId,
  persons,
  types,
  submit,
  error,
  pending,
}: {
  itemId: string;
  persons: { id: string; name: string }[];
  types: InterventionType[];
  submit: (action: MinutesActionInput) => Promise<unknown>;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const form = useZodForm(InterventionForm, {
    defaultValues: {
      interventionTypeId: '',
      personId: persons.length === 1 ? (persons[0]?.id ?? '') : '',
      purpose: '',
    },
  });
  return (
    <Form
      id={`minutes-intervention-${itemId}`}
      form={form}
      summary={false}
      onSubmit={(v) =>
        submit({
          kind: 'intervention_added',
          intervention: {
            id: crypto.randomUUID(),
            interventionTypeId: v.interventionTypeId,
            personId: v.personId,
            ...(v.purpose && { purpose: v.purpose }),
          },
        })
      }
      error={error}
      errorTitle={t('minutes.decide.error')}
    >
      <Select name="interventionTypeId" label={t('minutes.decide.interventionType')}>
        <option value="">{t('minutes.decide.choose')}</option>
        {types.map((type) => (
          <option key={type.id} value={type.id}>
            {typeName(t, type)}
          </option>
        ))}
      </Select>
      <Select name="personId" label={t('minutes.decide.interventionPerson')}>
        <option value="">{t('minutes.decide.choose')}</option>
        {persons.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <TextArea
        name="purpose"
        label={t('minutes.decide.interventionPurpose')}
        hint={t('minutes.decide.interventionHint')}
        empty="null"
        maxLength={2000}
      />
      <button type="submit" className="button button-primary" disabled={pending}>
        {t('minutes.decide.submit')}
      </button>
    </Form>
  );
}
