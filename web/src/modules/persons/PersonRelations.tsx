import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { isUuid } from '../cases/format';
import {
  RELATIONS,
  addRelation,
  removeRelation,
  useInvalidatePersons,
  type Person,
  type Relation,
} from './personsApi';

/**
 * "Relationer": related persons the user may also see (the server leaves out the others), with
 * a way to add one by the other person's id and to remove one. Both changes are logged.
 */
export function PersonRelations({ person }: { person: Person }) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidatePersons();
  const remove = useMutation({
    mutationFn: (relatedId: string) => removeRelation(person.id, relatedId),
    onSuccess: () => invalidate(),
  });

  return (
    <section aria-labelledby={headingId} className="person-section">
      <h2 id={headingId}>{t('persons.relations.heading')}</h2>
      <p>{t('persons.relations.intro')}</p>
      {person.relations.length === 0 ? (
        <p>{t('persons.relations.none')}</p>
      ) : (
        <ul className="nobullet-list person-relations">
          {person.relations.map((r) => (
            <li key={r.personId}>
              <Link to={`/personer/${r.personId}`}>{r.name}</Link>
              {' – '}
              {t(`persons.relationNames.${r.relation}`)}{' '}
              <button
                type="button"
                className="button button-unstyled function-link"
                disabled={remove.isPending}
                onClick={() => remove.mutate(r.personId)}
              >
                {t('persons.relations.remove')}
                <span className="sr-only">: {r.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={remove.error} fields={[]} title={t('persons.relations.removeFailed')} />
      <AddRelationForm personId={person.id} />
    </section>
  );
}

function AddRelationForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidatePersons();
  const [relatedId, setRelatedId] = useState('');
  const [relation, setRelation] = useState<Relation | ''>('');
  const [problem, setProblem] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: () => addRelation(personId, relatedId.trim().toLowerCase(), relation as Relation),
    onSuccess: async () => {
      setRelatedId('');
      setRelation('');
      await invalidate();
    },
  });
  const fields: FormField[] = [
    {
      name: 'body.relatedPersonId',
      id: 'relation-person-id',
      label: t('persons.relations.personId'),
    },
    { name: 'body.relation', id: 'relation-kind', label: t('persons.relations.relation') },
  ];
  const errors = fieldErrors(mutation.error);
  const idError = problem ?? (errors['body.relatedPersonId'] && t('persons.relations.notFound'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isUuid(relatedId.trim().toLowerCase())) {
      setProblem(t('persons.relations.invalidId'));
      document.getElementById('relation-person-id')?.focus();
      return;
    }
    if (!relation) {
      document.getElementById('relation-kind')?.focus();
      return;
    }
    if (!mutation.isPending) mutation.mutate();
  };

  return (
    <form noValidate onSubmit={submit} className="person-relation-form">
      <h3>{t('persons.relations.addHeading')}</h3>
      <FormError error={mutation.error} fields={fields} title={t('persons.relations.addFailed')} />
      <TextField
        id="relation-person-id"
        label={t('persons.relations.personId')}
        hint={t('persons.relations.personIdHint')}
        error={idError}
        widthClass="input-width-xl"
        autoComplete="off"
        spellCheck={false}
        value={relatedId}
        onChange={(e) => {
          setRelatedId(e.target.value);
          setProblem(undefined);
        }}
      />
      <div className="form-group">
        <label className="form-label" htmlFor="relation-kind">
          {t('persons.relations.relation')}
        </label>
        <span className="form-hint" id="relation-kind-hint">
          {t('persons.relations.relationHint')}
        </span>
        <select
          id="relation-kind"
          className="form-select"
          aria-describedby="relation-kind-hint"
          value={relation}
          onChange={(e) => setRelation(e.target.value as Relation | '')}
        >
          <option value="">{t('persons.relations.choose')}</option>
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`persons.relationNames.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
        {t('persons.relations.add')}
      </button>
    </form>
  );
}
