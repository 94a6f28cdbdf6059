import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { UpdatePersonBody } from '../../../../server/modules/persons/schema.ts';
import { isStale } from '../../app/api';
import { DateInput, Form, TextInput, useZodForm } from '../../ui/form';
import { updatePerson, useInvalidatePersons, type Person, type UpdatePerson } from './personsApi';
import { PersonStale } from './PersonStale';

interface PersonEditFormProps {
  person: Person;
  onDone: (saved: boolean) => void;
  /** Loads the latest version after a conflict (the form starts afresh from it). */
  reload: () => void;
}

/** The form holds every detail; only what differs from the stored person is sent. */
const PersonValues = UpdatePersonBody.omit({ version: true });
type PersonValues = z.output<typeof PersonValues>;

function changesOf(person: Person, values: PersonValues): UpdatePerson {
  const body: UpdatePerson = { version: person.version };
  if (values.givenName !== person.givenName) body.givenName = values.givenName;
  if (values.familyName !== person.familyName) body.familyName = values.familyName;
  if ((values.birthDate ?? null) !== person.birthDate) body.birthDate = values.birthDate ?? null;
  if (values.cpr?.trim()) body.cpr = values.cpr.trim();
  if ((values.address || null) !== person.address) body.address = values.address || null;
  if ((values.phone || null) !== person.phone) body.phone = values.phone || null;
  return body;
}

/**
 * "Ret oplysninger": the person's details. Only changed fields are sent, with the version the
 * form started from; if someone else saved first (409) the page says so and offers to load the
 * latest version. The CPR number is typed in full only to change it (it is never prefilled).
 */
export function PersonEditForm({ person, onDone, reload }: PersonEditFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidatePersons();
  const form = useZodForm(PersonValues, {
    defaultValues: {
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      cpr: undefined,
      address: person.address,
      phone: person.phone,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: PersonValues) => updatePerson(person.id, changesOf(person, values)),
    onSuccess: async () => {
      await invalidate();
      onDone(true);
    },
  });

  return (
    <section aria-labelledby={headingId} className="person-section person-edit">
      <h2 id={headingId}>{t('persons.edit.heading')}</h2>
      {isStale(mutation.error) && (
        <PersonStale text={t('persons.edit.staleText')} onReload={reload} />
      )}
      <Form
        id="person"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('persons.edit.failed')}
      >
        <TextInput
          name="givenName"
          label={t('persons.edit.givenName')}
          widthClass="input-width-l"
          autoComplete="off"
          required
        />
        <TextInput
          name="familyName"
          label={t('persons.edit.familyName')}
          widthClass="input-width-l"
          autoComplete="off"
          required
        />
        <DateInput name="birthDate" label={t('persons.person.birthDate')} empty="null" />
        <TextInput
          name="cpr"
          label={t('persons.person.cpr')}
          hint={t(person.cprMasked ? 'persons.edit.cprHintChange' : 'persons.edit.cprHintNew')}
          empty="undefined"
          widthClass="input-width-s"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          name="address"
          label={t('persons.person.address')}
          empty="null"
          widthClass="input-width-xl"
          autoComplete="off"
        />
        <TextInput
          name="phone"
          type="tel"
          label={t('persons.person.phone')}
          empty="null"
          widthClass="input-width-m"
          autoComplete="off"
        />
        <div className="person-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('persons.edit.saving') : t('persons.edit.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
            {t('persons.edit.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
