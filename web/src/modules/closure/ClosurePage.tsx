import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import { CASES_QUERY_KEY, caseSummaryUrl, type CaseDetail } from '../cases/casesApi';
import { formatDate, formatDay } from '../cases/format';
import {
  GOAL_STATUSES,
  OUTCOMES,
  approveClosure,
  interventionName,
  proposeClosure,
  recordReview,
  rejectClosure,
  useClosure,
  type Closure,
  type ClosureOutcome,
  type ClosureOverview,
  type Disposition,
  type GoalStatus,
  type Review,
} from './closureApi';

const REASON_MAX = 4000;
const COMMENT_MAX = 2000;
const OTHER_MAX = 500;

/** Today's date in Denmark (YYYY-MM-DD), as the server judges dates. */
function danishToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** A re-review can be recorded from this many days before it is due (as the server allows). */
const REVIEW_OPENS_DAYS_BEFORE = 30;

/** The date a re-review can first be recorded (YYYY-MM-DD). */
function reviewOpensOn(dueOn: string): string {
  const [y, m, d] = dueOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - REVIEW_OPENS_DAYS_BEFORE)).toISOString().slice(0, 10);
}

/**
 * Closure and re-review (/sager/:id/afslutning): the case's state, the proposal to close it
 * (outcome, reason, every goal's status and what happens to every open intervention), the
 * coordinators' approval or sending it back, the re-reviews 6 and 12 months after closure, and
 * the case summary PDF.
 */
export function ClosurePage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  usePageTitle(t('closure.title', { reference: detail.reference }));
  const found = useClosure(detail.id);

  return (
    <section className="case-section case-closure">
      <h2>{t('closure.heading')}</h2>
      <CaseState detail={detail} />
      <p>
        <a href={caseSummaryUrl(detail.id)} download={`sagsresume-${detail.reference}.pdf`}>
          {t('closure.summaryLink')}
        </a>
      </p>
      {found.isPending ? (
        <Loading label={t('closure.loading')} />
      ) : found.isError ? (
        <ErrorAlert
          title={t('closure.loadError')}
          error={found.error}
          onRetry={() => void found.refetch()}
        />
      ) : (
        <ClosureContent detail={detail} overview={found.data} />
      )}
    </section>
  );
}

function CaseState({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const closedOn = detail.closedAt ? formatDay(detail.closedAt) : '';
  switch (detail.status) {
    case 'closed':
      return <p>{t('closure.state.closed', { date: closedOn })}</p>;
    case 'under_review':
      return <p>{t('closure.state.underReview', { date: closedOn })}</p>;
    case 'on_hold':
      return <p>{t('closure.state.onHold')}</p>;
    default:
      return <p>{t('closure.state.active')}</p>;
  }
}

function ClosureContent({ detail, overview }: { detail: CaseDetail; overview: ClosureOverview }) {
  const { t } = useTranslation();
  const proposalsId = useId();
  const reviewsId = useId();
  const open = detail.status === 'active' || detail.status === 'on_hold';
  const pending = overview.closures.find((c) => c.status === 'proposed');
  const canPropose = detail.abilities.closure.write && !pending;
  const [proposed, setProposed] = useState(false);

  return (
    <>
      {proposed && <SuccessMessage>{t('closure.propose.done')}</SuccessMessage>}
      {canPropose && (
        <ProposeForm detail={detail} overview={overview} onDone={() => setProposed(true)} />
      )}
      {open && pending && <p>{t('closure.propose.pending')}</p>}

      <h3 id={proposalsId}>{t('closure.proposals.heading')}</h3>
      {overview.closures.length === 0 ? (
        <p>{t('closure.proposals.empty')}</p>
      ) : (
        <ul className="nobullet-list" aria-labelledby={proposalsId}>
          {overview.closures.map((closure) => (
            <li key={closure.id}>
              <ProposalItem detail={detail} closure={closure} />
            </li>
          ))}
        </ul>
      )}

      <h3 id={reviewsId}>{t('closure.reviews.heading')}</h3>
      {overview.reviews.length === 0 ? (
        <p>{t('closure.reviews.empty')}</p>
      ) : (
        <ReviewList detail={detail} reviews={overview.reviews} />
      )}
    </>
  );
}

function ProposeForm({
  detail,
  overview,
  onDone,
}: {
  detail: CaseDetail;
  overview: ClosureOverview;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const baseId = useId();
  const ids = {
    outcome: `${baseId}-outcome`,
    unit: `${baseId}-unit`,
    other: `${baseId}-other`,
    reason: `${baseId}-reason`,
    goals: `${baseId}-goals`,
    interventions: `${baseId}-interventions`,
  };
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [outcome, setOutcome] = useState<ClosureOutcome | null>(null);
  const [unitId, setUnitId] = useState('');
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const [goals, setGoals] = useState<Record<string, GoalStatus | ''>>(() =>
    Object.fromEntries(overview.goals.map((g) => [g.key, g.status ?? ''])),
  );
  const [dispositions, setDispositions] = useState<Record<string, Disposition | null>>({});

  const mutation = useMutation({
    mutationFn: () =>
      proposeClosure(detail.id, {
        id: clientId,
        ...(outcome && { outcome }),
        transferredUnitId: outcome === 'transferred' ? unitId || null : null,
        outcomeOther: outcome === 'other' ? other.trim() || null : null,
        reason,
        goalStatuses: overview.goals.flatMap((g) => {
          const status = goals[g.key];
          return status ? [{ goalKey: g.key, status }] : [];
        }),
        interventionDispositions: overview.openInterventions.flatMap((i) => {
          const disposition = dispositions[i.id];
          return disposition ? [{ interventionId: i.id, disposition }] : [];
        }),
      }),
    onSuccess: async () => {
      setClientId(crypto.randomUUID());
      onDone();
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  const errors = fieldErrors(mutation.error);
  const goalId = (index: number) => `${ids.goals}-${index}`;
  const interventionId = (index: number) => `${ids.interventions}-${index}`;
  const fields: FormField[] = [
    { name: 'body.outcome', id: ids.outcome, label: t('closure.propose.outcome') },
    { name: 'body.transferredUnitId', id: ids.unit, label: t('closure.propose.unit') },
    { name: 'body.outcomeOther', id: ids.other, label: t('closure.propose.other') },
    { name: 'body.reason', id: ids.reason, label: t('closure.propose.reason') },
    { name: 'body.goalStatuses', id: goalId(0), label: t('closure.propose.goals') },
    {
      name: 'body.interventionDispositions',
      id: interventionId(0),
      label: t('closure.propose.interventions'),
    },
  ];
  const errorOfGoal = (key: string) => {
    const index = overview.goals.filter((g) => goals[g.key]).findIndex((g) => g.key === key);
    return index >= 0 ? errors[`body.goalStatuses.${index}.goalKey`] : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="closure-propose">
      <h3>{t('closure.propose.heading')}</h3>
      <p>{t('closure.propose.intro')}</p>
      <FormError error={mutation.error} fields={fields} title={t('closure.propose.error')} />
      <RadioGroup<ClosureOutcome>
        id={ids.outcome}
        legend={t('closure.propose.outcome')}
        error={errors['body.outcome']}
        options={OUTCOMES.map((value) => ({ value, label: t(`closure.outcomes.${value}`) }))}
        value={outcome}
        onChange={setOutcome}
        detail={(value) =>
          value === 'transferred' ? (
            <Select
              id={ids.unit}
              label={t('closure.propose.unit')}
              error={errors['body.transferredUnitId']}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
            >
              <option value="">{t('closure.propose.chooseUnit')}</option>
              {overview.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          ) : value === 'other' ? (
            <TextField
              id={ids.other}
              label={t('closure.propose.other')}
              value={other}
              maxLength={OTHER_MAX}
              error={errors['body.outcomeOther']}
              onChange={(e) => setOther(e.target.value)}
            />
          ) : null
        }
      />
      <TextArea
        id={ids.reason}
        label={t('closure.propose.reason')}
        hint={t('closure.propose.reasonHint', { max: REASON_MAX })}
        rows={4}
        maxLength={REASON_MAX}
        value={reason}
        error={errors['body.reason']}
        onChange={(e) => setReason(e.target.value)}
      />

      <fieldset className="form-group">
        <legend className="form-label">{t('closure.propose.goals')}</legend>
        {errors['body.goalStatuses'] && (
          <span className="form-error-message">{errors['body.goalStatuses']}</span>
        )}
        {overview.goals.length === 0 ? (
          <p>{t('closure.propose.noGoals')}</p>
        ) : (
          overview.goals.map((goal, index) => (
            <Select
              key={goal.key}
              id={goalId(index)}
              label={goal.parentKey ? t('closure.propose.subGoal', { text: goal.text }) : goal.text}
              error={errorOfGoal(goal.key)}
              value={goals[goal.key] ?? ''}
              onChange={(e) =>
                setGoals((current) => ({
                  ...current,
                  [goal.key]: e.target.value as GoalStatus | '',
                }))
              }
            >
              <option value="">{t('closure.propose.chooseStatus')}</option>
              {GOAL_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`cases.goalStatus.${status}`)}
                </option>
              ))}
            </Select>
          ))
        )}
      </fieldset>

      <fieldset className="form-group">
        <legend className="form-label">{t('closure.propose.interventions')}</legend>
        {errors['body.interventionDispositions'] && (
          <span className="form-error-message">{errors['body.interventionDispositions']}</span>
        )}
        {overview.openInterventions.length === 0 ? (
          <p>{t('closure.propose.noInterventions')}</p>
        ) : (
          overview.openInterventions.map((intervention, index) => (
            <RadioGroup<Disposition>
              key={intervention.id}
              id={interventionId(index)}
              legend={t('closure.propose.interventionLegend', {
                type: interventionName(t, intervention),
                person: intervention.personName,
              })}
              inline
              error={errors[`body.interventionDispositions.${index}.interventionId`]}
              options={[
                { value: 'end', label: t('closure.dispositions.end') },
                { value: 'continue_outside', label: t('closure.dispositions.continue_outside') },
              ]}
              value={dispositions[intervention.id] ?? null}
              onChange={(value) =>
                setDispositions((current) => ({ ...current, [intervention.id]: value }))
              }
            />
          ))
        )}
      </fieldset>

      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('closure.propose.sending') : t('closure.propose.submit')}
      </button>
    </form>
  );
}

function ProposalItem({ detail, closure }: { detail: CaseDetail; closure: Closure }) {
  const { t } = useTranslation();
  const headingId = useId();
  const mayDecide = detail.abilities.closure.approve;
  const open = detail.status === 'active' || detail.status === 'on_hold';
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
      )}
      {closure.interventionDispositions.length > 0 && (
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
      )}
      {closure.status === 'proposed' && mayDecide && open && (
        <Decision detail={detail} closure={closure} />
      )}
    </article>
  );
}

function Decision({ detail, closure }: { detail: CaseDetail; closure: Closure }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
  const approve = useMutation({
    mutationFn: () => approveClosure(detail.id, closure.id, detail.version),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: () => rejectClosure(detail.id, closure.id, comment),
    onSuccess: async () => {
      setComment('');
      await refresh();
    },
  });
  const errors = fieldErrors(reject.error);
  const sendBack = (event: FormEvent) => {
    event.preventDefault();
    reject.mutate();
  };

  return (
    <div className="closure-decision no-print">
      {approve.error != null && (
        <ErrorAlert title={t('closure.decision.approveError')} error={approve.error} />
      )}
      <p className="form-hint">{t('closure.decision.approveHint')}</p>
      <button
        type="button"
        className="button button-primary"
        disabled={approve.isPending}
        onClick={() => approve.mutate()}
      >
        {t('closure.decision.approve')}
      </button>
      <form onSubmit={sendBack} noValidate>
        <FormError
          error={reject.error}
          fields={[{ name: 'body.comment', id: commentId, label: t('closure.decision.comment') }]}
          title={t('closure.decision.rejectError')}
        />
        <TextArea
          id={commentId}
          label={t('closure.decision.comment')}
          hint={t('closure.decision.commentHint')}
          rows={3}
          maxLength={COMMENT_MAX}
          value={comment}
          error={errors['body.comment']}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="button button-secondary" disabled={reject.isPending}>
          {t('closure.decision.reject')}
        </button>
      </form>
    </div>
  );
}

function ReviewList({ detail, reviews }: { detail: CaseDetail; reviews: Review[] }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean | null) =>
    value === null ? '–' : value ? t('closure.reviews.yes') : t('closure.reviews.no');
  const canRecord = detail.abilities.closure.approve;
  const today = danishToday();
  const scheduled = reviews.filter((r) => r.status === 'scheduled');
  const open = scheduled.filter((r) => reviewOpensOn(r.dueOn) <= today);
  const later = scheduled.filter((r) => reviewOpensOn(r.dueOn) > today);
  // Kept here: the recorded review leaves the scheduled list, and its form with it.
  const [recorded, setRecorded] = useState(false);
  return (
    <>
      {recorded && <SuccessMessage>{t('closure.record.done')}</SuccessMessage>}
      <table className="table table--compact">
        <caption>{t('closure.reviews.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('closure.reviews.whenColumn')}</th>
            <th scope="col">{t('closure.reviews.dueColumn')}</th>
            <th scope="col">{t('closure.reviews.statusColumn')}</th>
            <th scope="col">{t('closure.reviews.heldColumn')}</th>
            <th scope="col">{t('closure.reviews.noLongerAtRisk')}</th>
            <th scope="col">{t('closure.reviews.inEducationOrWork')}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => (
            <tr key={r.id}>
              <td>{t('closure.reviews.months', { months: r.months })}</td>
              <td>{formatDate(r.dueOn)}</td>
              <td>{t(`closure.reviewStatus.${r.status}`)}</td>
              <td>{r.heldOn ? formatDate(r.heldOn) : '–'}</td>
              <td>{yesNo(r.noLongerAtRisk)}</td>
              <td>{yesNo(r.inEducationOrWork)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {reviews
        .filter((r) => r.reason)
        .map((r) => (
          <p key={r.id} className="case-text">
            <strong>{t('closure.reviews.reasonOf', { months: r.months })}</strong> {r.reason}
          </p>
        ))}
      {canRecord &&
        later.map((r) => (
          <p key={r.id}>
            {t('closure.reviews.opensOn', {
              months: r.months,
              date: formatDate(reviewOpensOn(r.dueOn)),
            })}
          </p>
        ))}
      {canRecord &&
        open.map((r) => (
          <ReviewForm key={r.id} detail={detail} review={r} onRecorded={() => setRecorded(true)} />
        ))}
    </>
  );
}

type YesNo = 'yes' | 'no';

function ReviewForm({
  detail,
  review,
  onRecorded,
}: {
  detail: CaseDetail;
  review: Review;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const baseId = useId();
  const ids = {
    decision: `${baseId}-decision`,
    heldOn: `${baseId}-held`,
    reason: `${baseId}-reason`,
    risk: `${baseId}-risk`,
    work: `${baseId}-work`,
  };
  const [decision, setDecision] = useState<'confirm' | 'reopen' | null>(null);
  const [heldOn, setHeldOn] = useState(danishToday);
  const [reason, setReason] = useState('');
  const [risk, setRisk] = useState<YesNo | null>(null);
  const [work, setWork] = useState<YesNo | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      recordReview(detail.id, review.id, {
        version: review.version,
        ...(decision && { decision }),
        heldOn,
        ...(reason.trim() && { reason: reason.trim() }),
        ...(risk && { noLongerAtRisk: risk === 'yes' }),
        ...(work && { inEducationOrWork: work === 'yes' }),
      }),
    onSuccess: async () => {
      onRecorded();
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  const errors = fieldErrors(mutation.error);
  const yesNo = [
    { value: 'yes' as const, label: t('closure.reviews.yes') },
    { value: 'no' as const, label: t('closure.reviews.no') },
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="closure-review no-print">
      <h4>
        {t('closure.record.heading', { months: review.months, date: formatDate(review.dueOn) })}
      </h4>
      <FormError
        error={mutation.error}
        fields={[
          { name: 'body.decision', id: ids.decision, label: t('closure.record.decision') },
          { name: 'body.heldOn', id: ids.heldOn, label: t('closure.record.heldOn') },
          { name: 'body.reason', id: ids.reason, label: t('closure.record.reason') },
          {
            name: 'body.noLongerAtRisk',
            id: ids.risk,
            label: t('closure.record.noLongerAtRisk'),
          },
          {
            name: 'body.inEducationOrWork',
            id: ids.work,
            label: t('closure.record.inEducationOrWork'),
          },
        ]}
        title={t('closure.record.error')}
      />
      <RadioGroup<'confirm' | 'reopen'>
        id={ids.decision}
        legend={t('closure.record.decision')}
        error={errors['body.decision']}
        options={[
          { value: 'confirm', label: t('closure.record.confirm') },
          { value: 'reopen', label: t('closure.record.reopen') },
        ]}
        value={decision}
        onChange={setDecision}
      />
      <TextField
        id={ids.heldOn}
        type="date"
        label={t('closure.record.heldOn')}
        hint={t('closure.record.heldOnHint')}
        value={heldOn}
        max={danishToday()}
        error={errors['body.heldOn']}
        widthClass="input-width-s"
        onChange={(e) => setHeldOn(e.target.value)}
      />
      <TextArea
        id={ids.reason}
        label={
          decision === 'reopen' ? t('closure.record.reason') : t('closure.record.reasonOptional')
        }
        rows={3}
        maxLength={REASON_MAX}
        value={reason}
        error={errors['body.reason']}
        onChange={(e) => setReason(e.target.value)}
      />
      {review.months === 6 && (
        <RadioGroup<YesNo>
          id={ids.risk}
          legend={t('closure.record.noLongerAtRisk')}
          hint={t('closure.record.effectHint')}
          error={errors['body.noLongerAtRisk']}
          inline
          options={yesNo}
          value={risk}
          onChange={setRisk}
        />
      )}
      {review.months === 12 && (
        <RadioGroup<YesNo>
          id={ids.work}
          legend={t('closure.record.inEducationOrWork')}
          hint={t('closure.record.effectHint')}
          error={errors['body.inEducationOrWork']}
          inline
          options={yesNo}
          value={work}
          onChange={setWork}
        />
      )}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('closure.record.submit')}
      </button>
    </form>
  );
}
