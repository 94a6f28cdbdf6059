import { z } from 'zod';
import { DecisionBody } from '../../../../server/modules/inquiries/schema-decision.ts';
import type { AuthorityArea, Environment, ExtremismForm } from '../../../../shared/values.ts';
import i18n from '../../app/i18n';
import { addBodyIssues, danishToday, saidIssue } from '../../ui/form';
import {
  backdateBody,
  backdateDefaults,
  isBackdated,
  type BackdateValues,
} from '../../ui/form/backdateValues';
import { localDateTimeToIso } from './format';
import type { Decision, Outcome, SubjectKind } from './inquiriesApi';

/**
 * The decision form's values: as the radio buttons, selects and the one date field hold them
 * ('' for "not assessed", the police handover as a date and a time of day), made into the
 * server's `DecisionBody` on saving and checked with it before.
 */
export type DecisionValues = BackdateValues & {
  outcome: Outcome | null;
  /** The day the decision was taken; '' for today. */
  decidedOn: string;
  reason: string;
  referredUnitId: string | null;
  passedOn: string;
  policeDate: string;
  policeTime: string;
  policeRecipient: string;
  municipalityKeeps: string;
  classification: {
    extremismForm: ExtremismForm | '';
    extremismFormOther: string;
    authorityArea: AuthorityArea | '';
    primary: '' | 'yes' | 'no';
    subjectKind: SubjectKind;
    environment: Environment | '';
  };
};

export function emptyDecision(subjectKind: SubjectKind): DecisionValues {
  return {
    outcome: null,
    decidedOn: '',
    ...backdateDefaults,
    reason: '',
    referredUnitId: null,
    passedOn: '',
    policeDate: '',
    policeTime: '',
    policeRecipient: '',
    municipalityKeeps: '',
    classification: {
      extremismForm: '',
      extremismFormOther: '',
      authorityArea: '',
      primary: '',
      subjectKind,
      environment: '',
    },
  };
}

const orNull = (value: string) => value.trim() || null;

/** The police handover's instant: midnight when only the date is given; '' when unreadable. */
function policeHandedAt(values: DecisionValues): string | null {
  if (values.outcome !== 'police') return null;
  if (!values.policeDate.trim() && !values.policeTime.trim()) return null;
  return localDateTimeToIso(values.policeDate, values.policeTime.trim() || '00.00') ?? '';
}

export function toBody(values: DecisionValues, version: number): Decision {
  const { outcome } = values;
  const c = values.classification;
  return {
    version,
    outcome: outcome ?? (undefined as unknown as Outcome),
    reason: values.reason.trim(),
    referredUnitId: outcome === 'other_concern' ? values.referredUnitId : null,
    passedOn: outcome === 'other_concern' ? orNull(values.passedOn) : null,
    policeHandedAt: policeHandedAt(values),
    policeRecipient: outcome === 'police' ? orNull(values.policeRecipient) : null,
    municipalityKeeps: outcome === 'police' ? orNull(values.municipalityKeeps) : null,
    classification: {
      extremismForm: c.extremismForm || null,
      extremismFormOther: c.extremismForm === 'other' ? orNull(c.extremismFormOther) : null,
      authorityArea: c.authorityArea || null,
      primaryConcern: c.primary === '' ? null : c.primary === 'yes',
      subjectKind: c.subjectKind,
      environment: c.environment || null,
    },
    decidedOn: values.decidedOn || null,
    ...backdateBody(values, decidedEarlier(values)),
  };
}

/** The decision is dated before today, the day it is registered: it needs a reason. */
export function decidedEarlier(values: Pick<DecisionValues, 'decidedOn'>): boolean {
  return isBackdated(values.decidedOn, danishToday());
}

/** The body's field names as the form's. */
export function decisionRename(path: string): string {
  if (path === 'policeHandedAt') return 'policeDate';
  if (path === 'classification.primaryConcern') return 'classification.primary';
  return path;
}

/** The form's check: an outcome chosen, a handover time it can read, then `DecisionBody`. */
export const DecisionSchema = z
  .custom<DecisionValues>(() => true)
  .superRefine((values, ctx) => {
    const taken = new Set<string>();
    if (!values.outcome) {
      taken.add('outcome');
      ctx.addIssue(saidIssue('outcome', i18n.t('inquiries.decision.chooseOutcome')));
    }
    if (policeHandedAt(values) === '') {
      taken.add('policeDate');
      ctx.addIssue(saidIssue('policeDate', i18n.t('inquiries.intake.problems.dateInvalid')));
    }
    addBodyIssues(ctx, DecisionBody, toBody(values, 1), decisionRename, taken);
  });
