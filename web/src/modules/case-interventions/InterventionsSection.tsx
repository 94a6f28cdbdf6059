import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../app/api';
import { FormError, fieldErrors } from '../../ui/FormError';
import { StaleNotice } from '../../ui/StaleNotice';
import { TextField } from '../../ui/TextField';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import {
  addSession,
  createIntervention,
  danishToday,
  updateIntervention,
  type CaseIntervention,
  type CaseInterventions,
  type InterventionStatus,
} from './interventionsApi';
import { hasFieldCode, newId, typeLegalBasis, typeName, useRefreshCase } from './shared';

interface Props {
  detail: CaseDetail;
  data: CaseInterventions;
  /** Sees the whole case, not only their own interventions (the texts say which). */
  full: boolean;
  /** May create interventions and change their status and provider. */
  canManage: boolean;
  /** May write session notes. */
  canLog: boolean;
  /** Id of the consents heading, for the hint when consent is missing. */
  consentsAnchor: string;
}

/** The interventions of the case: a table, then each one with its status and session notes. */
export function InterventionsSection({
  detail,
  data,
  full,
  canManage,
  canLog,
  consentsAnchor,
}: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { interventions } = data;

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('caseInterventions.interventions.heading')}</h3>
      {interventions.length === 0 ? (
        <p>
          {full
            ? t('caseInterventions.interventions.empty')
            : t('caseInterventions.interventions.emptyLimited')}
        </p>
      ) : (
        <InterventionTable interventions={interventions} reference={detail.reference} />
      )}
      {interventions.map((intervention) => (
        <InterventionDetails
          key={intervention.id}
          detail={detail}
          data={data}
          intervention={intervention}
          canManage={canManage}
          canLog={canLog}
          consentsAnchor={consentsAnchor}
        />
      ))}
      {canManage && <CreateInterventionForm detail={detail} data={data} />}
    </section>
  );
}

function Period({ startsOn, endsOn }: { startsOn: string | null; endsOn: string | null }) {
  const { t } = useTranslation();
  if (!startsOn && !endsOn) return <>{t('caseInterventions.interventions.noPeriod')}</>;
  return (
    <>
      {startsOn ? formatDate(startsOn) : t('caseInterventions.interventions.openDate')}
      {' – '}
      {endsOn ? formatDate(endsOn) : t('caseInterventions.interventions.openDate')}
    </>
  );
}

function ProviderText({ intervention }: { intervention: CaseIntervention }) {
  const { t } = useTranslation();
  if (intervention.provider) return <>{intervention.provider.name}</>;
  if (intervention.providerName) {
    return (
      <>{t('caseInterventions.interventions.external', { name: intervention.providerName })}</>
    );
  }
  return <>{t('caseInterventions.interventions.noProvider')}</>;
}

function InterventionTable({
  interventions,
  reference,
}: {
  interventions: CaseIntervention[];
  reference: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact case-table">
        <caption className="sr-only">
          {t('caseInterventions.interventions.caption', { reference })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('caseInterventions.interventions.columns.person')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.type')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.level')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.legalBasis')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.provider')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.status')}</th>
            <th scope="col">{t('caseInterventions.interventions.columns.period')}</th>
          </tr>
        </thead>
        <tbody>
          {interventions.map((i) => (
            <tr key={i.id}>
              <td>
                {i.person.name}
                <br />
                <span className="form-hint">{t(`cases.personRoles.${i.person.role}`)}</span>
              </td>
              <td>
                <a href={`#intervention-${i.id}`}>{typeName(t, i.type)}</a>
              </td>
              <td>{t(`caseInterventions.levels.${i.type.level}`)}</td>
              <td>
                {typeLegalBasis(t, i.type)}
                {i.type.consentRequired && (
                  <>
                    <br />
                    <span className="form-hint">
                      {t('caseInterventions.interventions.consentRequired')}
                    </span>
                  </>
                )}
              </td>
              <td>
                <ProviderText intervention={i} />
              </td>
              <td>
                <span className="badge badge-info case-badge">
                  {t(`caseInterventions.statuses.${i.status}`)}
                </span>
              </td>
              <td>
                <Period startsOn={i.startsOn} endsOn={i.endsOn} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InterventionDetails({
  detail,
  data,
  intervention,
  canManage,
  canLog,
  consentsAnchor,
}: {
  detail: CaseDetail;
  data: CaseInterventions;
  intervention: CaseIntervention;
  canManage: boolean;
  canLog: boolean;
  consentsAnchor: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const running = intervention.status === 'active' || intervention.status === 'paused';
  return (
    <section
      aria-labelledby={headingId}
      className="case-section"
      id={`intervention-${intervention.id}`}
    >
      <h4 id={headingId}>
        {t('caseInterventions.interventions.itemHeading', {
          type: typeName(t, intervention.type),
          person: intervention.person.name,
        })}
      </h4>
      <dl className="case-facts">
        <dt>{t('caseInterventions.interventions.columns.status')}</dt>
        <dd>{t(`caseInterventions.statuses.${intervention.status}`)}</dd>
        <dt>{t('caseInterventions.interventions.columns.provider')}</dt>
        <dd>
          <ProviderText intervention={intervention} />
        </dd>
        <dt>{t('caseInterventions.interventions.columns.period')}</dt>
        <dd>
          <Period startsOn={intervention.startsOn} endsOn={intervention.endsOn} />
        </dd>
        <dt>{t('caseInterventions.interventions.purpose')}</dt>
        <dd className="case-text">
          {intervention.purpose ?? t('caseInterventions.interventions.notGiven')}
        </dd>
        {intervention.endReason && (
          <>
            <dt>{t('caseInterventions.interventions.endReason')}</dt>
            <dd className="case-text">{intervention.endReason}</dd>
          </>
        )}
        {intervention.type.consentRequired && (
          <>
            <dt>{t('caseInterventions.interventions.consent')}</dt>
            <dd>
              {intervention.consent
                ? intervention.consent.withdrawnOn
                  ? t('caseInterventions.interventions.consentWithdrawn', {
                      date: formatDate(intervention.consent.withdrawnOn),
                    })
                  : t('caseInterventions.interventions.consentGiven', {
                      date: formatDate(intervention.consent.givenOn),
                    })
                : t('caseInterventions.interventions.consentMissing')}
            </dd>
          </>
        )}
      </dl>
      {canManage && (
        <StatusForm detail={detail} intervention={intervention} consentsAnchor={consentsAnchor} />
      )}
      {canManage && intervention.status !== 'ended' && intervention.status !== 'cancelled' && (
        <ProviderForm detail={detail} intervention={intervention} providers={data.providers} />
      )}
      <Sessions intervention={intervention} />
      {canLog && running && <SessionForm detail={detail} intervention={intervention} />}
    </section>
  );
}

type Action = 'start' | 'pause' | 'resume' | 'end' | 'cancel';
const ACTIONS: Record<InterventionStatus, Action[]> = {
  planned: ['start', 'cancel'],
  active: ['pause', 'end'],
  paused: ['resume', 'end'],
  ended: [],
  cancelled: [],
};
const TARGET: Record<Action, 'active' | 'paused' | 'ended' | 'cancelled'> = {
  start: 'active',
  pause: 'paused',
  resume: 'active',
  end: 'ended',
  cancel: 'cancelled',
};

function StatusForm({
  detail,
  intervention,
  consentsAnchor,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  consentsAnchor: string;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const actionId = useId();
  const startsId = useId();
  const endsId = useId();
  const reasonId = useId();
  const actions = ACTIONS[intervention.status];
  const [action, setAction] = useState<Action | null>(null);
  const [startsOn, setStartsOn] = useState(intervention.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(intervention.endsOn ?? '');
  const [endReason, setEndReason] = useState('');
  const [done, setDone] = useState<Action | null>(null);
  const mutation = useMutation({
    mutationFn: (chosen: Action) =>
      updateIntervention(detail.id, intervention.id, {
        version: intervention.version,
        status: TARGET[chosen],
        ...(chosen === 'start' && startsOn && { startsOn }),
        ...(chosen === 'end' && endsOn && { endsOn }),
        ...((chosen === 'end' || chosen === 'cancel') && endReason.trim() && { endReason }),
      }),
    onSuccess: async (_, chosen) => {
      setDone(chosen);
      setAction(null);
      setEndReason('');
      await refresh();
    },
  });
  if (actions.length === 0) return null;
  const errors = fieldErrors(mutation.error);
  const consentMissing = hasFieldCode(mutation.error, 'consent_required');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (action) mutation.mutate(action);
  };

  return (
    <form onSubmit={submit} noValidate className="case-status-form">
      {done && <SuccessMessage>{t(`caseInterventions.status.done.${done}`)}</SuccessMessage>}
      {isStale(mutation.error) ? (
        <StaleNotice
          text={t('caseInterventions.common.stale')}
          reloadLabel={t('caseInterventions.common.reload')}
          onReload={() => {
            mutation.reset();
            void refresh();
          }}
        />
      ) : (
        <FormError
          error={mutation.error}
          fields={[
            { name: 'body.status', id: actionId, label: t('caseInterventions.status.action') },
            { name: 'body.startsOn', id: startsId, label: t('caseInterventions.status.startsOn') },
            { name: 'body.endsOn', id: endsId, label: t('caseInterventions.status.endsOn') },
            {
              name: 'body.endReason',
              id: reasonId,
              label: t('caseInterventions.status.endReason'),
            },
          ]}
          title={t('caseInterventions.status.error')}
        />
      )}
      {consentMissing && (
        <div className="alert alert-warning" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {t('caseInterventions.status.consentHint')}{' '}
              <a href={`#${consentsAnchor}`}>{t('caseInterventions.status.goToConsents')}</a>
            </p>
          </div>
        </div>
      )}
      <RadioGroup<Action>
        id={actionId}
        legend={t('caseInterventions.status.action')}
        error={errors['body.status']}
        options={actions.map((a) => ({
          value: a,
          label: t(`caseInterventions.status.actions.${a}`),
        }))}
        value={action}
        onChange={(value) => {
          setAction(value);
          setDone(null);
        }}
        inline
      />
      {action === 'start' && (
        <TextField
          id={startsId}
          type="date"
          label={t('caseInterventions.status.startsOn')}
          hint={
            intervention.type.consentRequired
              ? t('caseInterventions.status.startsOnConsentHint')
              : undefined
          }
          value={startsOn}
          error={errors['body.startsOn']}
          widthClass="input-width-s"
          onChange={(e) => setStartsOn(e.target.value)}
        />
      )}
      {action === 'end' && (
        <TextField
          id={endsId}
          type="date"
          label={t('caseInterventions.status.endsOn')}
          value={endsOn}
          error={errors['body.endsOn']}
          widthClass="input-width-s"
          onChange={(e) => setEndsOn(e.target.value)}
        />
      )}
      {(action === 'end' || action === 'cancel') && (
        <TextArea
          id={reasonId}
          label={
            action === 'end'
              ? t('caseInterventions.status.endReason')
              : t('caseInterventions.status.cancelReason')
          }
          rows={3}
          maxLength={2000}
          value={endReason}
          error={errors['body.endReason']}
          onChange={(e) => setEndReason(e.target.value)}
        />
      )}
      <button
        type="submit"
        className="button button-secondary"
        disabled={mutation.isPending || action === null}
      >
        {t('caseInterventions.status.submit')}
      </button>
    </form>
  );
}

/**
 * A new provider when staff change: another user (who becomes a member with the intervention
 * scope and is told) or an external name. The previous provider user no longer sees it.
 */
function ProviderForm({
  detail,
  intervention,
  providers,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
  providers: CaseInterventions['providers'];
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const kindId = useId();
  const userId = useId();
  const nameId = useId();
  const [kind, setKind] = useState<'user' | 'external'>(
    intervention.providerName ? 'external' : 'user',
  );
  const [user, setUser] = useState(intervention.provider?.userId ?? '');
  const [name, setName] = useState(intervention.providerName ?? '');
  const [done, setDone] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      updateIntervention(detail.id, intervention.id, {
        version: intervention.version,
        ...(kind === 'user'
          ? { providerUserId: user || null, providerName: null }
          : { providerName: name.trim() || null, providerUserId: null }),
      }),
    onSuccess: async () => {
      setDone(true);
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  return (
    <details className="case-provider-change">
      <summary>{t('caseInterventions.provider.open')}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          mutation.mutate();
        }}
      >
        {done && <SuccessMessage>{t('caseInterventions.provider.done')}</SuccessMessage>}
        {isStale(mutation.error) ? (
          <StaleNotice
            text={t('caseInterventions.common.stale')}
            reloadLabel={t('caseInterventions.common.reload')}
            onReload={() => {
              mutation.reset();
              void refresh();
            }}
          />
        ) : (
          <FormError
            error={mutation.error}
            fields={[
              {
                name: 'body.providerUserId',
                id: userId,
                label: t('caseInterventions.create.providerUser'),
              },
              {
                name: 'body.providerName',
                id: nameId,
                label: t('caseInterventions.create.providerName'),
              },
            ]}
            title={t('caseInterventions.provider.error')}
          />
        )}
        <p>{t('caseInterventions.provider.hint')}</p>
        <RadioGroup<'user' | 'external'>
          id={kindId}
          legend={t('caseInterventions.create.provider')}
          options={[
            { value: 'user', label: t('caseInterventions.create.providerKinds.user') },
            { value: 'external', label: t('caseInterventions.create.providerKinds.external') },
          ]}
          value={kind}
          onChange={setKind}
          detail={(value) =>
            value === 'user' ? (
              <Select
                id={userId}
                label={t('caseInterventions.create.providerUser')}
                hint={t('caseInterventions.create.providerUserHint')}
                value={user}
                error={errors['body.providerUserId']}
                onChange={(e) => setUser(e.target.value)}
              >
                <option value="">{t('caseInterventions.common.choose')}</option>
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </Select>
            ) : (
              <TextField
                id={nameId}
                label={t('caseInterventions.create.providerName')}
                value={name}
                maxLength={200}
                error={errors['body.providerName']}
                onChange={(e) => setName(e.target.value)}
              />
            )
          }
        />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {t('caseInterventions.provider.submit')}
        </button>
      </form>
    </details>
  );
}

function Sessions({ intervention }: { intervention: CaseIntervention }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div aria-labelledby={headingId} role="region">
      <h5 id={headingId} className="h5">
        {t('caseInterventions.sessions.heading')}
      </h5>
      {intervention.sessions.length === 0 ? (
        <p>{t('caseInterventions.sessions.empty')}</p>
      ) : (
        <ul className="nobullet-list">
          {intervention.sessions.map((s) => (
            <li key={s.id} className="case-section">
              <p className="form-hint">
                {t('caseInterventions.sessions.meta', {
                  date: formatDate(s.heldOn),
                  author: s.authorName,
                  recorded: formatDateTime(s.createdAt),
                })}
              </p>
              <p className="case-text">{s.note}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SessionForm({
  detail,
  intervention,
}: {
  detail: CaseDetail;
  intervention: CaseIntervention;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const heldId = useId();
  const noteId = useId();
  const [heldOn, setHeldOn] = useState(danishToday());
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () => addSession(detail.id, intervention.id, { heldOn, note }),
    onSuccess: async () => {
      setNote('');
      setSaved(true);
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        mutation.mutate();
      }}
    >
      <fieldset>
        <legend className="h5">{t('caseInterventions.sessions.formHeading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.sessions.success')}</SuccessMessage>}
        <FormError
          error={mutation.error}
          fields={[
            { name: 'body.heldOn', id: heldId, label: t('caseInterventions.sessions.heldOn') },
            { name: 'body.note', id: noteId, label: t('caseInterventions.sessions.note') },
          ]}
          title={t('caseInterventions.sessions.error')}
        />
        <TextField
          id={heldId}
          type="date"
          label={t('caseInterventions.sessions.heldOn')}
          value={heldOn}
          max={danishToday()}
          error={errors['body.heldOn']}
          widthClass="input-width-s"
          onChange={(e) => setHeldOn(e.target.value)}
        />
        <TextArea
          id={noteId}
          label={t('caseInterventions.sessions.note')}
          hint={t('caseInterventions.sessions.noteHint')}
          rows={5}
          maxLength={10000}
          value={note}
          error={errors['body.note']}
          onChange={(e) => setNote(e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.sessions.submit')}
        </button>
      </fieldset>
    </form>
  );
}

type ProviderKind = 'user' | 'external' | 'none';

function CreateInterventionForm({ detail, data }: { detail: CaseDetail; data: CaseInterventions }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const typeId = useId();
  const personId = useId();
  const providerKindId = useId();
  const providerUserId = useId();
  const providerNameId = useId();
  const purposeId = useId();
  const startsId = useId();
  const endsId = useId();
  const empty = {
    id: newId(),
    type: '',
    person: detail.persons.length === 1 ? (detail.persons[0]?.id ?? '') : '',
    providerKind: 'user' as ProviderKind,
    providerUser: '',
    providerName: '',
    purpose: '',
    startsOn: '',
    endsOn: '',
  };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const mutation = useMutation({
    mutationFn: () =>
      createIntervention(detail.id, {
        id: form.id,
        interventionTypeId: form.type,
        personId: form.person,
        ...(form.providerKind === 'user' &&
          form.providerUser && { providerUserId: form.providerUser }),
        ...(form.providerKind === 'external' && { providerName: form.providerName }),
        ...(form.purpose.trim() && { purpose: form.purpose }),
        ...(form.startsOn && { startsOn: form.startsOn }),
        ...(form.endsOn && { endsOn: form.endsOn }),
      }),
    onSuccess: async () => {
      setForm({ ...empty, id: newId() });
      setSaved(true);
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  const chosen = data.catalogue.find((c) => c.id === form.type);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        mutation.mutate();
      }}
    >
      <fieldset>
        <legend className="h4">{t('caseInterventions.create.heading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.create.success')}</SuccessMessage>}
        <FormError
          error={mutation.error}
          fields={[
            {
              name: 'body.interventionTypeId',
              id: typeId,
              label: t('caseInterventions.create.type'),
            },
            { name: 'body.personId', id: personId, label: t('caseInterventions.create.person') },
            {
              name: 'body.providerUserId',
              id: providerUserId,
              label: t('caseInterventions.create.providerUser'),
            },
            {
              name: 'body.providerName',
              id: providerNameId,
              label: t('caseInterventions.create.providerName'),
            },
            { name: 'body.purpose', id: purposeId, label: t('caseInterventions.create.purpose') },
            { name: 'body.startsOn', id: startsId, label: t('caseInterventions.create.startsOn') },
            { name: 'body.endsOn', id: endsId, label: t('caseInterventions.create.endsOn') },
          ]}
          title={t('caseInterventions.create.error')}
        />
        {data.catalogue.length === 0 ? (
          <p>{t('caseInterventions.create.noCatalogue')}</p>
        ) : (
          <>
            <Select
              id={typeId}
              label={t('caseInterventions.create.type')}
              hint={t('caseInterventions.create.typeHint')}
              value={form.type}
              error={errors['body.interventionTypeId']}
              onChange={(e) => set('type', e.target.value)}
            >
              <option value="">{t('caseInterventions.common.choose')}</option>
              {(['building', 'anticipating', 'intervening'] as const).map((level) => {
                const entries = data.catalogue.filter((c) => c.level === level);
                if (entries.length === 0) return null;
                return (
                  <optgroup key={level} label={t(`caseInterventions.levels.${level}`)}>
                    {entries.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.consentRequired
                          ? t('caseInterventions.create.optionConsent', { name: typeName(t, c) })
                          : typeName(t, c)}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </Select>
            {chosen && (
              <dl className="case-facts" aria-live="polite">
                <dt>{t('caseInterventions.interventions.columns.level')}</dt>
                <dd>{t(`caseInterventions.levels.${chosen.level}`)}</dd>
                <dt>{t('caseInterventions.create.ageGroup')}</dt>
                <dd>{t(`caseInterventions.ageGroups.${chosen.ageGroup}`)}</dd>
                <dt>{t('caseInterventions.interventions.columns.legalBasis')}</dt>
                <dd>{typeLegalBasis(t, chosen)}</dd>
                <dt>{t('caseInterventions.interventions.consent')}</dt>
                <dd>
                  {chosen.consentRequired
                    ? t('caseInterventions.create.consentYes')
                    : t('caseInterventions.create.consentNo')}
                </dd>
              </dl>
            )}
          </>
        )}
        <Select
          id={personId}
          label={t('caseInterventions.create.person')}
          value={form.person}
          error={errors['body.personId']}
          onChange={(e) => set('person', e.target.value)}
        >
          <option value="">{t('caseInterventions.common.choose')}</option>
          {detail.persons.map((p) => (
            <option key={p.id} value={p.id}>
              {t('caseInterventions.common.personOption', {
                name: p.name,
                role: t(`cases.personRoles.${p.role}`),
              })}
            </option>
          ))}
        </Select>
        <RadioGroup<ProviderKind>
          id={providerKindId}
          legend={t('caseInterventions.create.provider')}
          options={[
            { value: 'user', label: t('caseInterventions.create.providerKinds.user') },
            { value: 'external', label: t('caseInterventions.create.providerKinds.external') },
            { value: 'none', label: t('caseInterventions.create.providerKinds.none') },
          ]}
          value={form.providerKind}
          onChange={(value) => set('providerKind', value)}
          detail={(value) =>
            value === 'user' ? (
              <Select
                id={providerUserId}
                label={t('caseInterventions.create.providerUser')}
                hint={t('caseInterventions.create.providerUserHint')}
                value={form.providerUser}
                error={errors['body.providerUserId']}
                onChange={(e) => set('providerUser', e.target.value)}
              >
                <option value="">{t('caseInterventions.common.choose')}</option>
                {data.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </Select>
            ) : value === 'external' ? (
              <TextField
                id={providerNameId}
                label={t('caseInterventions.create.providerName')}
                value={form.providerName}
                maxLength={200}
                error={errors['body.providerName']}
                onChange={(e) => set('providerName', e.target.value)}
              />
            ) : null
          }
        />
        <TextArea
          id={purposeId}
          label={t('caseInterventions.create.purpose')}
          hint={t('caseInterventions.create.purposeHint')}
          rows={3}
          maxLength={2000}
          value={form.purpose}
          error={errors['body.purpose']}
          onChange={(e) => set('purpose', e.target.value)}
        />
        <TextField
          id={startsId}
          type="date"
          label={t('caseInterventions.create.startsOn')}
          value={form.startsOn}
          error={errors['body.startsOn']}
          widthClass="input-width-s"
          onChange={(e) => set('startsOn', e.target.value)}
        />
        <TextField
          id={endsId}
          type="date"
          label={t('caseInterventions.create.endsOn')}
          value={form.endsOn}
          error={errors['body.endsOn']}
          widthClass="input-width-s"
          onChange={(e) => set('endsOn', e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.create.submit')}
        </button>
      </fieldset>
    </form>
  );
}
