import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  EXTREMISM_FORMS,
  type AgeGroup,
  type AuthorityArea,
  type Environment,
  type ExtremismForm,
  type SubjectKind,
} from '../../../../shared/values.ts';
import { ClassificationBody } from '../../../../server/modules/cases/schema.ts';
import {
  Form,
  MutationFailure,
  RadioGroup,
  TextInput,
  issueMessage,
  problemMessage,
  saidIssue,
  useZodForm,
} from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  CASES_QUERY_KEY,
  updateClassification,
  type CaseDetail,
  type ClassificationRequest,
} from './casesApi';
import { classificationValueKey, CODED_VALUES, type CodedField } from './classification';

const OTHER_MAX = 200;

type Primary = 'yes' | 'no' | 'unknown';
const primaryOf = (value: boolean | null | undefined): Primary =>
  value === true ? 'yes' : value === false ? 'no' : 'unknown';

/** The classification as the form holds it: a choice or null ("not given") for each list. */
interface ClassificationValues {
  extremismForm: ExtremismForm | null;
  extremismFormOther: string;
  ageGroup: AgeGroup | null;
  authorityArea: AuthorityArea | null;
  primaryConcern: Primary;
  subjectKind: SubjectKind | null;
  environment: Environment | null;
}

/** The request: only the fields that changed (a field left out stays as it is). */
function toBody(values: ClassificationValues, detail: CaseDetail): ClassificationRequest {
  const body: ClassificationRequest = { version: detail.version };
  const form = values.extremismForm;
  if (form !== (detail.extremismForm ?? null)) body.extremismForm = form;
  const other = form === 'other' ? values.extremismFormOther.trim() || null : null;
  if (form === 'other' && other !== (detail.extremismFormOther ?? null)) {
    body.extremismFormOther = other;
  }
  const primary =
    values.primaryConcern === 'yes' ? true : values.primaryConcern === 'no' ? false : null;
  if (primary !== (detail.primaryConcern ?? null)) body.primaryConcern = primary;
  for (const key of ['ageGroup', 'authorityArea', 'subjectKind', 'environment'] as const) {
    if (values[key] !== (detail[key] ?? null)) Object.assign(body, { [key]: values[key] });
  }
  return body;
}

/** The browser's check: the server's `ClassificationBody`, and a text for the form 'other'. */
function classificationSchema(detail: CaseDetail) {
  return z
    .custom<ClassificationValues>(() => true)
    .superRefine((values, ctx) => {
      if (values.extremismForm === 'other' && !values.extremismFormOther.trim()) {
        const message = problemMessage({ code: 'required' });
        ctx.addIssue(saidIssue('extremismFormOther', message));
      }
      const parsed = ClassificationBody.safeParse(toBody(values, detail), { error: issueMessage });
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'version') continue;
        ctx.addIssue(saidIssue(issue.path.join('.'), issue.message));
      }
    });
}

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
  const schema = useMemo(() => classificationSchema(detail), [detail]);
  const form = useZodForm(schema, {
    defaultValues: {
      extremismForm: detail.extremismForm ?? null,
      extremismFormOther: detail.extremismFormOther ?? '',
      ageGroup: detail.ageGroup ?? null,
      authorityArea: detail.authorityArea ?? null,
      primaryConcern: primaryOf(detail.primaryConcern),
      subjectKind: detail.subjectKind ?? null,
      environment: detail.environment ?? null,
    },
  });
  const mutation = useMutation({
    mutationFn: (body: ClassificationRequest) => updateClassification(detail.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
      onSaved();
    },
  });

  const notGiven = t('cases.compartment.notGiven');
  const label = (field: CodedField, value: string) => {
    const key = classificationValueKey(field, value);
    return key ? t(key) : value;
  };
  /** A coded list's select: "not given", then its values named as the case page names them. */
  const codedSelect = (field: Exclude<CodedField, 'extremismForm'>, hint?: string) => (
    <OptionSelect
      name={field}
      label={t(`cases.compartment.${field}`)}
      hint={hint}
      empty="null"
      none={notGiven}
      options={CODED_VALUES[field].map((value) => ({ value, label: label(field, value) }))}
    />
  );
  return (
    <>
      <MutationFailure
        mutations={mutation}
        text={t('cases.classification.stale')}
        reloadLabel={t('cases.classification.reload')}
        onReload={() =>
          queryClient
            .invalidateQueries({ queryKey: [...CASES_QUERY_KEY, 'detail', detail.id] })
            .then(() => onCancel())
        }
      />
      <Form
        id={`classification-${detail.id}`}
        className="case-classification-form"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(toBody(values, detail))}
        error={mutation.error}
        errorTitle={t('cases.classification.error')}
      >
        <RadioGroup<ExtremismForm>
          name="extremismForm"
          label={t('cases.compartment.extremismForm')}
          options={EXTREMISM_FORMS.map((value) => ({
            value,
            label: label('extremismForm', value),
          }))}
          detail={(value) =>
            value === 'other' ? (
              <TextInput
                name="extremismFormOther"
                label={t('cases.compartment.extremismFormOther')}
                maxLength={OTHER_MAX}
              />
            ) : null
          }
        />
        {codedSelect('ageGroup')}
        {codedSelect('authorityArea', t('cases.classification.authorityAreaHint'))}
        <RadioGroup<Primary>
          name="primaryConcern"
          label={t('cases.compartment.primaryConcern')}
          hint={t('cases.classification.primaryConcernHint')}
          options={[
            { value: 'yes', label: t('cases.compartment.primaryYes') },
            { value: 'no', label: t('cases.compartment.primaryNo') },
            { value: 'unknown', label: notGiven },
          ]}
        />
        {codedSelect('subjectKind')}
        {codedSelect('environment')}
        <div className="case-form-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('cases.classification.saving') : t('cases.classification.save')}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('cases.classification.cancel')}
          </button>
        </div>
      </Form>
    </>
  );
}
