import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { Form, isFormAlert, renameServerErrors, useZodForm } from '../../ui/form';
import { PageHeading } from '../../ui/PageHeading';
import { formatTime } from '../cases/format';
import { DraftOffer } from './DraftOffer';
import {
  createInquiry,
  DRAFTS_QUERY_KEY,
  INQUIRIES_QUERY_KEY,
  randomId,
  useDrafts,
  type Draft,
  type Receipt,
} from './inquiriesApi';
import {
  ObservationSection,
  ReceivedSection,
  ReporterSection,
  SignsSection,
  SourceSection,
  SubjectSection,
} from './IntakeFields';
import {
  emptyIntake,
  emptyPerson,
  fromDraft,
  intakeRename,
  IntakeSchema,
  toBody,
  type IntakeValues,
} from './intakeForm';
import { ReceiptView } from './ReceiptView';
import { useDraftAutosave } from './useDraftAutosave';
import './inquiries.css';

/** "Ny henvendelse" (/henvendelser/ny): for everyone who may record a concern inquiry. */
export function IntakePage() {
  const abilities = useSession().data?.abilities;
  // A new form (new keys) after each receipt: "Registrér en ny henvendelse".
  const [round, setRound] = useState(0);
  if (!abilities?.inquiries.create) return <AccessDeniedPage />;
  return <Intake key={round} onNew={() => setRound((r) => r + 1)} />;
}

/**
 * The intake form (the one form layer, checked with the server's `CreateInquiryBody`), saved as
 * a server-side draft while the user types.
 */
function Intake({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('inquiries.intake.title'));
  const queryClient = useQueryClient();
  // Generated once when the form opens: a retry (after a network error) re-uses them.
  const [idempotencyKey] = useState(randomId);
  const [draftId, setDraftId] = useState(randomId);
  const form = useZodForm(IntakeSchema, { defaultValues: emptyIntake() });
  const [changes, setChanges] = useState(0);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [draftsDismissed, setDraftsDismissed] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  /** A change made by the form itself (a draft loaded), not by the user. */
  const loading = useRef(false);

  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => createInquiry(body, idempotencyKey),
    onSuccess: async (result) => {
      setReceipt(result);
      await queryClient.invalidateQueries({ queryKey: INQUIRIES_QUERY_KEY });
    },
  });
  const values = useWatch({ control: form.control }) as IntakeValues;
  const content = useMemo(() => ({ ...values }) as Record<string, unknown>, [values]);
  const autosave = useDraftAutosave(
    draftId,
    content,
    changes,
    !mutation.isPending && receipt === null,
  );
  const drafts = useDrafts(true);

  // Each change counts for the autosave; some choices bring others with them.
  useEffect(() => {
    const subscription = form.watch((next, { name }) => {
      if (loading.current) return;
      setChanges((c) => c + 1);
      // An anonymous source is an anonymous reporter.
      if (name === 'source' && next.source === 'anonymous') form.setValue('anonymous', true);
      if (name === 'subjectKind') {
        const persons = form.getValues('persons');
        if (next.subjectKind === 'persons' && persons.length < 2) {
          form.setValue('persons', [...persons, emptyPerson()]);
        } else if (next.subjectKind === 'person' && persons.length > 1) {
          form.setValue('persons', persons.slice(0, 1));
        }
      }
    });
    return () => subscription.unsubscribe();
  }, [form]);

  // A failure without field problems is an alert: focus it, as the error summary is.
  const error = mutation.error;
  useEffect(() => {
    const alert = isFormAlert(error)
      ? formRef.current?.querySelector<HTMLElement>('.alert-error[role="alert"]')
      : null;
    if (!alert) return;
    alert.tabIndex = -1;
    alert.focus();
  }, [error]);

  const continueDraft = (draft: Draft) => {
    loading.current = true;
    setDraftId(draft.id);
    form.reset(fromDraft(draft.content));
    loading.current = false;
    autosave.adopt(draft, changes);
    setDraftsDismissed(true);
  };

  const submit = async (submitted: IntakeValues) => {
    if (mutation.isPending) return;
    // The server deletes the draft with the inquiry: let a save under way finish first.
    await autosave.settle();
    try {
      await mutation.mutateAsync(toBody(submitted, autosave.exists() ? draftId : null));
    } catch (failure) {
      throw renameServerErrors(failure, intakeRename(submitted));
    }
  };

  if (receipt) return <ReceiptView receipt={receipt} onNew={onNew} />;

  const offeredDrafts =
    !draftsDismissed && changes === 0
      ? (drafts.data?.items ?? []).filter((d) => d.id !== draftId)
      : [];

  return (
    <>
      <p className="case-back">
        <Link to="/henvendelser">{t('inquiries.intake.back')}</Link>
      </p>
      <PageHeading>{t('inquiries.intake.title')}</PageHeading>
      <p className="font-lead">{t('inquiries.intake.intro')}</p>

      {offeredDrafts.length > 0 && (
        <DraftOffer
          drafts={offeredDrafts}
          onContinue={continueDraft}
          onDismiss={() => setDraftsDismissed(true)}
          onDeleted={() => void queryClient.invalidateQueries({ queryKey: DRAFTS_QUERY_KEY })}
        />
      )}

      <div ref={formRef} onBlur={() => void autosave.saveNow()}>
        <Form
          id="intake"
          className="inquiry-form"
          form={form}
          onSubmit={submit}
          error={error}
          errorTitle={t('inquiries.intake.failedTitle')}
        >
          {error instanceof ApiError && error.status === 0 && (
            <p className="inquiry-retry-note">{t('inquiries.intake.retryNote')}</p>
          )}
          <SourceSection />
          <ReporterSection />
          <ReceivedSection />
          <SubjectSection />
          <ObservationSection />
          <SignsSection />

          <div className="inquiry-submit">
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('inquiries.intake.pending') : t('inquiries.intake.submit')}
            </button>
            <p className="inquiry-draft-status" role="status">
              {autosave.status?.state === 'saved'
                ? t('inquiries.intake.draftSaved', { time: formatTime(autosave.status.at) })
                : autosave.status?.state === 'failed'
                  ? t('inquiries.intake.draftFailed')
                  : ''}
            </p>
          </div>
        </Form>
      </div>
    </>
  );
}
