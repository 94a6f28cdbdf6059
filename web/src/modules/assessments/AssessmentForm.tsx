import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form, MutationFailure, SuccessMessage, focusAfterSave, useZodForm } from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { CitizenFields, DimensionFields, FactorFields, JudgementFields } from './DraftFields';
import { finaliseAssessment, saveAssessment, type Assessment } from './assessmentsApi';
import {
  AssessmentValuesSchema,
  bodyOf,
  onFormRows,
  valuesOf,
  type AssessmentValues,
} from './assessmentValues';

/**
 * The draft's form (the one form layer, checked with the server's `AssessmentBody`): the nine
 * dimensions with their two lenses, the factor lists, the citizen's resources and own view, the
 * sources, the overall judgement with the concern level chosen by the professionals, the
 * interventions and the follow-up frequency. "Gem kladde" saves; "Afslut udredning" asks for
 * confirmation, saves and finalises. Problems are shown at the fields; a stale save (someone
 * else saved first) offers to load the newest version.
 */
export function AssessmentForm({
  caseId,
  draft,
  onReload,
  onFinalised,
  networkMapLink,
}: {
  caseId: string;
  draft: Assessment;
  onReload: () => Promise<void>;
  onFinalised: (finalised: Assessment) => void;
  /** The network map's link, shown at the dimension network and leisure (when readable). */
  networkMapLink?: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefix = useId();
  const form = useZodForm(AssessmentValuesSchema, { defaultValues: valuesOf(draft) });
  const [version, setVersion] = useState(draft.version);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  // Which button submitted the form: "Gem kladde", or "Ja, afslut udredningen".
  const finalising = useRef(false);
  const confirmRef = useRef<HTMLElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: async ({ values, finalise }: { values: AssessmentValues; finalise: boolean }) => {
      try {
        const saveResult = await saveAssessment(caseId, draft.id, bodyOf(values, version));
        setVersion(saveResult.assessment.version);
        if (!finalise) return saveResult.assessment;
        const done = await finaliseAssessment(caseId, draft.id, saveResult.assessment.version);
        return done.assessment;
      } catch (error) {
        throw onFormRows(error, values);
      }
    },
    onMutate: () => setSaved(false),
    onSuccess: async (result, { finalise }) => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
      if (finalise) onFinalised(result);
      else {
        setSaved(true);
        focusAfterSave(savedRef);
      }
    },
    onError: () => setConfirming(false),
  });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const concernLevel = useWatch({ control: form.control, name: 'concernLevel' });

  return (
    <Form
      id="assessment"
      form={form}
      className="assessment-form"
      onSubmit={(values) => mutation.mutateAsync({ values, finalise: finalising.current })}
      error={mutation.error}
      errorTitle={
        mutation.variables?.finalise
          ? t('assessments.form.finaliseError')
          : t('assessments.form.saveError')
      }
    >
      <MutationFailure
        mutations={mutation}
        text={t('assessments.form.stale')}
        reloadLabel={t('assessments.form.reload')}
        headingLevel="h3"
        onReload={() => onReload()}
      />
      {saved && (
        <div ref={savedRef}>
          <SuccessMessage>{t('assessments.form.saved')}</SuccessMessage>
        </div>
      )}

      <DimensionFields networkMapLink={networkMapLink} />
      <FactorFields />
      <CitizenFields aboutChild={draft.aboutChild} />
      <JudgementFields />

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
                level:
                  concernLevel === 'none'
                    ? t('assessments.form.concernNone')
                    : t(`cases.concernLevel.${concernLevel}`),
              })}
            </p>
            <div className="assessment-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={mutation.isPending}
                onClick={() => (finalising.current = true)}
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
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            onClick={() => (finalising.current = false)}
          >
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
    </Form>
  );
}
