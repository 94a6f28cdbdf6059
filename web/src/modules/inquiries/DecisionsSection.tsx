import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { backdatedText } from '../../ui/backdatedText';
import { formatDateTime } from '../cases/format';
import { DecisionForm } from './DecisionForm';
import type { DecisionView } from './inquiriesApi';
import type { PanelProps } from './InquiryPage';
import { ReviewForm } from './ReviewForm';

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
        {decision.decidedOn && decision.backdateReason && (
          <>
            <dt>{t('inquiries.decision.decidedOn')}</dt>
            <dd>
              {backdatedText(decision.decidedOn, decision.decidedAt, decision.backdateReason)}
            </dd>
          </>
        )}
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
