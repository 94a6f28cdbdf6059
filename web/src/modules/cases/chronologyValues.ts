import { useTranslation } from 'react-i18next';
import {
  CaseRoleSchema,
  CaseScopeSchema,
  CHRONOLOGY_FACT_FIELDS,
  CONCERN_LEVELS,
  FILING_DOCUMENT_KINDS,
} from '../../../../shared/values.ts';
import { PARTNER_PARTS } from '../../../../shared/partners.ts';
import { NOTICE_EXEMPTIONS, NOTICE_METHODS } from '../../../../shared/notice.ts';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  MEETING_PURPOSES,
} from '../../../../shared/citizen-meetings.ts';
import { PersonRoleSchema } from '../../../../server/modules/cases/schema.ts';
import { ClosureOutcomeSchema } from '../../../../server/modules/closure/schema.ts';
import { isCaseStatus, type CaseRole, type CaseScope } from './casesApi';
import { CLASSIFICATION_FIELDS, classificationValueKey } from './classification';
import { formatDate } from './format';

/** How the chronology shows an event's changed fields: their names and their values. */

/**
 * A changed value as the page shows it: codes translated (statuses, roles, concern levels, the
 * classification, outcomes), dates in Danish form, yes/no for booleans.
 */
export function useValueText() {
  const { t } = useTranslation();
  return (field: string, value: string | number | boolean | null): string => {
    if (value === null || value === '') return t('cases.chronology.none');
    if (typeof value === 'boolean') {
      return value ? t('cases.chronology.yes') : t('cases.chronology.no');
    }
    if (typeof value !== 'string') return String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    // A partner's parts (server/modules/partners): a list of codes, each in the user's words.
    if (field === 'partnerParts') {
      return value
        .split(', ')
        .map((part) => (isIn(part, PARTNER_PARTS) ? t(`partnerAccess.parts.${part}`) : part))
        .join(', ');
    }
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
  if (field === 'personRole' && isIn(value, PersonRoleSchema.options)) {
    return `cases.personRoles.${value}` as const;
  }
  const coded = classificationValueKey(field, value);
  if (coded) return coded;
  if (field === 'noticeMethod' && isIn(value, NOTICE_METHODS)) {
    return `notice.methods.${value}` as const;
  }
  if (field === 'noticeExemption' && isIn(value, NOTICE_EXEMPTIONS)) {
    return `notice.exemptions.${value}` as const;
  }
  if (field === 'outcome' && isIn(value, OUTCOMES)) return `closure.outcomes.${value}` as const;
  if (field === 'contactChannel' && isIn(value, CONTACT_CHANNELS)) {
    return `citizenMeetings.channels.${value}` as const;
  }
  if (field === 'contactOutcome' && isIn(value, CONTACT_OUTCOMES)) {
    return `citizenMeetings.outcomes.${value}` as const;
  }
  if (field === 'meetingPurpose' && isIn(value, MEETING_PURPOSES)) {
    return `citizenMeetings.purposes.${value}` as const;
  }
  if (field === 'document' && isIn(value, FILING_DOCUMENT_KINDS)) {
    return `cases.chronology.filingDocument.${value}` as const;
  }
  return null;
}

const isIn = <T extends string>(value: string, list: readonly T[]): value is T =>
  (list as readonly string[]).includes(value);
const OUTCOMES = ClosureOutcomeSchema.options;
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

/** What a "document filed" event states (server/modules/filing/recording.ts). */
const FILING_FIELDS = CHRONOLOGY_FACT_FIELDS.slice(3);

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
  'participants',
  'person',
  'custodyHolder',
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
  'inquiry',
  'resumeReason',
  'decidedAlone',
  // Partners invited into the case (server/modules/partners).
  'partnerOrganisation',
  'partnerPerson',
  'partnerParts',
  'legalBasis',
  'endedOn',
  // Across municipalities (docs/TRANSFERS.md).
  'toMunicipality',
  'fromMunicipality',
  'fromReference',
  // Meeting the citizen (server/modules/citizen-meetings).
  'contactChannel',
  'contactOutcome',
  'attemptedOn',
  'meetingPurpose',
  'plannedOn',
  'nextMeetingOn',
  ...FILING_FIELDS,
  ...CLASSIFICATION_FIELDS,
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];
/** Fields an event states as a fact, not as a change: shown as their value alone. */
const FACT_FIELDS: readonly string[] = CHRONOLOGY_FACT_FIELDS satisfies readonly ChangeField[];
export const isFactField = (field: string) => FACT_FIELDS.includes(field);
export const isChangeField = (field: string): field is ChangeField =>
  (CHANGE_FIELDS as readonly string[]).includes(field);
const isCaseRole = (value: string): value is CaseRole => isIn(value, CaseRoleSchema.options);
const isCaseScope = (value: string): value is CaseScope => isIn(value, CaseScopeSchema.options);
