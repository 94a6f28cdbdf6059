import { isStale } from '../../app/api';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Icon } from '../../ui/Icon';
import { TextField } from '../../ui/TextField';
import { updatePerson, useInvalidatePersons, type Person, type UpdatePerson } from './personsApi';

interface PersonEditFormProps {
  person: Person;
  onDone: (saved: boolean) => void;
  /** Loads the latest version after a conflict (the form starts afresh from it). */
  reload: () => void;
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
  const [givenName, setGivenName] = useState(person.givenName);
  const [familyName, setFamilyName] = useState(person.familyName);
  const [birthDate, setBirthDate] = useState(person.birthDate ?? '');
  const [cpr, setCpr] = useState('');
  const [address, setAddress] = useState(person.address ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');

  const changes = (): UpdatePerson => {
    const body: UpdatePerson = { version: person.version };
    if (givenName !== person.givenName) body.givenName = givenName;
    if (familyName !== person.familyName) body.familyName = familyName;
    if (birthDate !== (person.birthDate ?? '')) body.birthDate = birthDate || null;
    if (cpr.trim() !== '') body.cpr = cpr.trim();
    if (address !== (person.address ?? '')) body.address = address.trim() || null;
    if (phone !== (person.phone ?? '')) body.phone = phone.trim() || null;
    return body;
  };
  const mutation = useMutation({
    mutationFn: () => updatePerson(person.id, changes()),
    onSuccess: async () => {
      await invalidate();
      onDone(true);
    },
  });

  const fields: FormField[] = [
    { name: 'body.givenName', id: 'person-given-name', label: t('persons.edit.givenName') },
    { name: 'body.familyName', id: 'person-family-name', label: t('persons.edit.familyName') },
    { name: 'body.birthDate', id: 'person-birth-date', label: t('persons.person.birthDate') },
    { name: 'body.cpr', id: 'person-cpr', label: t('persons.person.cpr') },
    { name: 'body.address', id: 'person-address', label: t('persons.person.address') },
    { name: 'body.phone', id: 'person-phone', label: t('persons.person.phone') },
  ];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  };

  return (
    <section aria-labelledby={headingId} className="person-section person-edit">
      <h2 id={headingId}>{t('persons.edit.heading')}</h2>
      {isStale(mutation.error) ? (
        <div className="alert alert-warning" role="alert">
          <Icon name="warning" className="alert-icon" />
          <div className="alert-body">
            <h3 className="alert-heading">{t('persons.edit.staleTitle')}</h3>
            <p className="alert-text">{t('persons.edit.staleText')}</p>
            <button type="button" className="button button-secondary mt-4" onClick={reload}>
              {t('persons.edit.reload')}
            </button>
          </div>
        </div>
      ) : (
        <FormError error={mutation.error} fields={fields} title={t('persons.edit.failed')} />
      )}
      <form noValidate onSubmit={submit}>
        <TextField
          id="person-given-name"
          label={t('persons.edit.givenName')}
          error={errors['body.givenName']}
          widthClass="input-width-l"
          autoComplete="off"
          required
          value={givenName}
          onChange={(e) => setGivenName(e.target.value)}
        />
        <TextField
          id="person-family-name"
          label={t('persons.edit.familyName')}
          error={errors['body.familyName']}
          widthClass="input-width-l"
          autoComplete="off"
          required
          value={familyName}
          onChange={(e) => setFamilyName(e.target.value)}
        />
        <TextField
          id="person-birth-date"
          type="date"
          label={t('persons.person.birthDate')}
          error={errors['body.birthDate']}
          widthClass="input-width-s"
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
        />
        <TextField
          id="person-cpr"
          label={t('persons.person.cpr')}
          hint={t(person.cprMasked ? 'persons.edit.cprHintChange' : 'persons.edit.cprHintNew')}
          error={errors['body.cpr']}
          widthClass="input-width-s"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={cpr}
          onChange={(e) => setCpr(e.target.value)}
        />
        <TextField
          id="person-address"
          label={t('persons.person.address')}
          error={errors['body.address']}
          widthClass="input-width-xl"
          autoComplete="off"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
        <TextField
          id="person-phone"
          type="tel"
          label={t('persons.person.phone')}
          error={errors['body.phone']}
          widthClass="input-width-m"
          autoComplete="off"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <div className="person-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('persons.edit.saving') : t('persons.edit.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(false)}>
            {t('persons.edit.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
