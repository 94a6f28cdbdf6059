import { useMutation } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  DateInput,
  Form,
  MutationFailure,
  RadioGroup,
  TextArea,
  useZodForm,
  type Option,
} from '../../ui/form';
import { useRefreshCase, type CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { recordReview, type Review, type ReviewRequest } from './closureApi';
import { reviewBody, reviewDefaults, ReviewSchema, type YesNo } from './closureValues';

const REASON_MAX = 4000;
const EFFECT_QUESTION: Partial<Record<number, 'noLongerAtRisk' | 'inEducationOrWork'>> = {
  6: 'noLongerAtRisk',
  12: 'inEducationOrWork',
};

/**
 * Records a re-review: confirm the closure or reopen the case (with a reason), the day it was
 * held, and the effect question of its month (6: no longer at risk; 12: in education or work).
 */
export function ReviewForm({
  detail,
  review,
  onRecorded,
}: {
  detail: CaseDetail;
  review: Review;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(ReviewSchema, { defaultValues: reviewDefaults() });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const mutation = useMutation({
    mutationFn: (body: ReviewRequest) => recordReview(detail.id, review.id, body),
    onSuccess: async () => {
      onRecorded();
      await refresh();
    },
  });
  // The effect question of the review's month.
  const effect = EFFECT_QUESTION[review.months];
  const yesNo: Option<YesNo>[] = [
    { value: 'yes', label: t('closure.reviews.yes') },
    { value: 'no', label: t('closure.reviews.no') },
  ];
  return (
    <Form
      id={`review-${review.id}`}
      form={form}
      className="closure-review no-print"
      onSubmit={(values) => mutation.mutateAsync(reviewBody(values, review))}
      error={mutation.error}
      errorTitle={t('closure.record.error')}
    >
      <h4>
        {t('closure.record.heading', { months: review.months, date: formatDate(review.dueOn) })}
      </h4>
      <MutationFailure mutations={mutation} headingLevel="h4" onReload={() => refresh()} />
      <RadioGroup<'confirm' | 'reopen'>
        name="decision"
        label={t('closure.record.decision')}
        options={[
          { value: 'confirm', label: t('closure.record.confirm') },
          { value: 'reopen', label: t('closure.record.reopen') },
        ]}
      />
      <DateInput
        name="heldOn"
        label={t('closure.record.heldOn')}
        hint={t('closure.record.heldOnHint')}
      />
      <TextArea
        name="reason"
        label={
          decision === 'reopen' ? t('closure.record.reason') : t('closure.record.reasonOptional')
        }
        rows={3}
        maxLength={REASON_MAX}
        empty="null"
      />
      {effect && (
        <RadioGroup<YesNo>
          name={effect}
          label={t(`closure.record.${effect}`)}
          hint={t('closure.record.effectHint')}
          className="inquiry-inline-options"
          options={yesNo}
        />
      )}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('closure.record.submit')}
      </button>
    </Form>
  );
}
