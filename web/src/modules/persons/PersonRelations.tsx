import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { RelationBody } from '../../../../server/modules/persons/schema.ts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Form, TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
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
      {remove.error ? (
        <ErrorAlert
          title={t('persons.relations.removeFailed')}
          error={remove.error}
          headingLevel="h2"
        />
      ) : null}
      <AddRelationForm personId={person.id} />
    </section>
  );
}

/** The other person, by id as pasted (any case, spaces around), and how they are related. */
const NewRelation = z.object({
  relatedPersonId: z.string().trim().toLowerCase().pipe(RelationBody.shape.relatedPersonId),
  relation: RelationBody.shape.relation,
});
const INVALID_ID = 'persons.relations.invalidId';

function AddRelationForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidatePersons();
  const form = useZodForm(NewRelation, {
    defaultValues: { relatedPersonId: '', relation: '' as Relation },
    messages: { relatedPersonId: { required: INVALID_ID, invalid_format: INVALID_ID } },
  });
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof NewRelation>) =>
      addRelation(personId, body.relatedPersonId, body.relation),
    onSuccess: async () => {
      form.reset();
      await invalidate();
    },
  });

  return (
    <Form
      id="relation"
      form={form}
      className="person-relation-form"
      onSubmit={(body) => mutation.mutateAsync(body)}
      error={mutation.error}
      errorTitle={t('persons.relations.addFailed')}
    >
      <h3>{t('persons.relations.addHeading')}</h3>
      <TextInput
        name="relatedPersonId"
        id="relation-person-id"
        label={t('persons.relations.personId')}
        hint={t('persons.relations.personIdHint')}
        widthClass="input-width-xl"
        autoComplete="off"
        spellCheck={false}
      />
      <OptionSelect
        name="relation"
        id="relation-kind"
        label={t('persons.relations.relation')}
        hint={t('persons.relations.relationHint')}
        none={t('persons.relations.choose')}
        options={RELATIONS.map((r) => ({ value: r, label: t(`persons.relationNames.${r}`) }))}
      />
      <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
        {t('persons.relations.add')}
      </button>
    </Form>
  );
}
