import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReviewBody } from '../../../../server/modules/inquiries/schema-decision.ts';
import { RadioGroup, TextArea, useZodForm } from '../../ui/form';
import { ChangeForm, useInquiryChange } from './ChangeForm';
import { reviewDecision, type DecisionView } from './inquiriesApi';
import type { PanelProps } from './InquiryPage';

/** Approve or reject, as radio buttons hold it; the comment as the server checks it. */
const ReviewValues = z.object({
  approve: z.enum(['yes', 'no']),
  comment: ReviewBody.shape.comment,
});

/** The second coordinator approves or rejects a pending decision (four-eyes). */
export function ReviewForm(panel: PanelProps & { decision: DecisionView }) {
  const { detail } = panel;
  const { t } = useTranslation();
  const form = useZodForm(ReviewValues, {
    defaultValues: { approve: null as unknown as 'yes', comment: '' },
  });
  const approve = useWatch({ control: form.control, name: 'approve' });
  const mutation = useInquiryChange(reviewDecision, detail.id);
  return (
    <div className="inquiry-panel">
      <h3>{t('inquiries.review.heading')}</h3>
      <p>{t('inquiries.review.intro')}</p>
      <ChangeForm
        kind="review"
        panel={panel}
        form={form}
        change={mutation}
        body={(values) => ({
          version: detail.version,
          approve: values.approve === 'yes',
          comment: values.comment?.trim() || null,
        })}
        disabled={!approve}
      >
        <RadioGroup<'yes' | 'no'>
          name="approve"
          label={t('inquiries.review.choice')}
          options={[
            { value: 'yes', label: t('inquiries.review.approve') },
            { value: 'no', label: t('inquiries.review.reject') },
          ]}
        />
        <TextArea
          name="comment"
          label={t('inquiries.review.comment')}
          hint={t('inquiries.review.commentHint')}
          rows={3}
          maxLength={2000}
        />
      </ChangeForm>
    </div>
  );
}
