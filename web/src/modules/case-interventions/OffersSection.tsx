import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../app/api';
import { FormError, fieldErrors } from '../../ui/FormError';
import { StaleNotice } from '../../ui/StaleNotice';
import { TextField } from '../../ui/TextField';
import { RadioGroup, Select, SuccessMessage, TextArea } from '../../ui/fields';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import {
  answerOffer,
  danishToday,
  makeFirstOffer,
  makeRenewal,
  type CaseInterventions,
  type Offer,
  type OfferKind,
} from './interventionsApi';
import { newId, typeName, useRefreshCase } from './shared';

const ROUND_KEY = { 1: 'first', 2: 'after3', 3: 'after6' } as const;
function roundKey(round: number) {
  return ROUND_KEY[round === 2 ? 2 : round === 3 ? 3 : 1];
}

/**
 * Offers of voluntary support (a mentor, a parent coach): the first offer and, after a decline,
 * the renewed offers at 3 and 6 months, which stay tasks until they are made and answered.
 */
export function OffersSection({
  detail,
  data,
  canWrite,
}: {
  detail: CaseDetail;
  data: CaseInterventions;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { offers } = data;
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>{t('caseInterventions.offers.heading')}</h3>
      <p>{t('caseInterventions.offers.intro')}</p>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      {offers.length === 0 ? (
        <p>{t('caseInterventions.offers.empty')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact case-table">
            <caption className="sr-only">
              {t('caseInterventions.offers.caption', { reference: detail.reference })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('caseInterventions.offers.columns.person')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.kind')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.round')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.dueOn')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.offeredOn')}</th>
                <th scope="col">{t('caseInterventions.offers.columns.status')}</th>
                {canWrite && <th scope="col">{t('caseInterventions.offers.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.id}>
                  <td>{o.person.name}</td>
                  <td>
                    {t(`caseInterventions.offers.kinds.${o.kind}`)}
                    {o.interventionType && (
                      <>
                        <br />
                        <span className="form-hint">{typeName(t, o.interventionType)}</span>
                      </>
                    )}
                  </td>
                  <td>{t(`caseInterventions.offers.rounds.${roundKey(o.round)}`)}</td>
                  <td>{o.dueOn ? formatDate(o.dueOn) : t('caseInterventions.offers.noDate')}</td>
                  <td>
                    {o.offeredOn ? formatDate(o.offeredOn) : t('caseInterventions.offers.noDate')}
                  </td>
                  <td>
                    {t(`caseInterventions.offers.statuses.${o.status}`)}
                    {o.answeredOn && (
                      <>
                        <br />
                        <span className="form-hint">
                          {t('caseInterventions.offers.answeredOn', {
                            date: formatDate(o.answeredOn),
                          })}
                        </span>
                      </>
                    )}
                  </td>
                  {canWrite && (
                    <td>
                      {o.status === 'open' && (
                        <AnswerForm detail={detail} offer={o} onDone={setMessage} />
                      )}
                      {o.status === 'scheduled' && (
                        <MakeForm detail={detail} offer={o} onDone={setMessage} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && <OfferForm detail={detail} data={data} />}
    </section>
  );
}

type Answer = 'accepted' | 'declined';

function AnswerForm({
  detail,
  offer,
  onDone,
}: {
  detail: CaseDetail;
  offer: Offer;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const answerId = useId();
  const dateId = useId();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [answeredOn, setAnsweredOn] = useState(danishToday());
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      answerOffer(detail.id, offer.id, {
        version: offer.version,
        answer: answer as Answer,
        answeredOn,
        ...(note.trim() && { note }),
      }),
    onSuccess: async (result) => {
      const [second, third] = result.scheduled;
      onDone(
        second && third
          ? t('caseInterventions.offers.answer.declinedScheduled', {
              second: formatDate(second.dueOn),
              third: formatDate(third.dueOn),
            })
          : result.cancelledOfferIds.length > 0
            ? t('caseInterventions.offers.answer.acceptedCancelled')
            : t('caseInterventions.offers.answer.success'),
      );
      setOpen(false);
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('caseInterventions.offers.answer.open')}
      </button>
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
              name: 'body.answer',
              id: answerId,
              label: t('caseInterventions.offers.answer.answer'),
            },
            {
              name: 'body.answeredOn',
              id: dateId,
              label: t('caseInterventions.offers.answer.answeredOn'),
            },
            { name: 'body.note', id: noteId, label: t('caseInterventions.offers.note') },
          ]}
          title={t('caseInterventions.offers.answer.error')}
        />
      )}
      <RadioGroup<Answer>
        id={answerId}
        legend={t('caseInterventions.offers.answer.answer')}
        hint={offer.round === 1 ? t('caseInterventions.offers.answer.declineHint') : undefined}
        error={errors['body.answer']}
        options={[
          { value: 'accepted', label: t('caseInterventions.offers.answer.accepted') },
          { value: 'declined', label: t('caseInterventions.offers.answer.declined') },
        ]}
        value={answer}
        onChange={setAnswer}
      />
      <TextField
        id={dateId}
        type="date"
        label={t('caseInterventions.offers.answer.answeredOn')}
        value={answeredOn}
        max={danishToday()}
        error={errors['body.answeredOn']}
        widthClass="input-width-s"
        onChange={(e) => setAnsweredOn(e.target.value)}
      />
      <TextArea
        id={noteId}
        label={t('caseInterventions.offers.noteOptional')}
        rows={2}
        maxLength={2000}
        value={note}
        error={errors['body.note']}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('caseInterventions.offers.answer.submit')}
      </button>{' '}
      <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
        {t('caseInterventions.common.cancel')}
      </button>
    </form>
  );
}

function MakeForm({
  detail,
  offer,
  onDone,
}: {
  detail: CaseDetail;
  offer: Offer;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const dateId = useId();
  const [open, setOpen] = useState(false);
  const [offeredOn, setOfferedOn] = useState(danishToday());
  const mutation = useMutation({
    mutationFn: () => makeRenewal(detail.id, offer.id, { version: offer.version, offeredOn }),
    onSuccess: async () => {
      onDone(t('caseInterventions.offers.make.success'));
      setOpen(false);
      await refresh();
    },
  });
  const errors = fieldErrors(mutation.error);
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('caseInterventions.offers.make.open')}
      </button>
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
              name: 'body.offeredOn',
              id: dateId,
              label: t('caseInterventions.offers.make.offeredOn'),
            },
          ]}
          title={t('caseInterventions.offers.make.error')}
        />
      )}
      <TextField
        id={dateId}
        type="date"
        label={t('caseInterventions.offers.make.offeredOn')}
        value={offeredOn}
        max={danishToday()}
        error={errors['body.offeredOn']}
        widthClass="input-width-s"
        onChange={(e) => setOfferedOn(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('caseInterventions.offers.make.submit')}
      </button>{' '}
      <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
        {t('caseInterventions.common.cancel')}
      </button>
    </form>
  );
}

function OfferForm({ detail, data }: { detail: CaseDetail; data: CaseInterventions }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const personId = useId();
  const kindId = useId();
  const typeId = useId();
  const dateId = useId();
  const noteId = useId();
  const empty = {
    id: newId(),
    person: detail.persons.length === 1 ? (detail.persons[0]?.id ?? '') : '',
    kind: null as OfferKind | null,
    type: '',
    offeredOn: danishToday(),
    note: '',
  };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const mutation = useMutation({
    mutationFn: () =>
      makeFirstOffer(detail.id, {
        id: form.id,
        personId: form.person,
        // Sent as chosen; the server names a missing choice as a field problem.
        kind: form.kind as OfferKind,
        ...(form.type && { interventionTypeId: form.type }),
        offeredOn: form.offeredOn,
        ...(form.note.trim() && { note: form.note }),
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
        <legend className="h4">{t('caseInterventions.offers.form.heading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.offers.form.success')}</SuccessMessage>}
        <FormError
          error={mutation.error}
          fields={[
            { name: 'body.personId', id: personId, label: t('caseInterventions.offers.person') },
            { name: 'body.kind', id: kindId, label: t('caseInterventions.offers.kind') },
            {
              name: 'body.interventionTypeId',
              id: typeId,
              label: t('caseInterventions.offers.form.type'),
            },
            {
              name: 'body.offeredOn',
              id: dateId,
              label: t('caseInterventions.offers.form.offeredOn'),
            },
            { name: 'body.note', id: noteId, label: t('caseInterventions.offers.note') },
          ]}
          title={t('caseInterventions.offers.form.error')}
        />
        <Select
          id={personId}
          label={t('caseInterventions.offers.person')}
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
        <RadioGroup<OfferKind>
          id={kindId}
          legend={t('caseInterventions.offers.kind')}
          error={errors['body.kind']}
          options={[
            { value: 'mentor', label: t('caseInterventions.offers.kinds.mentor') },
            { value: 'parent_coach', label: t('caseInterventions.offers.kinds.parent_coach') },
            { value: 'other', label: t('caseInterventions.offers.kinds.other') },
          ]}
          value={form.kind}
          onChange={(value) => set('kind', value)}
          inline
        />
        <Select
          id={typeId}
          label={t('caseInterventions.offers.form.type')}
          value={form.type}
          error={errors['body.interventionTypeId']}
          onChange={(e) => set('type', e.target.value)}
        >
          <option value="">{t('caseInterventions.offers.form.noType')}</option>
          {data.catalogue.map((c) => (
            <option key={c.id} value={c.id}>
              {typeName(t, c)}
            </option>
          ))}
        </Select>
        <TextField
          id={dateId}
          type="date"
          label={t('caseInterventions.offers.form.offeredOn')}
          value={form.offeredOn}
          max={danishToday()}
          error={errors['body.offeredOn']}
          widthClass="input-width-s"
          onChange={(e) => set('offeredOn', e.target.value)}
        />
        <TextArea
          id={noteId}
          label={t('caseInterventions.offers.noteOptional')}
          rows={2}
          maxLength={2000}
          value={form.note}
          error={errors['body.note']}
          onChange={(e) => set('note', e.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.offers.form.submit')}
        </button>
      </fieldset>
    </form>
  );
}
