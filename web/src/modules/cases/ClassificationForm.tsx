import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormError, fieldErrors } from '../../ui/FormError';
import { RadioGroup, Select } from '../../ui/fields';
import { TextField } from '../../ui/TextField';
import {
  CASES_QUERY_KEY,
  updateClassification,
  type AgeGroup,
  type AuthorityArea,
  type CaseDetail,
  type ClassificationRequest,
  type Environment,
  type ExtremismForm,
  type SubjectKind,
} from './casesApi';

const FORMS: ExtremismForm[] = ['militant_islamism', 'right_wing', 'left_wing', 'other'];
const AGE_GROUPS: AgeGroup[] = ['under_18', 'adult', 'unknown'];
const AUTHORITY_AREAS: AuthorityArea[] = ['inside', 'outside'];
const SUBJECT_KINDS: SubjectKind[] = ['person', 'persons', 'group', 'family'];
const ENVIRONMENTS: Environment[] = ['physical', 'online', 'both'];
const OTHER_MAX = 200;

type Primary = 'yes' | 'no' | 'unknown';
const primaryOf = (value: boolean | null | undefined): Primary =>
  value === true ? 'yes' : value === false ? 'no' : 'unknown';

/**
 * Editing the case's classification (the case's coordinators with the compartment). Every change
 * is a "classification changed" event in the chronology, visible only with the compartment.
 * Only the fields that changed are sent; a stale version (someone else saved) asks to reload.
 */
export function ClassificationForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId();
  const ids = {
    form: `${formId}-form`,
    other: `${formId}-other`,
    age: `${formId}-age`,
    authority: `${formId}-authority`,
    primary: `${formId}-primary`,
    subject: `${formId}-subject`,
    environment: `${formId}-environment`,
  };
  const [form, setForm] = useState<ExtremismForm | ''>(detail.extremismForm ?? '');
  const [other, setOther] = useState(detail.extremismFormOther ?? '');
  const [age, setAge] = useState<AgeGroup | ''>(detail.ageGroup ?? '');
  const [authority, setAuthority] = useState<AuthorityArea | ''>(detail.authorityArea ?? '');
  const [primary, setPrimary] = useState<Primary>(primaryOf(detail.primaryConcern));
  const [subject, setSubject] = useState<SubjectKind | ''>(detail.subjectKind ?? '');
  const [environment, setEnvironment] = useState<Environment | ''>(detail.environment ?? '');

  const mutation = useMutation({
    mutationFn: (body: ClassificationRequest) => updateClassification(detail.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
      onSaved();
    },
  });
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ClassificationRequest = { version: detail.version };
    const formValue = form || null;
    if (formValue !== (detail.extremismForm ?? null)) body.extremismForm = formValue;
    const otherValue = formValue === 'other' ? other.trim() || null : null;
    if (formValue === 'other' && otherValue !== (detail.extremismFormOther ?? null)) {
      body.extremismFormOther = otherValue;
    }
    if ((age || null) !== (detail.ageGroup ?? null)) body.ageGroup = age || null;
    if ((authority || null) !== (detail.authorityArea ?? null)) {
      body.authorityArea = authority || null;
    }
    const primaryValue = primary === 'yes' ? true : primary === 'no' ? false : null;
    if (primaryValue !== (detail.primaryConcern ?? null)) body.primaryConcern = primaryValue;
    if ((subject || null) !== (detail.subjectKind ?? null)) body.subjectKind = subject || null;
    if ((environment || null) !== (detail.environment ?? null)) {
      body.environment = environment || null;
    }
    mutation.mutate(body);
  };

  const notGiven = t('cases.compartment.notGiven');
  return (
    <form id={ids.form} onSubmit={submit} noValidate className="case-classification-form">
      {stale ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('cases.classification.stale')}</p>
            <button
              type="button"
              className="button button-secondary mt-4"
              onClick={() => {
                mutation.reset();
                void queryClient.invalidateQueries({
                  queryKey: [...CASES_QUERY_KEY, 'detail', detail.id],
                });
                onCancel();
              }}
            >
              {t('cases.classification.reload')}
            </button>
          </div>
        </div>
      ) : (
        <FormError
          error={mutation.error}
          fields={[
            {
              name: 'body.extremismFormOther',
              id: ids.other,
              label: t('cases.compartment.extremismFormOther'),
            },
          ]}
          title={t('cases.classification.error')}
        />
      )}
      <RadioGroup<ExtremismForm>
        id={`${formId}-form-radio`}
        legend={t('cases.compartment.extremismForm')}
        options={FORMS.map((value) => ({
          value,
          label: t(`cases.compartment.forms.${value}`),
        }))}
        value={form || null}
        onChange={setForm}
        detail={(value) =>
          value === 'other' ? (
            <TextField
              id={ids.other}
              label={t('cases.compartment.extremismFormOther')}
              value={other}
              maxLength={OTHER_MAX}
              error={errors['body.extremismFormOther']}
              onChange={(e) => setOther(e.target.value)}
            />
          ) : null
        }
      />
      <Select
        id={ids.age}
        label={t('cases.compartment.ageGroup')}
        value={age}
        onChange={(e) => setAge(e.target.value as AgeGroup | '')}
      >
        <option value="">{notGiven}</option>
        {AGE_GROUPS.map((value) => (
          <option key={value} value={value}>
            {t(`cases.compartment.ageGroups.${value}`)}
          </option>
        ))}
      </Select>
      <Select
        id={ids.authority}
        label={t('cases.compartment.authorityArea')}
        hint={t('cases.classification.authorityAreaHint')}
        value={authority}
        onChange={(e) => setAuthority(e.target.value as AuthorityArea | '')}
      >
        <option value="">{notGiven}</option>
        {AUTHORITY_AREAS.map((value) => (
          <option key={value} value={value}>
            {t(`cases.compartment.authorityAreas.${value}`)}
          </option>
        ))}
      </Select>
      <RadioGroup<Primary>
        id={ids.primary}
        legend={t('cases.compartment.primaryConcern')}
        hint={t('cases.classification.primaryConcernHint')}
        options={[
          { value: 'yes', label: t('cases.compartment.primaryYes') },
          { value: 'no', label: t('cases.compartment.primaryNo') },
          { value: 'unknown', label: notGiven },
        ]}
        value={primary}
        onChange={setPrimary}
      />
      <Select
        id={ids.subject}
        label={t('cases.compartment.subjectKind')}
        value={subject}
        onChange={(e) => setSubject(e.target.value as SubjectKind | '')}
      >
        <option value="">{notGiven}</option>
        {SUBJECT_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`cases.compartment.subjectKinds.${value}`)}
          </option>
        ))}
      </Select>
      <Select
        id={ids.environment}
        label={t('cases.compartment.environment')}
        value={environment}
        onChange={(e) => setEnvironment(e.target.value as Environment | '')}
      >
        <option value="">{notGiven}</option>
        {ENVIRONMENTS.map((value) => (
          <option key={value} value={value}>
            {t(`cases.compartment.environments.${value}`)}
          </option>
        ))}
      </Select>
      <div className="case-form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('cases.classification.saving') : t('cases.classification.save')}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('cases.classification.cancel')}
        </button>
      </div>
    </form>
  );
}
