import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  danishToday,
  DateInput,
  focusAfterSave,
  Form,
  RadioGroup,
  TextArea,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { AnswerFormSchema, emptyAnswer, MakeFormSchema } from './consentOfferValues';
import { ChangeStale } from './formParts';
import { answerOffer, makeRenewal, type Offer } from './interventionsApi';
import { useRefreshCase } from './shared';

/**
 * The forms in a row of the offers table, each opened by a button: the answer to an open offer,
 * and making a scheduled renewed offer. What was saved is said above the table (`onDone`).
 */

interface RowFormProps {
  detail: CaseDetail;
  offer: Offer;
  onDone: (message: string) => void;
  /** The offers' heading, where focus goes after saving (the form closes). */
  headingId: string;
}

type Answer = 'accepted' | 'declined';

export function AnswerForm({ detail, offer, onDone, headingId }: RowFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const [open, setOpen] = useState(false);
  const form = useZodForm(AnswerFormSchema, { defaultValues: emptyAnswer() });
  const mutation = useMutation({
    mutationFn: (answer: z.output<typeof AnswerFormSchema>) =>
      answerOffer(detail.id, offer.id, { version: offer.version, ...answer }),
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
      focusAfterSave(headingId);
    },
  });
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('caseInterventions.offers.answer.open')}
      </button>
    );
  }
  return (
    <Form
      form={form}
      onSubmit={(answer) => mutation.mutateAsync(answer)}
      error={mutation.error}
      errorTitle={t('caseInterventions.offers.answer.error')}
    >
      <ChangeStale error={mutation.error} onReset={() => mutation.reset()} />
      <RadioGroup<Answer>
        name="answer"
        label={t('caseInterventions.offers.answer.answer')}
        hint={offer.round === 1 ? t('caseInterventions.offers.answer.declineHint') : undefined}
        options={[
          { value: 'accepted', label: t('caseInterventions.offers.answer.accepted') },
          { value: 'declined', label: t('caseInterventions.offers.answer.declined') },
        ]}
      />
      <DateInput name="answeredOn" label={t('caseInterventions.offers.answer.answeredOn')} />
      <TextArea
        name="note"
        label={t('caseInterventions.offers.noteOptional')}
        rows={2}
        maxLength={2000}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('caseInterventions.offers.answer.submit')}
      </button>{' '}
      <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
        {t('caseInterventions.common.cancel')}
      </button>
    </Form>
  );
}

export function MakeForm({ detail, offer, onDone, headingId }: RowFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const [open, setOpen] = useState(false);
  const form = useZodForm(MakeFormSchema, { defaultValues: { offeredOn: danishToday() } });
  const mutation = useMutation({
    mutationFn: (made: z.output<typeof MakeFormSchema>) =>
      makeRenewal(detail.id, offer.id, { version: offer.version, ...made }),
    onSuccess: async () => {
      onDone(t('caseInterventions.offers.make.success'));
      setOpen(false);
      await refresh();
      focusAfterSave(headingId);
    },
  });
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t('caseInterventions.offers.make.open')}
      </button>
    );
  }
  return (
    <Form
      form={form}
      summary={false}
      onSubmit={(made) => mutation.mutateAsync(made)}
      error={mutation.error}
      errorTitle={t('caseInterventions.offers.make.error')}
    >
      <ChangeStale error={mutation.error} onReset={() => mutation.reset()} />
      <DateInput name="offeredOn" label={t('caseInterventions.offers.make.offeredOn')} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('caseInterventions.offers.make.submit')}
      </button>{' '}
      <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>
        {t('caseInterventions.common.cancel')}
      </button>
    </Form>
  );
}
