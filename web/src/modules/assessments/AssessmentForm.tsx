import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import { TextField } from '../../ui/TextField';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { useIntervalText } from './assessmentFields';
import {
  DIMENSIONS,
  FOLLOW_UP_INTERVALS,
  LIMITS,
  CONCERN_LEVELS,
  finaliseAssessment,
  isConcernLevel,
  saveAssessment,
  type Assessment,
  type AssessmentRequest,
  type ConcernLevel,
  type Dimension,
} from './assessmentsApi';

/** The draft as the form holds it: texts as typed, lists as rows (blank rows are not sent). */
interface FormState {
  dimensions: Record<Dimension, { risk: string; wellbeing: string }>;
  riskFactors: string[];
  protectiveFactors: string[];
  resources: string;
  citizenPerspective: string;
  sources: string;
  overallJudgement: string;
  concernLevel: ConcernLevel | null;
  recommendedInterventions: string;
  interventionTargets: string;
  followUpIntervalDays: number | null;
}

type TextKey =
  | 'resources'
  | 'citizenPerspective'
  | 'sources'
  | 'overallJudgement'
  | 'recommendedInterventions'
  | 'interventionTargets';
type ListKey = 'riskFactors' | 'protectiveFactors';

function stateOf(a: Assessment): FormState {
  return {
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        { risk: a.dimensions[d].risk ?? '', wellbeing: a.dimensions[d].wellbeing ?? '' },
      ]),
    ) as FormState['dimensions'],
    riskFactors: a.riskFactors ?? [],
    protectiveFactors: a.protectiveFactors,
    resources: a.resources ?? '',
    citizenPerspective: a.citizenPerspective ?? '',
    sources: a.sources ?? '',
    overallJudgement: a.overallJudgement ?? '',
    concernLevel: a.concernLevel,
    recommendedInterventions: a.recommendedInterventions ?? '',
    interventionTargets: a.interventionTargets ?? '',
    followUpIntervalDays: a.followUpIntervalDays,
  };
}

/** The rows sent for a list, and for each the row of the form it came from (for errors). */
function listOf(rows: string[]): { sent: string[]; formIndex: number[] } {
  const formIndex: number[] = [];
  const sent: string[] = [];
  rows.forEach((row, index) => {
    if (row.trim() === '') return;
    sent.push(row);
    formIndex.push(index);
  });
  return { sent, formIndex };
}

function requestOf(state: FormState, version: number): AssessmentRequest {
  const text = (v: string) => (v.trim() === '' ? null : v);
  return {
    version,
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        { risk: text(state.dimensions[d].risk), wellbeing: text(state.dimensions[d].wellbeing) },
      ]),
    ),
    riskFactors: listOf(state.riskFactors).sent,
    protectiveFactors: listOf(state.protectiveFactors).sent,
    resources: text(state.resources),
    citizenPerspective: text(state.citizenPerspective),
    sources: text(state.sources),
    overallJudgement: text(state.overallJudgement),
    concernLevel: state.concernLevel,
    recommendedInterventions: text(state.recommendedInterventions),
    interventionTargets: text(state.interventionTargets),
    followUpIntervalDays: state.followUpIntervalDays,
  };
}

/**
 * The draft's form: the nine dimensions with their two lenses, the factor lists, the citizen's
 * resources and own view, the sources, the overall judgement with the concern level chosen by
 * the professionals, the interventions and the follow-up frequency. "Gem kladde" saves; "Afslut
 * udredning" asks for confirmation, saves and finalises. The server's field errors are shown at
 * the fields; a stale save (someone else saved first) offers to load the newest version.
 */
export function AssessmentForm({
  caseId,
  draft,
  onReload,
  onFinalised,
}: {
  caseId: string;
  draft: Assessment;
  onReload: () => Promise<void>;
  onFinalised: (finalised: Assessment) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefix = useId();
  const [state, setState] = useState<FormState>(() => stateOf(draft));
  const [version, setVersion] = useState(draft.version);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const confirmRef = useRef<HTMLElement>(null);
  const intervalText = useIntervalText();

  const mutation = useMutation({
    mutationFn: async ({ finalise }: { finalise: boolean }) => {
      const saveResult = await saveAssessment(caseId, draft.id, requestOf(state, version));
      setVersion(saveResult.assessment.version);
      if (!finalise) return saveResult.assessment;
      const done = await finaliseAssessment(caseId, draft.id, saveResult.assessment.version);
      return done.assessment;
    },
    onMutate: () => setSaved(false),
    onSuccess: async (result, { finalise }) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
      if (finalise) onFinalised(result);
      else setSaved(true);
    },
    onError: () => setConfirming(false),
  });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  const errors = fieldErrors(mutation.error);
  const id = (name: string) => `${prefix}-${name.replace(/\./g, '-')}`;

  // Server field names (body.x) → the form's inputs, for the error summary and the messages.
  const riskRows = listOf(state.riskFactors).formIndex;
  const protectiveRows = listOf(state.protectiveFactors).formIndex;
  const listError = (key: ListKey, rowMap: number[]) => {
    const byRow: Record<number, string> = {};
    for (const [field, message] of Object.entries(errors)) {
      const match = new RegExp(`^body\\.${key}\\.(\\d+)$`).exec(field);
      const sentIndex = match ? Number(match[1]) : NaN;
      const row = rowMap[sentIndex];
      if (row !== undefined) byRow[row] ??= message;
    }
    return { list: errors[`body.${key}`], byRow };
  };
  const riskErrors = listError('riskFactors', riskRows);
  const protectiveErrors = listError('protectiveFactors', protectiveRows);

  const textFields: { key: TextKey; label: string; max: number }[] = [
    { key: 'resources', label: t('assessments.fields.resources'), max: LIMITS.text },
    {
      key: 'citizenPerspective',
      label: t('assessments.fields.citizenPerspective'),
      max: LIMITS.text,
    },
    { key: 'sources', label: t('assessments.fields.sources'), max: LIMITS.text },
  ];
  const judgementFields: { key: TextKey; label: string; max: number }[] = [
    {
      key: 'recommendedInterventions',
      label: t('assessments.fields.recommendedInterventions'),
      max: LIMITS.text,
    },
    {
      key: 'interventionTargets',
      label: t('assessments.fields.interventionTargets'),
      max: LIMITS.text,
    },
  ];

  const summaryFields: FormField[] = [
    ...DIMENSIONS.flatMap((d) => [
      {
        name: `body.dimensions.${d}.risk`,
        id: id(`${d}.risk`),
        label: `${t(`assessments.dimensions.${d}`)}: ${t('assessments.lenses.risk')}`,
      },
      {
        name: `body.dimensions.${d}.wellbeing`,
        id: id(`${d}.wellbeing`),
        label: `${t(`assessments.dimensions.${d}`)}: ${t('assessments.lenses.wellbeing')}`,
      },
    ]),
    ...[...textFields, ...judgementFields].map((f) => ({
      name: `body.${f.key}`,
      id: id(f.key),
      label: f.label,
    })),
    {
      name: 'body.overallJudgement',
      id: id('overallJudgement'),
      label: t('assessments.fields.overallJudgement'),
    },
    { name: 'body.concernLevel', id: id('concernLevel'), label: t('cases.concernLevel.label') },
    {
      name: 'body.followUpIntervalDays',
      id: id('followUpIntervalDays'),
      label: t('assessments.fields.followUpIntervalDays'),
    },
    {
      name: 'body.riskFactors',
      id: id('riskFactors.add'),
      label: t('assessments.fields.riskFactors'),
    },
    {
      name: 'body.protectiveFactors',
      id: id('protectiveFactors.add'),
      label: t('assessments.fields.protectiveFactors'),
    },
    ...riskRows.map((row, sent) => ({
      name: `body.riskFactors.${sent}`,
      id: id(`riskFactors.${row}`),
      label: t('assessments.form.rowLabel', {
        item: t('assessments.fields.riskFactor'),
        number: row + 1,
      }),
    })),
    ...protectiveRows.map((row, sent) => ({
      name: `body.protectiveFactors.${sent}`,
      id: id(`protectiveFactors.${row}`),
      label: t('assessments.form.rowLabel', {
        item: t('assessments.fields.protectiveFactor'),
        number: row + 1,
      }),
    })),
  ];

  const setText = (key: TextKey, value: string) => setState((s) => ({ ...s, [key]: value }));
  const setDimension = (d: Dimension, lens: 'risk' | 'wellbeing', value: string) =>
    setState((s) => ({
      ...s,
      dimensions: { ...s.dimensions, [d]: { ...s.dimensions[d], [lens]: value } },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ finalise: false });
  };

  const intervalOptions: number[] = [...FOLLOW_UP_INTERVALS];
  if (
    state.followUpIntervalDays !== null &&
    !intervalOptions.includes(state.followUpIntervalDays)
  ) {
    intervalOptions.push(state.followUpIntervalDays);
  }

  return (
    <form onSubmit={submit} noValidate className="assessment-form">
      {stale ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('assessments.form.stale')}</p>
            <button
              type="button"
              className="button button-secondary mt-4"
              onClick={() => void onReload()}
            >
              {t('assessments.form.reload')}
            </button>
          </div>
        </div>
      ) : (
        <FormError
          error={mutation.error}
          fields={summaryFields}
          title={
            mutation.variables?.finalise
              ? t('assessments.form.finaliseError')
              : t('assessments.form.saveError')
          }
        />
      )}
      {saved && <SuccessMessage>{t('assessments.form.saved')}</SuccessMessage>}

      <fieldset className="assessment-fieldset">
        <legend className="h4">{t('assessments.groups.dimensions')}</legend>
        <p className="form-hint">{t('assessments.form.dimensionsHint')}</p>
        {DIMENSIONS.map((d) => (
          <fieldset key={d} className="assessment-dimension">
            <legend className="assessment-dimension-name">
              {t(`assessments.dimensions.${d}`)}
            </legend>
            <p className="form-hint">{t(`assessments.dimensionHints.${d}`)}</p>
            <div className="assessment-lenses">
              <TextArea
                id={id(`${d}.risk`)}
                label={t('assessments.lenses.risk')}
                rows={4}
                maxLength={LIMITS.dimensionText}
                value={state.dimensions[d].risk}
                error={errors[`body.dimensions.${d}.risk`]}
                widthClass="input-width-xl assessment-textarea"
                onChange={(e) => setDimension(d, 'risk', e.target.value)}
              />
              <TextArea
                id={id(`${d}.wellbeing`)}
                label={t('assessments.lenses.wellbeing')}
                rows={4}
                maxLength={LIMITS.dimensionText}
                value={state.dimensions[d].wellbeing}
                error={errors[`body.dimensions.${d}.wellbeing`]}
                widthClass="input-width-xl assessment-textarea"
                onChange={(e) => setDimension(d, 'wellbeing', e.target.value)}
              />
            </div>
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="assessment-fieldset">
        <legend className="h4">{t('assessments.groups.factors')}</legend>
        <ListEditor
          idOf={(row) => id(`riskFactors.${row}`)}
          addId={id('riskFactors.add')}
          legend={t('assessments.fields.riskFactors')}
          item={t('assessments.fields.riskFactor')}
          hint={t('assessments.form.riskFactorsHint', {
            max: LIMITS.listItems,
            length: LIMITS.listItem,
          })}
          rows={state.riskFactors}
          error={riskErrors.list}
          rowErrors={riskErrors.byRow}
          onChange={(rows) => setState((s) => ({ ...s, riskFactors: rows }))}
        />
        <ListEditor
          idOf={(row) => id(`protectiveFactors.${row}`)}
          addId={id('protectiveFactors.add')}
          legend={t('assessments.fields.protectiveFactors')}
          item={t('assessments.fields.protectiveFactor')}
          hint={t('assessments.form.protectiveFactorsHint', {
            max: LIMITS.listItems,
            length: LIMITS.listItem,
          })}
          rows={state.protectiveFactors}
          error={protectiveErrors.list}
          rowErrors={protectiveErrors.byRow}
          onChange={(rows) => setState((s) => ({ ...s, protectiveFactors: rows }))}
        />
      </fieldset>

      <fieldset className="assessment-fieldset">
        <legend className="h4">{t('assessments.groups.citizen')}</legend>
        {textFields.map((f) => (
          <TextArea
            key={f.key}
            id={id(f.key)}
            label={f.label}
            hint={t(`assessments.hints.${f.key}`)}
            rows={4}
            maxLength={f.max}
            value={state[f.key]}
            error={errors[`body.${f.key}`]}
            onChange={(e) => setText(f.key, e.target.value)}
          />
        ))}
      </fieldset>

      <fieldset className="assessment-fieldset">
        <legend className="h4">{t('assessments.groups.judgement')}</legend>
        <TextArea
          id={id('overallJudgement')}
          label={t('assessments.fields.overallJudgement')}
          hint={t('assessments.hints.overallJudgement')}
          rows={8}
          maxLength={LIMITS.overallJudgement}
          value={state.overallJudgement}
          error={errors['body.overallJudgement']}
          onChange={(e) => setText('overallJudgement', e.target.value)}
        />
        <RadioGroup<ConcernLevel | 'none'>
          id={id('concernLevel')}
          legend={t('cases.concernLevel.label')}
          hint={t('assessments.hints.concernLevel')}
          error={errors['body.concernLevel']}
          options={[
            { value: 'none', label: t('assessments.form.concernNone') },
            ...CONCERN_LEVELS.map((level) => ({
              value: level,
              label: t(`cases.concernLevel.${level}`),
            })),
          ]}
          value={state.concernLevel ?? 'none'}
          onChange={(value) =>
            setState((s) => ({ ...s, concernLevel: isConcernLevel(value) ? value : null }))
          }
        />
        {judgementFields.map((f) => (
          <TextArea
            key={f.key}
            id={id(f.key)}
            label={f.label}
            hint={t(`assessments.hints.${f.key}`)}
            rows={4}
            maxLength={f.max}
            value={state[f.key]}
            error={errors[`body.${f.key}`]}
            onChange={(e) => setText(f.key, e.target.value)}
          />
        ))}
        <Select
          id={id('followUpIntervalDays')}
          label={t('assessments.fields.followUpIntervalDays')}
          hint={t('assessments.hints.followUpIntervalDays')}
          error={errors['body.followUpIntervalDays']}
          value={state.followUpIntervalDays === null ? '' : String(state.followUpIntervalDays)}
          onChange={(e) =>
            setState((s) => ({
              ...s,
              followUpIntervalDays: e.target.value === '' ? null : Number(e.target.value),
            }))
          }
        >
          <option value="">{t('assessments.form.intervalNone')}</option>
          {intervalOptions.map((days) => (
            <option key={days} value={days}>
              {intervalText(days)}
            </option>
          ))}
        </Select>
      </fieldset>

      {confirming ? (
        <section
          ref={confirmRef}
          className="alert alert-warning assessment-confirm"
          aria-labelledby={`${prefix}-confirm-heading`}
          aria-describedby={`${prefix}-confirm-text`}
          tabIndex={-1}
        >
          <div className="alert-body">
            <h3 className="alert-heading" id={`${prefix}-confirm-heading`}>
              {t('assessments.form.confirmHeading')}
            </h3>
            <p className="alert-text" id={`${prefix}-confirm-text`}>
              {t('assessments.form.confirmText', {
                level: state.concernLevel
                  ? t(`cases.concernLevel.${state.concernLevel}`)
                  : t('assessments.form.concernNone'),
              })}
            </p>
            <div className="assessment-actions">
              <button
                type="button"
                className="button button-primary"
                disabled={mutation.isPending}
                onClick={() => mutation.mutate({ finalise: true })}
              >
                {t('assessments.form.confirmYes')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(false)}
              >
                {t('assessments.form.cancel')}
              </button>
            </div>
          </div>
        </section>
      ) : (
        <div className="assessment-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('assessments.form.saving') : t('assessments.form.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={mutation.isPending}
            onClick={() => {
              setSaved(false);
              setConfirming(true);
            }}
          >
            {t('assessments.form.finalise')}
          </button>
        </div>
      )}
    </form>
  );
}

/** An editable list of short texts: one labelled field per row, remove per row, add at the end. */
function ListEditor({
  idOf,
  addId,
  legend,
  item,
  hint,
  rows,
  error,
  rowErrors,
  onChange,
}: {
  idOf: (row: number) => string;
  addId: string;
  legend: string;
  item: string;
  hint: string;
  rows: string[];
  error: string | undefined;
  rowErrors: Record<number, string>;
  onChange: (rows: string[]) => void;
}) {
  const { t } = useTranslation();
  const hintId = `${addId}-hint`;
  const errorId = `${addId}-error`;
  const full = rows.length >= LIMITS.listItems;

  const add = () => {
    onChange([...rows, '']);
    const next = idOf(rows.length);
    requestAnimationFrame(() => document.getElementById(next)?.focus());
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(addId)?.focus());
  };

  return (
    <fieldset
      className={error ? 'form-group form-error assessment-list-editor' : 'assessment-list-editor'}
      aria-describedby={[hintId, error && errorId].filter(Boolean).join(' ')}
    >
      <legend className="form-label">{legend}</legend>
      <span className="form-hint" id={hintId}>
        {hint}
      </span>
      {error && (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error}
        </span>
      )}
      {rows.length === 0 && <p className="assessment-empty">{t('assessments.form.listEmpty')}</p>}
      <ol className="nobullet-list assessment-rows">
        {rows.map((row, index) => (
          <li key={index} className="assessment-row">
            <TextField
              id={idOf(index)}
              label={t('assessments.form.rowLabel', { item, number: index + 1 })}
              value={row}
              maxLength={LIMITS.listItem}
              error={rowErrors[index]}
              widthClass="input-width-xl"
              onChange={(e) => onChange(rows.map((r, i) => (i === index ? e.target.value : r)))}
            />
            <button
              type="button"
              className="button button-tertiary assessment-remove"
              onClick={() => remove(index)}
            >
              {t('assessments.form.removeRow')}
              <span className="sr-only">
                {' '}
                {t('assessments.form.rowLabel', { item, number: index + 1 })}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <button
        id={addId}
        type="button"
        className="button button-secondary"
        disabled={full}
        onClick={add}
      >
        {t('assessments.form.addRow', { item: item.toLowerCase() })}
      </button>
    </fieldset>
  );
}
