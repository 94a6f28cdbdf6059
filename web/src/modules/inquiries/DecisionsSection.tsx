import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { fieldErrors, type FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { formatDateTime } from '../cases/format';
import { RadioGroup, Select, TextArea } from '../../ui/fields';
import { danishDateTimeToIso } from './format';
import {
  decideInquiry,
  OUTCOMES,
  reviewDecision,
  SUBJECT_KINDS,
  useUnits,
  type Decision,
  type DecisionView,
  type Outcome,
  type SubjectKind,
} from './inquiriesApi';
import type { PanelProps } from './InquiryPage';
import { ChangeError, useInquiryChange } from './InquiryPanels';

const EXTREMISM_FORMS = ['militant_islamism', 'right_wing', 'left_wing', 'other'] as const;
type ExtremismForm = (typeof EXTREMISM_FORMS)[number];
type Classification = Decision['classification'];
// A compile-time check that the list is the server's.
const _formsMatch: NonNullable<Classification['extremismForm']>[] = [...EXTREMISM_FORMS];
void _formsMatch;

/**
 * The decision of the initial assessment and what came of it: the decisions so far (a pending
 * one waits for a second coordinator when the municipality uses four-eyes), the review of a
 * pending decision, and the decision form.
 */
export function DecisionsSection(panel: PanelProps) {
  const { detail } = panel;
  const { t } = useTranslation();
  const headingId = useId();
  const decisions = [...(detail.decisions ?? [])].sort((a, b) =>
    b.decidedAt.localeCompare(a.decidedAt),
  );
  const pending = decisions.find((d) => d.status === 'pending');
  const { abilities } = detail;
  // After deciding, the form goes away: focus moves to the decision (and a new case's link).
  const [justDecided, setJustDecided] = useState(false);
  if (decisions.length === 0 && !abilities.decide) return null;

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('inquiries.decision.heading')}</h2>
      {decisions.length === 0 && <p>{t('inquiries.decision.none')}</p>}
      {decisions.map((decision, index) => (
        <DecisionCard key={decision.id} decision={decision} focus={justDecided && index === 0} />
      ))}
      {pending && abilities.review && (
        <ReviewForm key={`review-${detail.version}`} {...panel} decision={pending} />
      )}
      {abilities.decide && (
        <DecisionForm
          key={`decide-${detail.version}`}
          {...panel}
          onDecided={() => setJustDecided(true)}
        />
      )}
    </section>
  );
}

function DecisionCard({ decision, focus }: { decision: DecisionView; focus: boolean }) {
  const { t } = useTranslation();
  const c = decision.classification;
  const notGiven = t('inquiries.common.notGiven');
  const yesNo = (value: boolean | null) =>
    value === null ? notGiven : value ? t('inquiries.common.yes') : t('inquiries.common.no');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="inquiry-decision">
      <h3 ref={ref} tabIndex={-1}>
        {t(`inquiries.outcomes.${decision.outcome}`)}{' '}
        <span
          className={
            decision.status === 'final'
              ? 'badge badge-success inquiry-badge'
              : decision.status === 'pending'
                ? 'badge badge-warning inquiry-badge'
                : 'badge badge-info inquiry-badge'
          }
        >
          {t(`inquiries.decisionStatus.${decision.status}`)}
        </span>
      </h3>
      {decision.caseId && (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {t('inquiries.decision.caseOpened')}{' '}
              <Link to={`/sager/${decision.caseId}`} className="function-link">
                {t('inquiries.decision.caseLink', {
                  reference: decision.caseReference ?? t('inquiries.decision.theCase'),
                })}
              </Link>
            </p>
          </div>
        </div>
      )}
      <dl className="case-facts">
        <dt>{t('inquiries.decision.reason')}</dt>
        <dd className="case-text">{decision.reason}</dd>
        {decision.referredUnitName && (
          <>
            <dt>{t('inquiries.decision.referredUnit')}</dt>
            <dd>{decision.referredUnitName}</dd>
          </>
        )}
        {decision.passedOn && (
          <>
            <dt>{t('inquiries.decision.passedOn')}</dt>
            <dd className="case-text">{decision.passedOn}</dd>
          </>
        )}
        {decision.outcome === 'police' && (
          <>
            <dt>{t('inquiries.decision.policeHandedAt')}</dt>
            <dd>{decision.policeHandedAt ? formatDateTime(decision.policeHandedAt) : notGiven}</dd>
            <dt>{t('inquiries.decision.policeRecipient')}</dt>
            <dd>{decision.policeRecipient ?? notGiven}</dd>
            <dt>{t('inquiries.decision.municipalityKeeps')}</dt>
            <dd className="case-text">{decision.municipalityKeeps ?? notGiven}</dd>
          </>
        )}
        <dt>{t('inquiries.classification.extremismForm')}</dt>
        <dd>
          {c.extremismForm ? t(`inquiries.extremismForms.${c.extremismForm}`) : notGiven}
          {c.extremismFormOther && `: ${c.extremismFormOther}`}
        </dd>
        <dt>{t('inquiries.classification.ageGroup')}</dt>
        <dd>{t(`inquiries.ageGroups.${decision.ageGroup}`)}</dd>
        <dt>{t('inquiries.classification.authorityArea')}</dt>
        <dd>{c.authorityArea ? t(`inquiries.authorityAreas.${c.authorityArea}`) : notGiven}</dd>
        <dt>{t('inquiries.classification.primaryConcern')}</dt>
        <dd>{yesNo(c.primaryConcern)}</dd>
        <dt>{t('inquiries.classification.subjectKind')}</dt>
        <dd>{t(`inquiries.subjectKinds.${c.subjectKind}`)}</dd>
        <dt>{t('inquiries.classification.environment')}</dt>
        <dd>{c.environment ? t(`inquiries.environments.${c.environment}`) : notGiven}</dd>
        <dt>{t('inquiries.decision.decidedBy')}</dt>
        <dd>
          {decision.decidedBy}, {formatDateTime(decision.decidedAt)}
        </dd>
        {decision.reviewedBy && (
          <>
            <dt>{t('inquiries.decision.reviewedBy')}</dt>
            <dd>
              {decision.reviewedBy}
              {decision.reviewedAt && `, ${formatDateTime(decision.reviewedAt)}`}
              {decision.reviewComment && (
                <>
                  <br />
                  {decision.reviewComment}
                </>
              )}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** The second coordinator approves or rejects a pending decision (four-eyes). */
function ReviewForm(panel: PanelProps & { decision: DecisionView }) {
  const { detail } = panel;
  const { t } = useTranslation();
  const [approve, setApprove] = useState<'yes' | 'no' | null>(null);
  const [comment, setComment] = useState('');
  const mutation = useInquiryChange(reviewDecision, detail.id);
  const ids = { approve: `review-${detail.id}`, comment: `review-comment-${detail.id}` };
  const fields: FormField[] = [
    { name: 'body.approve', id: ids.approve, label: t('inquiries.review.choice') },
    { name: 'body.comment', id: ids.comment, label: t('inquiries.review.comment') },
  ];
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!approve || mutation.isPending) return;
    mutation.mutate({
      version: detail.version,
      approve: approve === 'yes',
      comment: comment.trim() || null,
    });
  };
  return (
    <div className="inquiry-panel">
      <h3>{t('inquiries.review.heading')}</h3>
      <p>{t('inquiries.review.intro')}</p>
      <ChangeError
        error={mutation.error}
        fields={fields}
        title={t('inquiries.review.failed')}
        panel={panel}
      />
      <form noValidate onSubmit={submit}>
        <RadioGroup<'yes' | 'no'>
          id={ids.approve}
          name="approve"
          legend={t('inquiries.review.choice')}
          error={errors['body.approve']}
          options={[
            { value: 'yes', label: t('inquiries.review.approve') },
            { value: 'no', label: t('inquiries.review.reject') },
          ]}
          value={approve}
          onChange={setApprove}
        />
        <TextArea
          id={ids.comment}
          label={t('inquiries.review.comment')}
          hint={t('inquiries.review.commentHint')}
          error={errors['body.comment']}
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={!approve || mutation.isPending}
        >
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.review.submit')}
        </button>
      </form>
    </div>
  );
}

type Tri = '' | 'yes' | 'no';

function DecisionForm(panel: PanelProps & { onDecided: () => void }) {
  const { detail, onDecided } = panel;
  const { t } = useTranslation();
  const municipality = useSession().data?.user?.municipality?.code;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const units = useUnits(municipality, outcome === 'other_concern');
  const [reason, setReason] = useState('');
  const [unitId, setUnitId] = useState('');
  const [passedOn, setPassedOn] = useState('');
  const [policeDate, setPoliceDate] = useState('');
  const [policeTime, setPoliceTime] = useState('');
  const [policeRecipient, setPoliceRecipient] = useState('');
  const [municipalityKeeps, setMunicipalityKeeps] = useState('');
  const [extremismForm, setExtremismForm] = useState<ExtremismForm | ''>('');
  const [extremismFormOther, setExtremismFormOther] = useState('');
  const [authorityArea, setAuthorityArea] = useState<'' | 'inside' | 'outside'>('');
  const [primary, setPrimary] = useState<Tri>('');
  const [subjectKind, setSubjectKind] = useState<SubjectKind>(detail.subjectKind);
  const [environment, setEnvironment] = useState<'' | 'physical' | 'online' | 'both'>('');
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useInquiryChange(decideInquiry, detail.id, onDecided);

  const p = `decision-${detail.id}`;
  const ids = {
    outcome: `${p}-outcome`,
    reason: `${p}-reason`,
    unit: `${p}-unit`,
    passedOn: `${p}-passed-on`,
    policeDate: `${p}-police-date`,
    policeTime: `${p}-police-time`,
    policeRecipient: `${p}-police-recipient`,
    keeps: `${p}-keeps`,
    form: `${p}-form`,
    formOther: `${p}-form-other`,
    area: `${p}-area`,
    primary: `${p}-primary`,
    subjectKind: `${p}-subject-kind`,
    environment: `${p}-environment`,
  };
  const cl = (key: string) => `body.classification.${key}`;
  const fields: FormField[] = [
    { name: 'body.outcome', id: ids.outcome, label: t('inquiries.decision.outcome') },
    { name: 'body.reason', id: ids.reason, label: t('inquiries.decision.reason') },
    { name: 'body.referredUnitId', id: ids.unit, label: t('inquiries.decision.referredUnit') },
    { name: 'body.passedOn', id: ids.passedOn, label: t('inquiries.decision.passedOn') },
    {
      name: 'body.policeHandedAt',
      id: ids.policeDate,
      label: t('inquiries.decision.policeHandedAt'),
    },
    {
      name: 'body.policeRecipient',
      id: ids.policeRecipient,
      label: t('inquiries.decision.policeRecipient'),
    },
    {
      name: 'body.municipalityKeeps',
      id: ids.keeps,
      label: t('inquiries.decision.municipalityKeeps'),
    },
    { name: cl('extremismForm'), id: ids.form, label: t('inquiries.classification.extremismForm') },
    {
      name: cl('extremismFormOther'),
      id: ids.formOther,
      label: t('inquiries.classification.extremismFormOther'),
    },
    { name: cl('authorityArea'), id: ids.area, label: t('inquiries.classification.authorityArea') },
    {
      name: cl('primaryConcern'),
      id: ids.primary,
      label: t('inquiries.classification.primaryConcern'),
    },
    {
      name: cl('subjectKind'),
      id: ids.subjectKind,
      label: t('inquiries.classification.subjectKind'),
    },
    {
      name: cl('environment'),
      id: ids.environment,
      label: t('inquiries.classification.environment'),
    },
  ];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!outcome || mutation.isPending) {
      if (!outcome) setLocalError(t('inquiries.decision.chooseOutcome'));
      return;
    }
    let policeHandedAt: string | null = null;
    if (outcome === 'police' && (policeDate.trim() || policeTime.trim())) {
      policeHandedAt = danishDateTimeToIso(policeDate, policeTime || '00.00');
      if (!policeHandedAt) {
        setLocalError(t('inquiries.intake.problems.dateInvalid'));
        return;
      }
    }
    setLocalError(null);
    mutation.mutate({
      version: detail.version,
      outcome,
      reason: reason.trim(),
      referredUnitId: outcome === 'other_concern' && unitId ? unitId : null,
      passedOn: outcome === 'other_concern' ? passedOn.trim() || null : null,
      policeHandedAt,
      policeRecipient: outcome === 'police' ? policeRecipient.trim() || null : null,
      municipalityKeeps: outcome === 'police' ? municipalityKeeps.trim() || null : null,
      classification: {
        extremismForm: extremismForm || null,
        extremismFormOther: extremismForm === 'other' ? extremismFormOther.trim() || null : null,
        authorityArea: authorityArea || null,
        primaryConcern: primary === '' ? null : primary === 'yes',
        subjectKind,
        environment: environment || null,
      },
    });
  };

  const outcomeDetail = (value: Outcome) => {
    if (value === 'other_concern') {
      return (
        <>
          <Select
            id={ids.unit}
            label={t('inquiries.decision.referredUnit')}
            error={errors['body.referredUnitId']}
            value={unitId}
            onChange={(event) => setUnitId(event.target.value)}
          >
            <option value="">{t('inquiries.common.choose')}</option>
            {(units.data?.items ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
          <TextArea
            id={ids.passedOn}
            label={t('inquiries.decision.passedOn')}
            hint={t('inquiries.decision.passedOnHint')}
            error={errors['body.passedOn']}
            rows={3}
            maxLength={2000}
            value={passedOn}
            onChange={(event) => setPassedOn(event.target.value)}
          />
        </>
      );
    }
    if (value === 'radicalisation') {
      return (
        <p className="form-hint">
          {detail.fourEyes
            ? t('inquiries.decision.caseAfterApproval')
            : t('inquiries.decision.caseWillOpen')}
        </p>
      );
    }
    if (value === 'police') {
      return (
        <>
          <div className="inquiry-field-row">
            <TextField
              id={ids.policeDate}
              label={t('inquiries.decision.policeHandedDate')}
              hint={t('inquiries.common.dateHint')}
              error={errors['body.policeHandedAt']}
              widthClass="input-char-11"
              value={policeDate}
              onChange={(event) => setPoliceDate(event.target.value)}
            />
            <TextField
              id={ids.policeTime}
              label={t('inquiries.decision.policeHandedTime')}
              hint={t('inquiries.common.timeHint')}
              widthClass="input-char-8"
              value={policeTime}
              onChange={(event) => setPoliceTime(event.target.value)}
            />
          </div>
          <TextField
            id={ids.policeRecipient}
            label={t('inquiries.decision.policeRecipient')}
            error={errors['body.policeRecipient']}
            widthClass="input-width-l"
            value={policeRecipient}
            onChange={(event) => setPoliceRecipient(event.target.value)}
          />
          <TextArea
            id={ids.keeps}
            label={t('inquiries.decision.municipalityKeeps')}
            hint={t('inquiries.decision.municipalityKeepsHint')}
            error={errors['body.municipalityKeeps']}
            rows={3}
            maxLength={2000}
            value={municipalityKeeps}
            onChange={(event) => setMunicipalityKeeps(event.target.value)}
          />
        </>
      );
    }
    return null;
  };

  return (
    <div className="inquiry-panel">
      <h3>{t('inquiries.decision.formHeading')}</h3>
      {detail.fourEyes && <p>{t('inquiries.decision.fourEyesNote')}</p>}
      <div>
        {localError && (
          <div className="alert alert-error" role="alert">
            <div className="alert-body">
              <p className="alert-text">{localError}</p>
            </div>
          </div>
        )}
        <ChangeError
          error={mutation.error}
          fields={fields}
          title={t('inquiries.decision.failed')}
          panel={panel}
        />
      </div>
      <form noValidate onSubmit={submit}>
        <RadioGroup<Outcome>
          id={ids.outcome}
          name="outcome"
          legend={t('inquiries.decision.outcome')}
          error={errors['body.outcome']}
          options={OUTCOMES.map((o) => ({
            value: o,
            label: t(`inquiries.outcomes.${o}`),
            hint: t(`inquiries.outcomeHints.${o}`),
          }))}
          value={outcome}
          onChange={setOutcome}
          detail={outcomeDetail}
        />
        <TextArea
          id={ids.reason}
          label={t('inquiries.decision.reason')}
          hint={t('inquiries.decision.reasonHint')}
          error={errors['body.reason']}
          rows={4}
          maxLength={4000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <fieldset className="inquiry-classification">
          <legend className="h4">{t('inquiries.classification.heading')}</legend>
          <p className="form-hint">{t('inquiries.classification.ageGroupHint')}</p>
          <div className="inquiry-field-row">
            <Select
              id={ids.form}
              label={t('inquiries.classification.extremismForm')}
              hint={t('inquiries.classification.extremismFormHint')}
              error={errors[cl('extremismForm')]}
              value={extremismForm}
              onChange={(event) => setExtremismForm(event.target.value as ExtremismForm | '')}
            >
              <option value="">{t('inquiries.common.notAssessed')}</option>
              {EXTREMISM_FORMS.map((form) => (
                <option key={form} value={form}>
                  {t(`inquiries.extremismForms.${form}`)}
                </option>
              ))}
            </Select>
            {extremismForm === 'other' && (
              <TextField
                id={ids.formOther}
                label={t('inquiries.classification.extremismFormOther')}
                error={errors[cl('extremismFormOther')]}
                widthClass="input-width-l"
                value={extremismFormOther}
                onChange={(event) => setExtremismFormOther(event.target.value)}
              />
            )}
          </div>
          <div className="inquiry-field-row">
            <Select
              id={ids.area}
              label={t('inquiries.classification.authorityArea')}
              hint={t('inquiries.classification.authorityAreaHint')}
              error={errors[cl('authorityArea')]}
              value={authorityArea}
              onChange={(event) => setAuthorityArea(event.target.value as typeof authorityArea)}
            >
              <option value="">{t('inquiries.common.notAssessed')}</option>
              <option value="inside">{t('inquiries.authorityAreas.inside')}</option>
              <option value="outside">{t('inquiries.authorityAreas.outside')}</option>
            </Select>
            <Select
              id={ids.primary}
              label={t('inquiries.classification.primaryConcern')}
              hint={t('inquiries.classification.primaryConcernHint')}
              error={errors[cl('primaryConcern')]}
              value={primary}
              onChange={(event) => setPrimary(event.target.value as Tri)}
            >
              <option value="">{t('inquiries.common.notAssessed')}</option>
              <option value="yes">{t('inquiries.classification.primaryYes')}</option>
              <option value="no">{t('inquiries.classification.primaryNo')}</option>
            </Select>
          </div>
          <div className="inquiry-field-row">
            <Select
              id={ids.subjectKind}
              label={t('inquiries.classification.subjectKind')}
              error={errors[cl('subjectKind')]}
              value={subjectKind}
              onChange={(event) => setSubjectKind(event.target.value as SubjectKind)}
            >
              {SUBJECT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`inquiries.subjectKinds.${kind}`)}
                </option>
              ))}
            </Select>
            <Select
              id={ids.environment}
              label={t('inquiries.classification.environment')}
              error={errors[cl('environment')]}
              value={environment}
              onChange={(event) => setEnvironment(event.target.value as typeof environment)}
            >
              <option value="">{t('inquiries.common.notAssessed')}</option>
              <option value="physical">{t('inquiries.environments.physical')}</option>
              <option value="online">{t('inquiries.environments.online')}</option>
              <option value="both">{t('inquiries.environments.both')}</option>
            </Select>
          </div>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('inquiries.common.saving') : t('inquiries.decision.submit')}
        </button>
      </form>
    </div>
  );
}
