import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CASE_PERSON_ROLES_ADDABLE } from '../../../../shared/values.ts';
import { DateInput, Form, MutationFailure, TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { PossibleDuplicates, usePossibleDuplicates } from '../inquiries/PersonFields';
import { addCasePerson } from './casePeopleApi';
import type { toAddPersonBody } from './casePeopleForms';
import { AddPersonFormSchema, emptyAddPerson, type AddPersonValues } from './casePeopleForms';
import { CaseFormButtons, type CaseAddFormProps } from './CaseAddToggle';
import { useRefreshCase } from './casesApi';
import { formatDate } from './format';

/**
 * "Tilføj person": a family member or someone close, with their place in the case. The person is
 * looked up as the intake does (a CPR number, or a name with a birth date, through the masked
 * possible-duplicates look-up): a possible earlier registration is shown and can be used, never
 * merged silently; otherwise the person is registered anew.
 */
export function AddPersonForm({ detail, onDone, onCancel }: CaseAddFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(AddPersonFormSchema, { defaultValues: emptyAddPerson() });
  const existing = useWatch({ control: form.control, name: 'existing' });
  const typed = useWatch({ control: form.control, name: 'new' });
  const duplicates = usePossibleDuplicates({ existing, ...typed });
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof toAddPersonBody>) =>
      addCasePerson(detail.id, { ...body, version: detail.version }),
    onSuccess: async () => {
      const values = form.getValues();
      const name = values.existing?.name ?? `${values.new.givenName} ${values.new.familyName}`;
      await refresh();
      onDone(name.trim());
    },
  });
  const choose = (chosen: AddPersonValues['existing']) =>
    form.setValue('existing', chosen, { shouldDirty: true });

  return (
    <>
      <MutationFailure mutations={mutation} onReload={() => refresh()} />
      <Form
        id={`case-person-add-${detail.id}`}
        className="case-person-form"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('cases.persons.addFailed')}
      >
        <p>{t('cases.persons.addIntro')}</p>
        <OptionSelect
          name="role"
          label={t('cases.persons.role')}
          none={t('cases.persons.chooseRole')}
          options={CASE_PERSON_ROLES_ADDABLE.map((role) => ({
            value: role,
            label: t(`cases.personRoles.${role}`),
          }))}
        />
        {existing ? (
          <div className="case-person-existing">
            <p>
              {t('cases.persons.existing', {
                name: existing.name,
                born: existing.birthDate ? formatDate(existing.birthDate) : '–',
              })}
            </p>
            <button type="button" className="button button-tertiary" onClick={() => choose(null)}>
              {t('cases.persons.undoExisting')}
            </button>
          </div>
        ) : (
          <>
            <TextInput
              name="new.cpr"
              label={t('cases.persons.cpr')}
              hint={t('cases.persons.cprHint')}
              widthClass="input-char-11"
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
            />
            <TextInput
              name="new.givenName"
              label={t('cases.persons.givenName')}
              widthClass="input-width-m"
              autoComplete="off"
            />
            <TextInput
              name="new.familyName"
              label={t('cases.persons.familyName')}
              widthClass="input-width-m"
              autoComplete="off"
            />
            <DateInput name="new.birthDate" label={t('cases.persons.birthDate')} />
            <PossibleDuplicates
              duplicates={duplicates}
              onChoose={(d) => choose({ id: d.id, name: d.name, birthDate: d.birthDate })}
            />
          </>
        )}
        <CaseFormButtons
          save={mutation.isPending ? t('cases.persons.saving') : t('cases.persons.save')}
          pending={mutation.isPending}
          cancel={t('cases.persons.cancel')}
          onCancel={onCancel}
        />
      </Form>
    </>
  );
}
