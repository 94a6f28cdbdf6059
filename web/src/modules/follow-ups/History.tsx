import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../cases/format';
import { backdatedText } from '../../ui/backdatedText';
import { COMPETENCE_LIST, type ConcernChange, type FollowUpList } from './followUpsApi';

/** The follow-ups held, newest first, with the concern level's change at each. */

const ARROWS: Record<ConcernChange, string> = { up: '↑', same: '→', down: '↓' };

function ChangeText({ change }: { change: ConcernChange | null }) {
  const { t } = useTranslation();
  if (change === null) return <>{t('followUps.change.first')}</>;
  return (
    <>
      <span aria-hidden="true" className="follow-up-arrow">
        {ARROWS[change]}
      </span>{' '}
      {t(`followUps.change.${change}`)}
    </>
  );
}

export function History({ list }: { list: FollowUpList }) {
  const { t } = useTranslation();
  const headingId = useId();
  const held = list.items
    .filter((f) => f.status === 'done')
    .sort((a, b) => ((a.heldOn ?? '') < (b.heldOn ?? '') ? 1 : -1));
  const goalText = (key: string) =>
    list.goals.find((g) => g.key === key)?.text ?? t('followUps.history.formerGoal');
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('followUps.history.heading')}</h3>
      {held.length === 0 ? (
        <p>{t('followUps.history.empty')}</p>
      ) : (
        <ul className="nobullet-list follow-up-history">
          {held.map((f) => (
            <li key={f.id} className="follow-up-history-item">
              <h4>
                {t('followUps.history.itemHeading', {
                  date:
                    f.heldOn && f.recordedAt && f.backdateReason
                      ? backdatedText(f.heldOn, f.recordedAt, f.backdateReason)
                      : formatDate(f.heldOn ?? f.dueOn),
                })}
              </h4>
              <dl className="case-facts">
                <dt>{t('cases.concernLevel.label')}</dt>
                <dd>
                  {f.concernLevel ? t(`cases.concernLevel.${f.concernLevel}`) : '–'} (
                  <ChangeText change={f.concernChange} />)
                </dd>
                {f.summary && (
                  <>
                    <dt>{t('followUps.record.summary')}</dt>
                    <dd className="case-text">{f.summary}</dd>
                  </>
                )}
                {f.goalProgress.length > 0 && (
                  <>
                    <dt>{t('followUps.history.goals')}</dt>
                    <dd>
                      <ul>
                        {f.goalProgress.map((p) => (
                          <li key={p.goalKey}>
                            {goalText(p.goalKey)}: {t(`cases.goalStatus.${p.status}`)}
                            {p.note ? ` – ${p.note}` : ''}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                {f.competences && Object.keys(f.competences).length > 0 && (
                  <>
                    <dt>{t('cases.competences.label')}</dt>
                    <dd>
                      {COMPETENCE_LIST.filter((c) => f.competences?.[c] !== undefined)
                        .map((c) => `${t(`cases.competences.${c}`)}: ${f.competences?.[c]}`)
                        .join(', ')}
                    </dd>
                  </>
                )}
                <dt>{t('followUps.history.recordedBy')}</dt>
                <dd>
                  {f.recordedBy && f.recordedAt
                    ? t('followUps.history.byAt', {
                        name: f.recordedBy.name,
                        time: formatDateTime(f.recordedAt),
                      })
                    : '–'}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
