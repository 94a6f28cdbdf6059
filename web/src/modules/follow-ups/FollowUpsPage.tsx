import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import { CASES_QUERY_KEY, type CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import { CompetenceChart } from './CompetenceChart';
import {
  COMPETENCE_LIST,
  CONCERN_LEVELS,
  GOAL_STATUSES,
  addFollowUp,
  cancelFollowUp,
  recordFollowUp,
  useFollowUps,
  type Competence,
  type ConcernChange,
  type ConcernLevel,
  type FollowUpItem,
  type FollowUpList,
  type GoalStatus,
  type PlanGoal,
} from './followUpsApi';
import './follow-ups.css';

const SUMMARY_MAX = 8000;
const NOTE_MAX = 2000;

/** Today in Denmark (YYYY-MM-DD), the default date of a follow-up held. */
function danishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** Which form is open: recording a scheduled follow-up, or one that was not scheduled. */
type Open = { kind: 'scheduled'; followUp: FollowUpItem } | { kind: 'unscheduled' } | null;

/**
 * Follow-ups and life-competence ratings (/sager/:id/opfoelgning): the upcoming and overdue
 * follow-ups, scheduling one more, recording one as held (the concern level re-judged, the
 * progress of the approved plan's goals and optional ratings of the ten life competences), the
 * history with the concern level's changes, and the ratings over time as a chart and a table.
 */
export function FollowUpsPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  usePageTitle(t('followUps.pageTitle', { reference: detail.reference }));
  const found = useFollowUps(detail.id);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const canWrite = detail.abilities.followUps.write;

  return (
    <section aria-labelledby={headingId} className="case-section follow-ups">
      <h2 id={headingId}>{t('followUps.heading')}</h2>
      <p>{t('followUps.intro')}</p>
      {found.isPending ? (
        <Loading label={t('followUps.loading')} />
      ) : found.isError ? (
        <ErrorAlert
          title={t('followUps.loadError')}
          error={found.error}
          onRetry={() => void found.refetch()}
        />
      ) : (
        <>
          <p>
            <strong>{t('followUps.currentLevel')}</strong>{' '}
            {found.data.concernLevel
              ? t(`cases.concernLevel.${found.data.concernLevel}`)
              : t('cases.concernLevel.none')}
          </p>
          {done && <SuccessMessage>{done}</SuccessMessage>}
          <Upcoming
            detail={detail}
            list={found.data}
            canWrite={canWrite}
            onRecord={(followUp) => {
              setDone(null);
              setOpen({ kind: 'scheduled', followUp });
            }}
            onDone={setDone}
          />
          {canWrite && (
            <>
              <ScheduleForm caseId={detail.id} onDone={setDone} />
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
                  goals={found.data.goals}
                  onClose={() => setOpen(null)}
                  onDone={(message) => {
                    setOpen(null);
                    setDone(message);
                  }}
                />
              )}
            </>
          )}
          <History list={found.data} />
          <ConcernSteps list={found.data} />
          <CompetenceChart series={found.data.competenceSeries} />
        </>
      )}
    </section>
  );
}

function Upcoming({
  detail,
  list,
  canWrite,
  onRecord,
  onDone,
}: {
  detail: CaseDetail;
  list: FollowUpList;
  canWrite: boolean;
  onRecord: (followUp: FollowUpItem) => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const scheduled = list.items.filter((f) => f.status === 'scheduled');
  const cancel = useMutation({
    mutationFn: (f: FollowUpItem) => cancelFollowUp(detail.id, f.id, f.version),
    onSuccess: async (_result, f) => {
      onDone(t('followUps.upcoming.cancelled', { date: formatDate(f.dueOn) }));
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('followUps.upcoming.heading')}</h3>
      {cancel.error ? (
        <ErrorAlert
          title={
            cancel.error instanceof ApiError && cancel.error.status === 409
              ? t('followUps.stale')
              : t('followUps.upcoming.cancelError')
          }
          error={cancel.error}
          onRetry={() => {
            cancel.reset();
            void queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
          }}
        />
      ) : null}
      {scheduled.length === 0 ? (
        <p>{t('followUps.upcoming.empty')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact case-table">
            <caption className="sr-only">
              {t('followUps.upcoming.caption', { reference: detail.reference })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('followUps.upcoming.dueColumn')}</th>
                <th scope="col">{t('followUps.upcoming.statusColumn')}</th>
                {canWrite && <th scope="col">{t('followUps.upcoming.actionsColumn')}</th>}
              </tr>
            </thead>
            <tbody>
              {scheduled.map((f) => (
                <tr key={f.id}>
                  <td>{formatDate(f.dueOn)}</td>
                  <td>
                    {t('followUps.status.scheduled')}{' '}
                    {f.overdue && (
                      <span className="badge badge-warning case-badge">
                        {t('followUps.upcoming.overdue')}
                      </span>
                    )}
                  </td>
                  {canWrite && (
                    <td className="follow-up-actions">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => onRecord(f)}
                      >
                        {t('followUps.upcoming.record')}
                        <span className="sr-only">
                          {' '}
                          {t('followUps.upcoming.forDate', { date: formatDate(f.dueOn) })}
                        </span>
                      </button>{' '}
                      <button
                        type="button"
                        className="button button-tertiary button-small"
                        disabled={cancel.isPending}
                        onClick={() => cancel.mutate(f)}
                      >
                        {t('followUps.upcoming.cancel')}
                        <span className="sr-only">
                          {' '}
                          {t('followUps.upcoming.forDate', { date: formatDate(f.dueOn) })}
                        </span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ScheduleForm({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const dueId = useId();
  const [dueOn, setDueOn] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: () => addFollowUp(caseId, { id: clientId, dueOn }),
    onSuccess: async () => {
      onDone(t('followUps.schedule.done', { date: formatDate(dueOn) }));
      setDueOn('');
      setClientId(crypto.randomUUID());
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <section aria-labelledby={headingId} className="case-section follow-up-form">
      <h3 id={headingId}>{t('followUps.schedule.heading')}</h3>
      <form onSubmit={submit} noValidate>
        <FormError
          error={mutation.error}
          fields={[{ name: 'body.dueOn', id: dueId, label: t('followUps.schedule.dueOn') }]}
          title={t('followUps.schedule.error')}
        />
        <TextField
          id={dueId}
          type="date"
          label={t('followUps.schedule.dueOn')}
          hint={t('followUps.schedule.hint')}
          value={dueOn}
          error={errors['body.dueOn']}
          widthClass="input-width-s"
          onChange={(e) => setDueOn(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('followUps.schedule.submit')}
        </button>
      </form>
    </section>
  );
}

type Rating = 'none' | '1' | '2' | '3' | '4';
const RATINGS: readonly Rating[] = ['none', '1', '2', '3', '4'];

function RecordForm({
  caseId,
  followUp,
  goals,
  onClose,
  onDone,
}: {
  caseId: string;
  followUp: FollowUpItem | null;
  goals: PlanGoal[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const baseId = useId();
  const heldId = `${baseId}-held`;
  const levelId = `${baseId}-level`;
  const summaryId = `${baseId}-summary`;
  const goalId = (key: string) => `${baseId}-goal-${key}`;
  const noteId = (key: string) => `${baseId}-note-${key}`;
  const ratingId = (c: Competence) => `${baseId}-rating-${c}`;
  const [heldOn, setHeldOn] = useState(danishToday);
  const [level, setLevel] = useState<ConcernLevel | null>(null);
  const [levelMissing, setLevelMissing] = useState(false);
  const [summary, setSummary] = useState('');
  const [progress, setProgress] = useState<
    Record<string, { status: GoalStatus | ''; note: string }>
  >({});
  const [ratings, setRatings] = useState<Partial<Record<Competence, Rating>>>({});
  const [clientId] = useState(() => crypto.randomUUID());
  const [sentKeys, setSentKeys] = useState<string[]>([]);

  const mutation = useMutation({
    mutationFn: (concernLevel: ConcernLevel) => {
      const goalProgress = goals.flatMap((g) => {
        const p = progress[g.key];
        if (!p || p.status === '') return [];
        return [{ goalKey: g.key, status: p.status, ...(p.note.trim() && { note: p.note }) }];
      });
      setSentKeys(goalProgress.map((p) => p.goalKey));
      const rated = Object.fromEntries(
        COMPETENCE_LIST.flatMap((c) => {
          const r = ratings[c];
          return r && r !== 'none' ? [[c, Number(r)]] : [];
        }),
      ) as Partial<Record<Competence, number>>;
      const body = {
        heldOn,
        concernLevel,
        ...(summary.trim() && { summary }),
        goalProgress,
        ...(Object.keys(rated).length > 0 && { competences: rated }),
      };
      return followUp
        ? recordFollowUp(caseId, followUp.id, { version: followUp.version, ...body })
        : addFollowUp(caseId, { id: clientId, ...body });
    },
    onSuccess: async () => {
      onDone(t('followUps.record.done', { date: formatDate(heldOn) }));
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;
  const errors = fieldErrors(mutation.error);
  const goalError = (key: string, part: 'goalKey' | 'status' | 'note') => {
    const index = sentKeys.indexOf(key);
    return index < 0 ? undefined : errors[`body.goalProgress.${index}.${part}`];
  };
  const text = (key: string) => goals.find((g) => g.key === key)?.text ?? '';

  const fields: FormField[] = [
    { name: 'body.heldOn', id: heldId, label: t('followUps.record.heldOn') },
    { name: 'body.concernLevel', id: levelId, label: t('cases.concernLevel.label') },
    { name: 'body.summary', id: summaryId, label: t('followUps.record.summary') },
    ...sentKeys.flatMap((key, i) => [
      { name: `body.goalProgress.${i}.goalKey`, id: goalId(key), label: text(key) },
      { name: `body.goalProgress.${i}.status`, id: goalId(key), label: text(key) },
      { name: `body.goalProgress.${i}.note`, id: noteId(key), label: text(key) },
    ]),
    ...COMPETENCE_LIST.map((c) => ({
      name: `body.competences.${c}`,
      id: ratingId(c),
      label: t(`cases.competences.${c}`),
    })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (level === null) {
      setLevelMissing(true);
      document.getElementById(levelId)?.focus();
      return;
    }
    setLevelMissing(false);
    mutation.mutate(level);
  };

  const heading = followUp
    ? t('followUps.record.headingScheduled', { date: formatDate(followUp.dueOn) })
    : t('followUps.record.headingUnscheduled');

  return (
    <section aria-label={heading} className="case-section follow-up-form">
      <h3>{heading}</h3>
      <form onSubmit={submit} noValidate>
        {stale ? (
          <div className="alert alert-warning" role="alert">
            <div className="alert-body">
              <p className="alert-text">{t('followUps.stale')}</p>
              <button
                type="button"
                className="button button-secondary mt-4"
                onClick={() => {
                  void queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
                  onClose();
                }}
              >
                {t('followUps.reload')}
              </button>
            </div>
          </div>
        ) : (
          <FormError error={mutation.error} fields={fields} title={t('followUps.record.error')} />
        )}
        <TextField
          id={heldId}
          type="date"
          label={t('followUps.record.heldOn')}
          hint={t('followUps.record.heldOnHint')}
          value={heldOn}
          error={errors['body.heldOn']}
          widthClass="input-width-s"
          onChange={(e) => setHeldOn(e.target.value)}
        />
        <RadioGroup
          id={levelId}
          legend={t('cases.concernLevel.label')}
          hint={t('cases.concernLevel.help')}
          error={levelMissing ? t('followUps.record.levelMissing') : errors['body.concernLevel']}
          options={CONCERN_LEVELS.map((l) => ({ value: l, label: t(`cases.concernLevel.${l}`) }))}
          value={level}
          onChange={setLevel}
        />
        <TextArea
          id={summaryId}
          label={t('followUps.record.summary')}
          hint={t('followUps.record.summaryHint')}
          rows={5}
          maxLength={SUMMARY_MAX}
          value={summary}
          error={errors['body.summary']}
          onChange={(e) => setSummary(e.target.value)}
        />
        <fieldset className="follow-up-fieldset">
          <legend className="form-label">{t('followUps.record.goalsLegend')}</legend>
          {goals.length === 0 ? (
            <p>{t('followUps.record.noPlan')}</p>
          ) : (
            <>
              <p className="form-hint">{t('followUps.record.goalsHint')}</p>
              {goals.map((g) => {
                const p = progress[g.key] ?? { status: '', note: '' };
                const set = (next: Partial<typeof p>) =>
                  setProgress((all) => ({ ...all, [g.key]: { ...p, ...next } }));
                return (
                  <fieldset
                    key={g.key}
                    className={g.parentKey ? 'follow-up-goal follow-up-subgoal' : 'follow-up-goal'}
                  >
                    <legend className="form-label">
                      {g.parentKey ? t('followUps.record.subGoal', { text: g.text }) : g.text}
                    </legend>
                    <Select
                      id={goalId(g.key)}
                      label={t('followUps.record.goalStatus')}
                      hint={t('followUps.record.planStatus', {
                        status: t(`cases.goalStatus.${g.status}`),
                      })}
                      value={p.status}
                      error={goalError(g.key, 'goalKey') ?? goalError(g.key, 'status')}
                      onChange={(e) => set({ status: e.target.value as GoalStatus | '' })}
                    >
                      <option value="">{t('followUps.record.notAssessed')}</option>
                      {GOAL_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`cases.goalStatus.${s}`)}
                        </option>
                      ))}
                    </Select>
                    <TextField
                      id={noteId(g.key)}
                      label={t('followUps.record.goalNote')}
                      value={p.note}
                      maxLength={NOTE_MAX}
                      error={goalError(g.key, 'note')}
                      onChange={(e) => set({ note: e.target.value })}
                    />
                  </fieldset>
                );
              })}
            </>
          )}
        </fieldset>
        <fieldset className="follow-up-fieldset">
          <legend className="form-label">{t('followUps.record.competencesLegend')}</legend>
          <p className="form-hint">
            {t('followUps.record.competencesHint')} {t('cases.competences.scale')}
          </p>
          {COMPETENCE_LIST.map((c) => (
            <RadioGroup
              key={c}
              id={ratingId(c)}
              legend={t(`cases.competences.${c}`)}
              inline
              error={errors[`body.competences.${c}`]}
              options={RATINGS.map((r) => ({
                value: r,
                label: r === 'none' ? t('followUps.record.notRated') : r,
              }))}
              value={ratings[c] ?? 'none'}
              onChange={(r) => setRatings((all) => ({ ...all, [c]: r }))}
            />
          ))}
          <p className="form-hint">{t('cases.competences.source')}</p>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('followUps.record.saving') : t('followUps.record.submit')}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('followUps.record.close')}
        </button>
      </form>
    </section>
  );
}

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

function History({ list }: { list: FollowUpList }) {
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
                {t('followUps.history.itemHeading', { date: formatDate(f.heldOn ?? f.dueOn) })}
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

/** The concern level at each follow-up held, oldest first, as a simple step list. */
function ConcernSteps({ list }: { list: FollowUpList }) {
  const { t } = useTranslation();
  const headingId = useId();
  const steps = list.items
    .filter((f) => f.status === 'done' && f.concernLevel)
    .sort((a, b) => ((a.heldOn ?? '') < (b.heldOn ?? '') ? -1 : 1));
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('followUps.steps.heading')}</h3>
      <ol className="follow-up-steps">
        {steps.map((f) => (
          <li key={f.id}>
            {t('followUps.steps.item', {
              date: formatDate(f.heldOn ?? f.dueOn),
              level: f.concernLevel ? t(`cases.concernLevel.${f.concernLevel}`) : '–',
            })}{' '}
            (<ChangeText change={f.concernChange} />)
          </li>
        ))}
      </ol>
    </section>
  );
}
