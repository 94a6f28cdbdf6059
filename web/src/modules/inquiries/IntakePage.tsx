import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessDeniedPage } from '../../app/AccessDeniedPage';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Icon } from '../../ui/Icon';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { formatDateTime, formatTime } from '../cases/format';
import { Checkbox, RadioGroup, Select, TextArea } from '../../ui/fields';
import { danishNow } from './format';
import {
  CHANNELS,
  createInquiry,
  deleteDraft,
  DRAFTS_QUERY_KEY,
  INQUIRIES_QUERY_KEY,
  randomId,
  SOURCES,
  SUBJECT_KINDS,
  useDrafts,
  type Channel,
  type Draft,
  type Receipt,
  type Source,
  type SubjectKind,
} from './inquiriesApi';
import {
  asFieldErrors,
  checkedSigns,
  clientProblems,
  emptyIntake,
  emptyPerson,
  fromDraft,
  isUrgent,
  sentPersons,
  toBody,
  type IntakeState,
  type PersonDraft,
} from './intakeState';
import { personFieldId, PersonFields } from './PersonFields';
import { ReceiptView } from './ReceiptView';
import { DANGER_ID, signFieldId, signNoteId, SignsFields } from './SignsSection';
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

const ID = {
  source: 'intake-source',
  sourceOther: 'intake-source-other',
  channel: 'intake-channel',
  anonymous: 'intake-anonymous',
  reporterName: 'intake-reporter-name',
  reporterContact: 'intake-reporter-contact',
  receivedDate: 'intake-received-date',
  receivedTime: 'intake-received-time',
  subjectKind: 'intake-subject-kind',
  group: 'intake-group',
  observation: 'intake-observation',
} as const;

function Intake({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('inquiries.intake.title'));
  const queryClient = useQueryClient();
  // Generated once when the form opens: a retry (after a network error) re-uses them.
  const [idempotencyKey] = useState(randomId);
  const [draftId, setDraftId] = useState(randomId);
  const [state, setState] = useState<IntakeState>(() => {
    const now = danishNow();
    return emptyIntake(now.date, now.time);
  });
  const [changes, setChanges] = useState(0);
  const [clientError, setClientError] = useState<ApiError | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [draftsDismissed, setDraftsDismissed] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => createInquiry(body, idempotencyKey),
    onSuccess: async (result) => {
      setReceipt(result);
      await queryClient.invalidateQueries({ queryKey: INQUIRIES_QUERY_KEY });
    },
  });
  const content = useMemo(() => ({ ...state }) as unknown as Record<string, unknown>, [state]);
  const autosave = useDraftAutosave(
    draftId,
    content,
    changes,
    !mutation.isPending && receipt === null,
  );
  const drafts = useDrafts(true);

  const error = clientError ?? mutation.error;
  // An error without fields is an alert (the error summary focuses itself): focus it too.
  useEffect(() => {
    if (error && !(error instanceof ApiError && error.fields.length > 0)) alertRef.current?.focus();
  }, [error]);

  const update = (patch: Partial<IntakeState>) => {
    setState((s) => ({ ...s, ...patch }));
    setChanges((c) => c + 1);
  };
  const updatePerson = (index: number, person: PersonDraft) =>
    update({ persons: state.persons.map((p, i) => (i === index ? person : p)) });

  const continueDraft = (draft: Draft) => {
    const now = danishNow();
    setDraftId(draft.id);
    setState(fromDraft(draft.content, emptyIntake(now.date, now.time)));
    autosave.adopt(draft, changes);
    setDraftsDismissed(true);
  };

  const sent = sentPersons(state);
  const bodyIndexOfPerson = (formIndex: number) => sent.findIndex((s) => s.formIndex === formIndex);
  const signs = checkedSigns(state);
  const urgent = isUrgent(state);
  const errors = fieldErrors(error);
  const fields = formFields(t, state);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const problems = clientProblems(state);
    if (problems.length > 0) {
      setClientError(
        new ApiError(422, {
          error: {
            code: 'validation_failed',
            message: t('inquiries.intake.problems.summary'),
            requestId: '',
            fields: asFieldErrors(problems, (p) => t(`inquiries.intake.problems.${p}`)),
          },
        }),
      );
      return;
    }
    setClientError(null);
    // The server deletes the draft with the inquiry: let a save under way finish first.
    await autosave.settle();
    mutation.mutate(toBody(state, autosave.exists() ? draftId : null));
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

      <div ref={alertRef} tabIndex={-1}>
        <FormError error={error} fields={fields} title={t('inquiries.intake.failedTitle')} />
        {error instanceof ApiError && error.status === 0 && (
          <p className="inquiry-retry-note">{t('inquiries.intake.retryNote')}</p>
        )}
      </div>

      <form
        className="inquiry-form"
        noValidate
        onSubmit={(event) => void submit(event)}
        onBlur={() => void autosave.saveNow()}
      >
        <Section title={t('inquiries.intake.sections.source')}>
          <div className="inquiry-field-row">
            <Select
              id={ID.source}
              label={t('inquiries.intake.source')}
              error={errors['body.source']}
              value={state.source}
              onChange={(event) => {
                const source = event.target.value as Source | '';
                // An anonymous source is an anonymous reporter.
                update(source === 'anonymous' ? { source, anonymous: true } : { source });
              }}
            >
              <option value="">{t('inquiries.common.choose')}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`inquiries.sources.${s}`)}
                </option>
              ))}
            </Select>
            <Select
              id={ID.channel}
              label={t('inquiries.intake.channel')}
              error={errors['body.channel']}
              value={state.channel}
              onChange={(event) => update({ channel: event.target.value as Channel | '' })}
            >
              <option value="">{t('inquiries.common.choose')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`inquiries.channels.${c}`)}
                </option>
              ))}
            </Select>
          </div>
          {state.source === 'other' && (
            <TextField
              id={ID.sourceOther}
              label={t('inquiries.intake.sourceOther')}
              error={errors['body.sourceOther']}
              widthClass="input-width-l"
              autoComplete="off"
              value={state.sourceOther}
              onChange={(event) => update({ sourceOther: event.target.value })}
            />
          )}
        </Section>

        <Section title={t('inquiries.intake.sections.reporter')}>
          <div className="form-group">
            <Checkbox
              id={ID.anonymous}
              label={t('inquiries.intake.anonymous')}
              checked={state.anonymous}
              onChange={(anonymous) => update({ anonymous })}
            />
          </div>
          {!state.anonymous && (
            <div className="inquiry-field-row">
              <TextField
                id={ID.reporterName}
                label={t('inquiries.intake.reporterName')}
                error={errors['body.reporter.name']}
                widthClass="input-width-l"
                autoComplete="off"
                value={state.reporterName}
                onChange={(event) => update({ reporterName: event.target.value })}
              />
              <TextField
                id={ID.reporterContact}
                label={t('inquiries.intake.reporterContact')}
                hint={t('inquiries.intake.reporterContactHint')}
                error={errors['body.reporter.contact']}
                widthClass="input-width-l"
                autoComplete="off"
                value={state.reporterContact}
                onChange={(event) => update({ reporterContact: event.target.value })}
              />
            </div>
          )}
        </Section>

        <Section title={t('inquiries.intake.sections.received')}>
          <div className="inquiry-field-row">
            <TextField
              id={ID.receivedDate}
              label={t('inquiries.intake.receivedDate')}
              hint={t('inquiries.common.dateHint')}
              error={errors['body.receivedAt']}
              widthClass="input-char-11"
              autoComplete="off"
              inputMode="numeric"
              value={state.receivedDate}
              onChange={(event) => update({ receivedDate: event.target.value })}
            />
            <TextField
              id={ID.receivedTime}
              label={t('inquiries.intake.receivedTime')}
              hint={t('inquiries.common.timeHint')}
              error={errors['body.receivedAt.time']}
              widthClass="input-char-8"
              autoComplete="off"
              inputMode="numeric"
              value={state.receivedTime}
              onChange={(event) => update({ receivedTime: event.target.value })}
            />
          </div>
        </Section>

        <Section title={t('inquiries.intake.sections.subject')}>
          <RadioGroup<SubjectKind>
            id={ID.subjectKind}
            name="subjectKind"
            legend={t('inquiries.intake.subjectKind')}
            error={errors['body.subjectKind']}
            inline
            options={SUBJECT_KINDS.map((kind) => ({
              value: kind,
              label: t(`inquiries.subjectKinds.${kind}`),
            }))}
            value={state.subjectKind}
            onChange={(subjectKind) =>
              update({
                subjectKind,
                persons:
                  subjectKind === 'persons' && state.persons.length < 2
                    ? [...state.persons, emptyPerson()]
                    : subjectKind === 'person'
                      ? state.persons.slice(0, 1)
                      : state.persons,
              })
            }
          />
          {state.subjectKind === 'group' && (
            <TextArea
              id={ID.group}
              label={t('inquiries.intake.groupDescription')}
              hint={t('inquiries.intake.groupDescriptionHint')}
              error={errors['body.groupDescription']}
              rows={3}
              maxLength={500}
              value={state.groupDescription}
              onChange={(event) => update({ groupDescription: event.target.value })}
            />
          )}
          {state.persons.map((person, index) => (
            <PersonFields
              key={person.key}
              index={index}
              person={person}
              errors={errors}
              bodyIndex={bodyIndexOfPerson(index)}
              onChange={(next) => updatePerson(index, next)}
              onRemove={
                index > 0
                  ? () => update({ persons: state.persons.filter((_, i) => i !== index) })
                  : null
              }
            />
          ))}
          {state.subjectKind !== 'person' && state.persons.length < 20 && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => update({ persons: [...state.persons, emptyPerson()] })}
            >
              {t('inquiries.intake.person.add')}
            </button>
          )}
        </Section>

        <Section title={t('inquiries.intake.sections.observation')}>
          <TextArea
            id={ID.observation}
            label={t('inquiries.intake.observation')}
            hint={t('inquiries.intake.observationHint')}
            error={errors['body.observation']}
            rows={7}
            maxLength={10_000}
            value={state.observation}
            onChange={(event) => update({ observation: event.target.value })}
          />
        </Section>

        <Section title={t('inquiries.intake.sections.signs')}>
          <SignsFields
            signs={state.signs}
            immediateDanger={state.immediateDanger}
            urgent={urgent}
            errors={errors}
            bodyIndex={(code) => signs.indexOf(code)}
            onSigns={(next) => update({ signs: next })}
            onDanger={(immediateDanger) => update({ immediateDanger })}
          />
        </Section>

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
      </form>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="inquiry-form-section">
      <h2 id={id} className="h3">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** "Fortsæt kladde": the user's saved drafts, newest first, to continue or delete. */
function DraftOffer({
  drafts,
  onContinue,
  onDismiss,
  onDeleted,
}: {
  drafts: Draft[];
  onContinue: (draft: Draft) => void;
  onDismiss: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation({ mutationFn: deleteDraft, onSuccess: onDeleted });
  const sorted = [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <div className="alert alert-info inquiry-drafts">
      <Icon name="info" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">
          {sorted.length === 1
            ? t('inquiries.drafts.headingOne')
            : t('inquiries.drafts.headingMany', { count: sorted.length })}
        </h2>
        <ul className="nobullet-list">
          {sorted.map((draft) => (
            <li key={draft.id} className="inquiry-draft">
              <span>
                {t('inquiries.drafts.savedAt', { time: formatDateTime(draft.updatedAt) })}
              </span>{' '}
              <button
                type="button"
                className="button button-primary"
                onClick={() => onContinue(draft)}
              >
                {t('inquiries.drafts.continue')}
              </button>{' '}
              <button
                type="button"
                className="button button-tertiary"
                disabled={remove.isPending}
                onClick={() => remove.mutate(draft.id)}
              >
                {t('inquiries.drafts.delete')}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-tertiary" onClick={onDismiss}>
          {t('inquiries.drafts.startNew')}
        </button>
      </div>
    </div>
  );
}

/** Every field the server may name, with its id and label, for the error summary. */
function formFields(t: TFunction, state: IntakeState): FormField[] {
  const fields: FormField[] = [
    { name: 'body.source', id: ID.source, label: t('inquiries.intake.source') },
    { name: 'body.sourceOther', id: ID.sourceOther, label: t('inquiries.intake.sourceOther') },
    { name: 'body.channel', id: ID.channel, label: t('inquiries.intake.channel') },
    { name: 'body.reporter', id: ID.anonymous, label: t('inquiries.intake.sections.reporter') },
    { name: 'body.reporter.name', id: ID.reporterName, label: t('inquiries.intake.reporterName') },
    {
      name: 'body.reporter.contact',
      id: ID.reporterContact,
      label: t('inquiries.intake.reporterContact'),
    },
    { name: 'body.receivedAt', id: ID.receivedDate, label: t('inquiries.intake.receivedDate') },
    {
      name: 'body.receivedAt.time',
      id: ID.receivedTime,
      label: t('inquiries.intake.receivedTime'),
    },
    { name: 'body.subjectKind', id: ID.subjectKind, label: t('inquiries.intake.subjectKind') },
    {
      name: 'body.groupDescription',
      id: ID.group,
      label: t('inquiries.intake.groupDescription'),
    },
    { name: 'body.observation', id: ID.observation, label: t('inquiries.intake.observation') },
    {
      name: 'body.immediateDanger',
      id: DANGER_ID,
      label: t('inquiries.intake.signs.immediateDanger'),
    },
    {
      name: 'body.persons',
      id: personFieldId(0, 'givenName'),
      label: t('inquiries.intake.sections.subject'),
    },
  ];
  sentPersons(state).forEach(({ formIndex }, bodyIndex) => {
    const person = t('inquiries.intake.person.heading', { number: formIndex + 1 });
    const add = (name: string, field: string, label: string) =>
      fields.push({
        name: `body.persons.${bodyIndex}${name}`,
        id: personFieldId(formIndex, field),
        label: `${person}: ${label}`,
      });
    add('', 'givenName', t('inquiries.intake.person.givenName'));
    add('.new', 'givenName', t('inquiries.intake.person.givenName'));
    add('.existingPersonId', 'givenName', t('inquiries.intake.person.existingLabel'));
    add('.new.givenName', 'givenName', t('inquiries.intake.person.givenName'));
    add('.new.familyName', 'familyName', t('inquiries.intake.person.familyName'));
    add('.new.birthDate', 'birthDate', t('inquiries.intake.person.birthDate'));
    add('.new.cpr', 'cpr', t('inquiries.intake.person.cpr'));
    add('.new.address', 'address', t('inquiries.intake.person.address'));
    add('.new.phone', 'phone', t('inquiries.intake.person.phone'));
    add('.relationToFirst', 'relation', t('inquiries.intake.person.relation'));
  });
  checkedSigns(state).forEach((code, index) => {
    const label = t(`inquiries.signs.codes.${code}`);
    fields.push(
      { name: `body.signs.${index}`, id: signFieldId(code), label },
      { name: `body.signs.${index}.code`, id: signFieldId(code), label },
      {
        name: `body.signs.${index}.note`,
        id: signNoteId(code),
        label: `${label}: ${t('inquiries.intake.signs.note')}`,
      },
    );
  });
  return fields;
}
