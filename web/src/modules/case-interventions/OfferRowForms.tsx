import { useTranslation } from 'react-i18next';
import { danishToday, DateInput, RadioGroup, useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { AnswerFormSchema, emptyAnswer, MakeFormSchema } from './consentOfferValues';
import { answerOffer, makeRenewal, type Offer } from './interventionsApi';
import { OfferNote } from './formParts';
import { RowForm } from './RowForm';

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
  const form = useZodForm(AnswerFormSchema, { defaultValues: emptyAnswer() });
  return (
    <RowForm
      form={form}
      save={(answer) => answerOffer(detail.id, offer.id, { version: offer.version, ...answer })}
      onSaved={(result) => {
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
      }}
      headingId={headingId}
      openLabel={t('caseInterventions.offers.answer.open')}
      stale
      errorTitle={t('caseInterventions.offers.answer.error')}
      submit={t('caseInterventions.offers.answer.submit')}
    >
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
      <OfferNote />
    </RowForm>
  );
}

export function MakeForm({ detail, offer, onDone, headingId }: RowFormProps) {
  const { t } = useTranslation();
  const form = useZodForm(MakeFormSchema, { defaultValues: { offeredOn: danishToday() } });
  return (
    <RowForm
      form={form}
      save={(made) => makeRenewal(detail.id, offer.id, { version: offer.version, ...made })}
      onSaved={() => onDone(t('caseInterventions.offers.make.success'))}
      headingId={headingId}
      openLabel={t('caseInterventions.offers.make.open')}
      summary={false}
      stale
      errorTitle={t('caseInterventions.offers.make.error')}
      submit={t('caseInterventions.offers.make.submit')}
    >
      <DateInput name="offeredOn" label={t('caseInterventions.offers.make.offeredOn')} />
    </RowForm>
  );
}
