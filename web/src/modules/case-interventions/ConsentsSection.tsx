import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldErrors } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { danishToday, recordConsent, withdrawConsent, type Consent } from './interventionsApi';
import { newId, useRefreshCase } from './shared';

/** Simple consent records: who consented to what, how and when; and withdrawals. */
export function ConsentsSection({
  detail,
  consents,
  canWrite,
  headingId,
}: {
  detail: CaseDetail;
  consents: Consent[];
  canWrite: boolean;
  headingId: string;
}) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState<number | null>(null);
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId} tabIndex={-1}>
        {t('caseInterventions.consents.heading')}
      </h3>
      <p>{t('caseInterventions.consents.intro')}</p>
      {paused !== null && (
        <SuccessMessage>
          {paused === 0
            ? t('caseInterventions.consents.withdrawn')
            : t('caseInterventions.consents.withdrawnPaused', { count: paused })}
        </SuccessMessage>
      )}
      {consents.length === 0 ? (
        <p>{t('caseInterventions.consents.empty')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact case-table">
            <caption className="sr-only">
              {t('caseInterventions.consents.caption', { reference: detail.reference })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('caseInterventions.consents.columns.person')}</th>
                <th scope="col">{t('caseInterventions.consents.columns.purpose')}</th>
                <th scope="col">{t('caseInterventions.consents.columns.givenBy')}</th>
                <th scope="col">{t('caseInterventions.consents.columns.method')}</th>
                <th scope="col">{t('caseInterventions.consents.columns.givenOn')}</th>
                <th scope="col">{t('caseInterventions.consents.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.id}>
                  <td>{c.person.name}</td>
                  <td className="case-text">{c.purpose}</td>
                  <td>{t(`caseInterventions.consents.givenBy.${c.givenBy}`)}</td>
                  <td>{t(`caseInterventions.consents.methods.${c.method}`)}</td>
                  <td>{formatDate(c.givenOn)}</td>
                  <td>
                    {c.withdrawnOn ? (
                      t('caseInterventions.consents.withdrawnOn', {
                        date: formatDate(c.withdrawnOn),
                      })
                    ) : canWrite ? (
                      <WithdrawForm detail={detail} consent={c} onWithdrawn={setPaused} />
                    ) : (
                      t('caseInterventions.consents.valid')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && <ConsentForm detail={detail} />}
    </section>
  );
}

function WithdrawForm({
  detail,
  consent,
  onWithdrawn,
}: {
  detail: CaseDetail;
  consent: Consent;
  /** Told how many interventions were paused. */
  onWithdrawn: (paused: number) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const dateId = useId();
  const [open, setOpen] = useState(false);
  const [withdrawnOn, setWithdrawnOn] = useState(danishToday());
  const mutation = useMutation({
    mutationFn: () => withdrawConsent(detail.id, consent.id, { withdrawnOn }),
    onSuccess: async (result) => {
      onWithdrawn(result.pausedInterventionIds.length);
      setOpen(false);
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  if (!open) {
    return (
      <>
        {t('caseInterventions.consents.valid')}
        <br />
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('caseInterventions.consents.withdraw')}
        </button>
      </>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <FormError
        error={mutation.error}
        fields={[
          {
            name: 'body.withdrawnOn',
            id: dateId,
            label: t('caseInterventions.consents.withdrawnOnLabel'),
          },
        ]}
        title={t('caseInterventions.consents.withdrawError')}
      />
      <TextField
        id={dateId}
        type="date"
        label={t('caseInterventions.consents.withdrawnOnLabel')}
        hint={t('caseInterventions.consents.withdrawHint')}
        value={withdrawnOn}
        max={danishToday()}
        error={errors['body.withdrawnOn']}
        widthClass="input-width-s"
        onChange={(e) => setWithdrawnOn(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('caseInterventions.consents.withdrawSubmit')}
      </button>{' '}
      <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
        {t('caseInterventions.common.cancel')}
      </button>
    </form>
  );
}

type GivenBy = 'person' | 'guardian';
type Method = 'written' | 'oral';

function ConsentForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const personId = useId();
  const givenById = useId();
  const purposeId = useId();
  const methodId = useId();
  const givenOnId = useId();
  const empty = {
    id: newId(),
    person: detail.persons.length === 1 ? (detail.persons[0]?.id ?? '') : '',
    givenBy: null as GivenBy | null,
    purpose: '',
    method: null as Method | null,
    givenOn: danishToday(),
  };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const mutation = useMutation({
    mutationFn: () =>
      recordConsent(detail.id, {
        id: form.id,
        personId: form.person,
        // Sent as chosen; the server names a missing choice as a field problem.
        givenBy: form.givenBy as GivenBy,
        purpose: form.purpose,
        method: form.method as Method,
        givenOn: form.givenOn,
      }),
    onSuccess: async () => {
      setForm({ ...empty, id: newId() });
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
        <legend className="h4">{t('caseInterventions.consents.formHeading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.consents.success')}</SuccessMessage>}
        <FormError
          error={mutation.error}
          fields={[
            { name: 'body.personId', id: personId, label: t('caseInterventions.consents.person') },
            {
              name: 'body.givenBy',
              id: givenById,
              label: t('caseInterventions.consents.givenByLabel'),
            },
            {
              name: 'body.purpose',
              id: purposeId,
              label: t('caseInterventions.consents.purpose'),
            },
            { name: 'body.method', id: methodId, label: t('caseInterventions.consents.method') },
            {
              name: 'body.givenOn',
              id: givenOnId,
              label: t('caseInterventions.consents.givenOn'),
            },
          ]}
          title={t('caseInterventions.consents.error')}
        />
        <Select
          id={personId}
          label={t('caseInterventions.consents.person')}
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
        <RadioGroup<GivenBy>
          id={givenById}
          legend={t('caseInterventions.consents.givenByLabel')}
          hint={t('caseInterventions.consents.givenByHint')}
          error={errors['body.givenBy']}
          options={[
            { value: 'person', label: t('caseInterventions.consents.givenBy.person') },
            { value: 'guardian', label: t('caseInterventions.consents.givenBy.guardian') },
          ]}
          value={form.givenBy}
          onChange={(value) => set('givenBy', value)}
        />
        <TextArea
          id={purposeId}
          label={t('caseInterventions.consents.purpose')}
          hint={t('caseInterventions.consents.purposeHint')}
          rows={3}
          maxLength={1000}
          value={form.purpose}
          error={errors['body.purpose']}
          onChange={(e) => set('purpose', e.target.value)}
        />
        <RadioGroup<Method>
          id={methodId}
          legend={t('caseInterventions.consents.method')}
          error={errors['body.method']}
          options={[
            { value: 'written', label: t('caseInterventions.consents.methods.written') },
            { value: 'oral', label: t('caseInterventions.consents.methods.oral') },
          ]}
          value={form.method}
          onChange={(value) => set('method', value)}
          inline
        />
        <TextField
          id={givenOnId}
          type="date"
          label={t('caseInterventions.consents.givenOn')}
          value={form.givenOn}
          max={danishToday()}
          error={errors['body.givenOn']}
          widthClass="input-width-s"
          onChange={(e) => set('givenOn', e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.consents.submit')}
        </button>
      </fieldset>
    </form>
  );
}
