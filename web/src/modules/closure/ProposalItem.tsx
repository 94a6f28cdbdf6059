import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { caseIsOpen } from '../../../../shared/values.ts';
import type { CaseDetail } from '../cases/casesApi';
import { formatDay } from '../cases/format';
import { interventionName, type Closure } from './closureApi';
import { DecisionPanel } from './DecisionPanel';
import { ScrollTable } from '../../ui/Table';

/**
 * One proposal to close the case: its outcome, reason, the goals' statuses and the interventions'
 * fates; while it waits, a coordinator's decision (from `abilities.closure.approve`; under
 * four-eyes the proposer is told who must approve instead: `needsAnother`).
 */
export function ProposalItem({
  detail,
  closure,
  needsAnother = false,
}: {
  detail: CaseDetail;
  closure: Closure;
  needsAnother?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const mayDecide = detail.abilities.closure.approve;
  const open = caseIsOpen(detail.status);
  return (
    <article aria-labelledby={headingId} className="closure-proposal">
      <h4 id={headingId}>
        {t('closure.proposals.itemHeading', {
          date: formatDay(closure.proposedAt),
          status: t(`closure.closureStatus.${closure.status}`),
        })}
      </h4>
      <dl className="case-facts">
        <dt>{t('closure.propose.outcome')}</dt>
        <dd>
          {t(`closure.outcomes.${closure.outcome}`)}
          {closure.transferredUnit && `: ${closure.transferredUnit.name}`}
          {closure.outcomeOther && `: ${closure.outcomeOther}`}
        </dd>
        <dt>{t('closure.propose.reason')}</dt>
        <dd className="case-text">{closure.reason}</dd>
        <dt>{t('closure.proposals.proposedBy')}</dt>
        <dd>{closure.proposedBy.name}</dd>
        {closure.decidedBy && (
          <>
            <dt>{t('closure.proposals.decidedBy')}</dt>
            <dd>
              {closure.decidedBy.name}
              {closure.decidedAt && `, ${formatDay(closure.decidedAt)}`}
            </dd>
          </>
        )}
        {closure.decisionComment && (
          <>
            <dt>{t('closure.proposals.comment')}</dt>
            <dd className="case-text">{closure.decisionComment}</dd>
          </>
        )}
      </dl>
      {closure.goalStatuses.length > 0 && (
        <ScrollTable label={t('closure.proposals.goalsCaption')}>
          <table className="table table--compact">
            <caption>{t('closure.proposals.goalsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('closure.proposals.goalColumn')}</th>
                <th scope="col">{t('closure.proposals.statusColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {closure.goalStatuses.map((g) => (
                <tr key={g.goalKey}>
                  <td>{g.text ?? t('closure.proposals.unknownGoal')}</td>
                  <td>{t(`cases.goalStatus.${g.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {closure.interventionDispositions.length > 0 && (
        <ScrollTable label={t('closure.proposals.interventionsCaption')}>
          <table className="table table--compact">
            <caption>{t('closure.proposals.interventionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('closure.proposals.interventionColumn')}</th>
                <th scope="col">{t('closure.proposals.personColumn')}</th>
                <th scope="col">{t('closure.proposals.dispositionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {closure.interventionDispositions.map((d) => (
                <tr key={d.interventionId}>
                  <td>{interventionName(t, d)}</td>
                  <td>{d.personName ?? '–'}</td>
                  <td>{t(`closure.dispositions.${d.disposition}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {closure.status === 'proposed' && mayDecide && open && (
        <DecisionPanel
          detail={detail}
          closure={closure}
          headingId={headingId}
          needsAnother={needsAnother}
        />
      )}
    </article>
  );
}
