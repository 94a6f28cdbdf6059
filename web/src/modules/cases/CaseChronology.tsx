import { useEffect, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedList } from '../../ui/PagedList';
import {
  CASE_EVENT_KINDS,
  isCaseEventKind,
  useChronology,
  type CaseDetail,
  type CaseEvent,
  type CaseEventKind,
} from './casesApi';
import { isAssessmentEdit } from '../../../../server/modules/assessments/changes.ts';
import { useAssessmentChangeLines } from './assessmentChanges';
import { isChangeField, isFactField, useValueText } from './chronologyValues';
import { formatDateTime } from './format';
import { backdatedText } from '../../ui/backdatedText';
import { NoteForm } from './NoteForm';

/**
 * The case's chronology ("Forløb"): every event of the case, newest first, filterable by kind
 * and author, with a note form for members with the whole case and a print view of the
 * timeline alone. Compartment notes arrive only for readers with the compartment.
 */
export function CaseChronology({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
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
        <FilterSelect
          className="case-chronology-filter"
          label={t('cases.chronology.kindFilter')}
          value={kind ?? ''}
          all={t('cases.chronology.allKinds')}
          options={CASE_EVENT_KINDS.map((k) => ({
            value: k,
            label: t(`cases.chronology.kinds.${k}`),
          }))}
          onChange={(value) => setKind(isCaseEventKind(value) ? value : null)}
        />
        <FilterSelect
          className="case-chronology-filter"
          label={t('cases.chronology.authorFilter')}
          value={author ?? ''}
          all={t('cases.chronology.allAuthors')}
          options={authors.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(value) => setAuthor(value || null)}
        />
        <button type="button" className="button button-secondary" onClick={print}>
          {t('cases.chronology.print')}
        </button>
      </div>

      {mayWrite && <NoteForm detail={detail} />}

      <PagedList
        query={events}
        count={items.length}
        countClassName="case-count"
        noPrint
        texts={{
          loading: t('cases.chronology.loading'),
          loadError: t('cases.chronology.loadError'),
          loadMoreError: t('cases.chronology.loadMoreError'),
          empty: t('cases.chronology.empty'),
          one: t('cases.chronology.countOne'),
          many: (count) => t('cases.chronology.countMany', { count }),
        }}
      >
        <ol className="case-timeline">
          {items.map((item) => (
            <EventItem key={item.id} item={item} />
          ))}
        </ol>
      </PagedList>
    </section>
  );
}

/** One event: its kind, author and time, its text and its changes in words. */
export function EventItem({ item }: { item: CaseEvent }) {
  const { t } = useTranslation();
  const text = item.compartment ? item.compartmentText : item.noteText;
  const valueText = useValueText();
  const assessmentLines = useAssessmentChangeLines();
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
      {item.happenedOn && item.backdateReason && (
        <p className="case-event-backdated">
          {t('cases.chronology.happenedOn', {
            date: backdatedText(item.happenedOn, item.occurredAt, item.backdateReason),
          })}
        </p>
      )}
      {text && <p className="case-text case-event-text">{text}</p>}
      {changes.length > 0 && isAssessmentEdit(item.kind) && (
        <dl className="case-facts case-event-changes">
          {assessmentLines(item.changes).map((line) => (
            <div key={line.key} className="case-event-change">
              <dt>{line.label}</dt>
              <dd>{line.text}</dd>
            </div>
          ))}
        </dl>
      )}
      {changes.length > 0 && !isAssessmentEdit(item.kind) && (
        <dl className="case-facts case-event-changes">
          {changes.map(([field, change]) => (
            <div key={field} className="case-event-change">
              <dt>{isChangeField(field) ? t(`cases.chronology.fields.${field}`) : field}</dt>
              <dd>
                {isFactField(field) && change.from === null
                  ? valueText(field, change.to)
                  : t('cases.chronology.fromTo', {
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
