import type { TFunction } from 'i18next';
import { BACKDATE_REASONS } from '../../../../shared/values.ts';
import { POLICE_FEEDBACK_KINDS } from '../../../../shared/police-feedback.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatDateTime } from '../cases/format';
import {
  CHANNELS,
  isOneOf,
  LEGAL_BASES,
  OUTCOMES,
  SERIOUSNESS,
  SIGN_CODES,
  SOURCES,
  SUBJECT_KINDS,
  useForums,
  useInquiryHistory,
  type InquiryDetail,
  type InquiryEvent,
} from './inquiriesApi';
import { CompactTable } from '../../ui/Table';

/** The kinds of event the server records (service.ts and decision.ts), with their texts. */
const KINDS = [
  'created',
  'updated',
  'triaged',
  'contribution_added',
  'decided',
  'approved',
  'rejected',
  'reopened',
  'case_opened',
  'child_report_marked',
  'child_report_unmarked',
  'immediate_help_assessed',
  'child_report_acknowledged',
  'forwarded',
  'forwarded_in',
  'police_feedback_received',
  'police_feedback_read',
  // Meeting the citizen (server/modules/citizen-meetings).
  'contact_attempt_recorded',
  'citizen_meeting_prepared',
  'citizen_meeting_held',
  'citizen_meeting_reflected',
  'meeting_decision_recorded',
] as const;

/** Fields of an edit, in readable words. */
const FIELDS = [
  'source',
  'sourceOther',
  'channel',
  'receivedAt',
  'observation',
  'subjectKind',
  'groupDescription',
  'immediateDanger',
  'forumId',
  'reporter_anonymous',
  'reporter_name',
  'reporter_contact',
  'signs',
  'urgent',
  'seriousness',
  'deadlineAt',
  'backdateReason',
  'childReport',
  'toMunicipality',
  'fromMunicipality',
] as const;
type Field = (typeof FIELDS)[number];

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

/** The chronology: who did what when, and for edits each field from → to. */
export function HistoryPanel({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation();
  const history = useInquiryHistory(detail.id, true);
  const forums = useForums(detail.abilities.edit);
  const forumName = (id: string) => forums.data?.items.find((f) => f.id === id)?.name;

  if (history.isPending) return <Loading label={t('inquiries.history.loading')} />;
  if (history.isError) {
    return (
      <ErrorAlert
        title={t('inquiries.history.loadError')}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const events = [...(history.data.events ?? [])].sort((a, b) =>
    b.occurredAt.localeCompare(a.occurredAt),
  );
  if (events.length === 0) return <p>{t('inquiries.history.empty')}</p>;

  return (
    <CompactTable
      className="inquiry-history"
      caption={t('inquiries.history.caption', { reference: detail.reference })}
      columns={[
        t('inquiries.history.when'),
        t('inquiries.history.who'),
        t('inquiries.history.what'),
        t('inquiries.history.changes'),
      ]}
    >
      {events.map((event) => (
        <tr key={event.id}>
          <td className="inquiry-nowrap">{formatDateTime(event.occurredAt)}</td>
          <td>{event.actorName ?? t('inquiries.history.system')}</td>
          <td>
            {isOneOf(KINDS, event.kind) ? t(`inquiries.history.kinds.${event.kind}`) : event.kind}
          </td>
          <td>
            <EventChanges event={event} t={t} forumName={forumName} />
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}

function EventChanges({
  event,
  t,
  forumName,
}: {
  event: InquiryEvent;
  t: TFunction;
  forumName: (id: string) => string | undefined;
}) {
  const value = (field: Field, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return t('inquiries.history.empty_value');
    if (typeof raw === 'boolean') return raw ? t('inquiries.common.yes') : t('inquiries.common.no');
    const text =
      typeof raw === 'string' || typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
    switch (field) {
      case 'source':
        return isOneOf(SOURCES, text) ? t(`inquiries.sources.${text}`) : text;
      case 'channel':
        return isOneOf(CHANNELS, text) ? t(`inquiries.channels.${text}`) : text;
      case 'subjectKind':
        return isOneOf(SUBJECT_KINDS, text) ? t(`inquiries.subjectKinds.${text}`) : text;
      case 'seriousness':
        return isOneOf(SERIOUSNESS, text) ? t(`inquiries.seriousness.${text}`) : text;
      case 'receivedAt':
      case 'deadlineAt':
        return Number.isNaN(Date.parse(text)) ? text : formatDateTime(text);
      case 'forumId':
        return forumName(text) ?? t('inquiries.history.aForum');
      case 'backdateReason':
        return isOneOf(BACKDATE_REASONS, text) ? t(`form.backdate.reasons.${text}`) : text;
      case 'signs':
        // "code: note, code" as the server writes it: the codes in words.
        return text
          .split(', ')
          .map((part) => {
            const [code, ...note] = part.split(': ');
            const label =
              code && isOneOf(SIGN_CODES, code) ? t(`inquiries.signs.codes.${code}`) : code;
            return note.length > 0 ? `${label ?? ''} (${note.join(': ')})` : (label ?? '');
          })
          .join('; ');
      default:
        return text;
    }
  };

  const entries = Object.entries(event.changes);
  const edits = entries.filter(([, change]) => isChange(change));
  if (edits.length > 0) {
    return (
      <ul className="nobullet-list inquiry-history-changes">
        {edits.map(([field, change]) => {
          if (!isChange(change)) return null;
          const known = isOneOf(FIELDS, field);
          return (
            <li key={field}>
              <strong>{known ? t(`inquiries.history.fields.${field}`) : field}:</strong>{' '}
              {known ? value(field, change.from) : String(change.from)} →{' '}
              {known ? value(field, change.to) : String(change.to)}
            </li>
          );
        })}
      </ul>
    );
  }
  const c = event.changes;
  switch (event.kind) {
    case 'created':
      return <>{typeof c.reference === 'string' ? c.reference : null}</>;
    case 'contribution_added':
      return (
        <>
          {typeof c.legalBasis === 'string' && isOneOf(LEGAL_BASES, c.legalBasis)
            ? t(`inquiries.legalBases.${c.legalBasis}`)
            : null}
        </>
      );
    case 'decided':
      return (
        <>
          {typeof c.outcome === 'string' && isOneOf(OUTCOMES, c.outcome)
            ? t(`inquiries.outcomes.${c.outcome}`)
            : null}
          {c.awaitingApproval === true && ` (${t('inquiries.history.awaitingApproval')})`}
        </>
      );
    case 'approved':
    case 'rejected':
    case 'reopened': {
      const text =
        typeof c.comment === 'string' ? c.comment : typeof c.reason === 'string' ? c.reason : null;
      return <>{text}</>;
    }
    case 'case_opened':
      return typeof c.caseId === 'string' ? (
        <Link to={`/sager/${c.caseId}`}>
          {typeof c.reference === 'string' ? c.reference : t('inquiries.decision.theCase')}
        </Link>
      ) : null;
    case 'police_feedback_received':
      return typeof c.kind === 'string' && isOneOf(POLICE_FEEDBACK_KINDS, c.kind) ? (
        <>{t(`policeFeedback.kinds.${c.kind}`)}</>
      ) : null;
    case 'child_report_acknowledged':
      return c.emailed === true ? <>{t('inquiries.history.emailed')}</> : null;
    case 'meeting_decision_recorded':
      return typeof c.meetingId === 'string' ? (
        <Link to={`/moeder/${c.meetingId}/referat`}>{t('inquiries.history.meetingMinutes')}</Link>
      ) : null;
    default:
      return null;
  }
}
