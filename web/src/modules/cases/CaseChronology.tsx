import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import {
  addNote,
  CASE_EVENT_KINDS,
  CASES_QUERY_KEY,
  isCaseEventKind,
  isCaseStatus,
  useChronology,
  type CaseDetail,
  type CaseEvent,
  type CaseEventKind,
  type CaseRole,
  type CaseScope,
} from './casesApi';
import { formatDate, formatDateTime } from './format';

const NOTE_MAX = 10_000;

/**
 * The case's chronology ("Forløb"): every event of the case, newest first, filterable by kind
 * and author, with a note form for members with the whole case and a print view of the
 * timeline alone. Compartment notes arrive only for readers with the compartment.
 */
export function CaseChronology({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const kindId = useId();
  const authorId = useId();
  const [kind, setKind] = useState<CaseEventKind | null>(null);
  const [author, setAuthor] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const events = useChronology(detail.id, { kind, authorId: author });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const authors = events.data?.pages[0]?.authors ?? [];
  const mayWrite = detail.abilities.notes.write;

  useEffect(() => {
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);

  const print = () => {
    flushSync(() => setPrinting(true));
    window.print();
  };

  return (
    <section
      aria-labelledby={headingId}
      className={
        printing ? 'case-section case-chronology case-printing' : 'case-section case-chronology'
      }
    >
      <h2 id={headingId}>{t('cases.chronology.heading')}</h2>
      <p className="case-print-only">
        {t('cases.chronology.printedAt', {
          reference: detail.reference,
          time: formatDateTime(new Date().toISOString()),
        })}
      </p>
      <div className="case-chronology-tools no-print">
        <div className="form-group case-chronology-filter">
          <label className="form-label" htmlFor={kindId}>
            {t('cases.chronology.kindFilter')}
          </label>
          <select
            id={kindId}
            className="form-select"
            value={kind ?? ''}
            onChange={(e: ChangeEvent<HTMLSelectElement>) =>
              setKind(isCaseEventKind(e.target.value) ? e.target.value : null)
            }
          >
            <option value="">{t('cases.chronology.allKinds')}</option>
            {CASE_EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cases.chronology.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group case-chronology-filter">
          <label className="form-label" htmlFor={authorId}>
            {t('cases.chronology.authorFilter')}
          </label>
          <select
            id={authorId}
            className="form-select"
            value={author ?? ''}
            onChange={(e: ChangeEvent<HTMLSelectElement>) => setAuthor(e.target.value || null)}
          >
            <option value="">{t('cases.chronology.allAuthors')}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={print}>
          {t('cases.chronology.print')}
        </button>
      </div>

      {mayWrite && <NoteForm detail={detail} />}

      {events.isPending ? (
        <Loading label={t('cases.chronology.loading')} />
      ) : events.isError && items.length === 0 ? (
        <ErrorAlert
          title={t('cases.chronology.loadError')}
          error={events.error}
          onRetry={() => void events.refetch()}
        />
      ) : (
        <>
          <p role="status" className="case-count no-print">
            {items.length === 0
              ? t('cases.chronology.empty')
              : items.length === 1
                ? t('cases.chronology.countOne')
                : t('cases.chronology.countMany', { count: items.length })}
          </p>
          {items.length > 0 && (
            <ol className="case-timeline">
              {items.map((item) => (
                <EventItem key={item.id} item={item} />
              ))}
            </ol>
          )}
          {events.isFetchNextPageError && (
            <ErrorAlert title={t('cases.chronology.loadMoreError')} error={events.error} />
          )}
          {events.hasNextPage && (
            <button
              type="button"
              className="button button-secondary mt-5 no-print"
              disabled={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              {events.isFetchingNextPage
                ? t('cases.common.loadingMore')
                : t('cases.common.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function EventItem({ item }: { item: CaseEvent }) {
  const { t } = useTranslation();
  const text = item.compartment ? item.compartmentText : item.noteText;
  const valueText = useValueText();
  // The name of a catalogue entry that reveals the concern arrives only with the compartment.
  const changes = Object.entries({ ...item.changes, ...item.concernChanges });
  return (
    <li className="case-event">
      <p className="case-event-head">
        <strong>{t(`cases.chronology.kinds.${item.kind}`)}</strong>
        {item.compartment && (
          <span className="badge badge-warning case-badge">
            {t('cases.chronology.compartmentBadge')}
          </span>
        )}
        <span className="case-event-meta">
          {t('cases.chronology.byAt', {
            author: item.author?.name ?? t('cases.chronology.system'),
            time: formatDateTime(item.occurredAt),
          })}
        </span>
      </p>
      {text && <p className="case-text case-event-text">{text}</p>}
      {changes.length > 0 && (
        <dl className="case-facts case-event-changes">
          {changes.map(([field, change]) => (
            <div key={field} className="case-event-change">
              <dt>{isChangeField(field) ? t(`cases.chronology.fields.${field}`) : field}</dt>
              <dd>
                {t('cases.chronology.fromTo', {
                  from: valueText(field, change.from),
                  to:
                    field === 'intervention' && change.to === null
                      ? t('caseInterventions.neutralName')
                      : valueText(field, change.to),
                })}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/**
 * A changed value as the page shows it: codes translated (statuses, roles, concern levels, the
 * classification, outcomes), dates in Danish form, yes/no for booleans.
 */
function useValueText() {
  const { t } = useTranslation();
  return (field: string, value: string | number | boolean | null): string => {
    if (value === null || value === '') return t('cases.chronology.none');
    if (typeof value === 'boolean') {
      return value ? t('cases.chronology.yes') : t('cases.chronology.no');
    }
    if (typeof value !== 'string') return String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    const key = valueKey(field, value);
    return key ? t(key) : value;
  };
}

/** The translation key of a coded value, when the field has a list of codes. */
function valueKey(field: string, value: string) {
  if (field === 'status') {
    if (isCaseStatus(value)) return `cases.status.${value}` as const;
    if (isWorkStatus(value)) return `cases.chronology.workStatus.${value}` as const;
  }
  if (field === 'role' && isCaseRole(value)) return `cases.roles.${value}` as const;
  if (field === 'scope' && isCaseScope(value)) return `cases.scopes.${value}` as const;
  if (field === 'concernLevel' && isIn(value, CONCERN_LEVELS)) {
    return `cases.concernLevel.${value}` as const;
  }
  if (field === 'personRole' && isIn(value, PERSON_ROLES)) {
    return `cases.personRoles.${value}` as const;
  }
  if (field === 'extremismForm' && isIn(value, FORMS)) {
    return `cases.compartment.forms.${value}` as const;
  }
  if (field === 'ageGroup' && isIn(value, AGE_GROUPS)) {
    return `cases.compartment.ageGroups.${value}` as const;
  }
  if (field === 'authorityArea' && isIn(value, AUTHORITY_AREAS)) {
    return `cases.compartment.authorityAreas.${value}` as const;
  }
  if (field === 'subjectKind' && isIn(value, SUBJECT_KINDS)) {
    return `cases.compartment.subjectKinds.${value}` as const;
  }
  if (field === 'environment' && isIn(value, ENVIRONMENTS)) {
    return `cases.compartment.environments.${value}` as const;
  }
  if (field === 'outcome' && isIn(value, OUTCOMES)) return `closure.outcomes.${value}` as const;
  return null;
}

const isIn = <T extends string>(value: string, list: readonly T[]): value is T =>
  (list as readonly string[]).includes(value);
const CONCERN_LEVELS = ['low', 'moderate', 'high'] as const;
const PERSON_ROLES = [
  'citizen',
  'parent',
  'sibling',
  'younger_sibling',
  'spouse',
  'other',
] as const;
const FORMS = ['militant_islamism', 'right_wing', 'left_wing', 'other'] as const;
const AGE_GROUPS = ['under_18', 'adult', 'unknown'] as const;
const AUTHORITY_AREAS = ['inside', 'outside'] as const;
const SUBJECT_KINDS = ['person', 'persons', 'group', 'family'] as const;
const ENVIRONMENTS = ['physical', 'online', 'both'] as const;
const OUTCOMES = ['handled', 'transferred', 'police', 'moved', 'contact_lost', 'other'] as const;
/** Statuses of interventions, offers and follow-ups (a case's own are `cases.status`). */
const WORK_STATUSES = [
  'planned',
  'paused',
  'ended',
  'cancelled',
  'scheduled',
  'open',
  'accepted',
  'declined',
  'done',
] as const;
const isWorkStatus = (value: string) => isIn(value, WORK_STATUSES);

const CHANGE_FIELDS = [
  'status',
  'reason',
  'until',
  'member',
  'role',
  'scope',
  'concernLevel',
  'count',
  'dueOn',
  'heldOn',
  'startsOn',
  'endsOn',
  'endReason',
  'purpose',
  'provider',
  'providerName',
  'consent',
  'intervention',
  'personRole',
  'givenBy',
  'method',
  'givenOn',
  'withdrawnOn',
  'offer',
  'round',
  'offeredOn',
  'answeredOn',
  'renewalsScheduled',
  'plan',
  'outcome',
  'decision',
  'noLongerAtRisk',
  'inEducationOrWork',
  'extremismForm',
  'extremismFormOther',
  'ageGroup',
  'authorityArea',
  'primaryConcern',
  'subjectKind',
  'environment',
] as const;
type ChangeField = (typeof CHANGE_FIELDS)[number];
const isChangeField = (field: string): field is ChangeField =>
  (CHANGE_FIELDS as readonly string[]).includes(field);
const isCaseRole = (value: string): value is CaseRole =>
  value === 'coordinator' || value === 'forum' || value === 'member';
const isCaseScope = (value: string): value is CaseScope =>
  value === 'full' || value === 'intervention';

function NoteForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const textId = useId();
  const compartmentId = useId();
  const [text, setText] = useState('');
  const [inCompartment, setInCompartment] = useState(false);
  const mutation = useMutation({
    mutationFn: () => addNote(detail.id, { text, compartment: inCompartment }),
    onSuccess: async () => {
      setText('');
      setInCompartment(false);
      await queryClient.invalidateQueries({
        queryKey: [...CASES_QUERY_KEY, 'chronology', detail.id],
      });
    },
  });
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const textError = errors['body.text'];

  return (
    <form className="case-note-form no-print" onSubmit={submit} noValidate>
      <FormError
        error={mutation.error}
        fields={[{ name: 'body.text', id: textId, label: t('cases.chronology.noteLabel') }]}
        title={t('cases.chronology.noteError')}
      />
      <div className={textError ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={textId}>
          {t('cases.chronology.noteLabel')}
        </label>
        <span className="form-hint" id={`${textId}-hint`}>
          {t('cases.chronology.noteHint', { max: NOTE_MAX })}
        </span>
        {textError && (
          <span className="form-error-message" id={`${textId}-error`}>
            {textError}
          </span>
        )}
        <textarea
          id={textId}
          className="form-input case-note-input"
          rows={4}
          maxLength={NOTE_MAX}
          value={text}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${textId}-hint ${textId}-error` : `${textId}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {detail.abilities.compartment.write && (
        <div className="form-group">
          <input
            id={compartmentId}
            type="checkbox"
            className="form-checkbox"
            checked={inCompartment}
            onChange={(e) => setInCompartment(e.target.checked)}
          />
          <label htmlFor={compartmentId}>{t('cases.chronology.noteCompartment')}</label>
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('cases.chronology.noteSaving') : t('cases.chronology.noteSave')}
      </button>
      {mutation.isSuccess && (
        <p role="status" className="case-note-saved">
          {t('cases.chronology.noteSaved')}
        </p>
      )}
    </form>
  );
}
