import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import type { CaseDetail } from '../cases/casesApi';
import { CompetenceChart } from './CompetenceChart';
import { useFollowUps, type FollowUpItem } from './followUpsApi';
import { ConcernChart } from './ConcernChart';
import { History } from './History';
import { dayOf } from '../../ui/form';
import { RecordForm } from './RecordForm';
import { ScheduleForm } from './ScheduleForm';
import { Upcoming } from './Upcoming';
import './follow-ups.css';

/** Which form is open: recording a scheduled follow-up, or one that was not scheduled. */
type Open = { kind: 'scheduled'; followUp: FollowUpItem } | { kind: 'unscheduled' } | null;

/**
 * Follow-ups and life-competence ratings (/sager/:id/opfoelgning): the upcoming and overdue
 * follow-ups (./Upcoming), scheduling one more (./ScheduleForm), recording one as held
 * (./RecordForm), the history with the concern level's changes (./History), and the concern level
 * and the life-competence ratings over time, each as a dated chart next to a table. What the user may do comes from `abilities.followUps` alone.
 */
export function FollowUpsPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  usePageTitle(t('followUps.pageTitle', { reference: detail.reference }));
  const found = useFollowUps(detail.id);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const canWrite = detail.abilities.followUps.write;
  const saved = (message: string) => {
    setDone(message);
    focusAfterSave(doneId);
  };

  return (
    <section aria-labelledby={headingId} className="case-section follow-ups">
      <h2 id={headingId}>{t('followUps.heading')}</h2>
      <p>{t('followUps.intro')}</p>
      <QueryState
        query={found}
        loading={t('followUps.loading')}
        loadError={t('followUps.loadError')}
      >
        {(list) => (
          <>
            <p>
              <strong>{t('followUps.currentLevel')}</strong>{' '}
              {list.concernLevel
                ? t(`cases.concernLevel.${list.concernLevel}`)
                : t('cases.concernLevel.none')}
            </p>
            {done && (
              <div id={doneId}>
                <SuccessMessage>{done}</SuccessMessage>
              </div>
            )}
            <Upcoming
              detail={detail}
              list={list}
              canWrite={canWrite}
              onRecord={(followUp) => {
                setDone(null);
                setOpen({ kind: 'scheduled', followUp });
              }}
              onDone={saved}
            />
            {canWrite && (
              <>
                <ScheduleForm caseId={detail.id} onDone={saved} />
                {open === null && (
                  <p>
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => {
                        setDone(null);
                        setOpen({ kind: 'unscheduled' });
                      }}
                    >
                      {t('followUps.record.unscheduledButton')}
                    </button>
                  </p>
                )}
                {open !== null && (
                  <RecordForm
                    key={open.kind === 'scheduled' ? open.followUp.id : 'unscheduled'}
                    caseId={detail.id}
                    followUp={open.kind === 'scheduled' ? open.followUp : null}
                    goals={list.goals}
                    openedOn={dayOf(detail.openedAt)}
                    onClose={() => setOpen(null)}
                    onDone={(message) => {
                      setOpen(null);
                      saved(message);
                    }}
                  />
                )}
              </>
            )}
            <History list={list} />
            <div className="follow-up-trends">
              <ConcernChart series={list.concernSeries} />
              <CompetenceChart series={list.competenceSeries} />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
