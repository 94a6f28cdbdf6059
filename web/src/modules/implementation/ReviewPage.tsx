import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { DateInput, Form, TextArea, danishToday, formatDate, useZodForm } from '../../ui/form';
import {
  CreateReviewBody,
  IMPLEMENTATION_KEY,
  recordReview,
  useChecklist,
  type Checklist,
} from './implementationApi';

const ReviewValues = CreateReviewBody.omit({ id: true });

/**
 * "Gennemgå tjeklisten" (/boligomraader/implementering/gennemgang): the checklist reviewed as a
 * whole — the day, a short conclusion and the next review's date — and the earlier reviews.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const checklist = useChecklist();
  return (
    <>
      <p>
        <Link to="/boligomraader/implementering">{t('implementation.back')}</Link>
      </p>
      <PageHeading>{t('implementation.review.start')}</PageHeading>
      <p className="font-lead">{t('implementation.review.intro')}</p>
      <QueryState
        query={checklist}
        loading={t('implementation.loading')}
        loadError={t('implementation.loadError')}
      >
        {(data) => (
          <>
            {data.abilities.edit && <ReviewForm />}
            <EarlierReviews checklist={data} />
          </>
        )}
      </QueryState>
    </>
  );
}

function ReviewForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The client's id makes a repeated submit answer the same review.
  const [id] = useState(() => crypto.randomUUID());
  const form = useZodForm(ReviewValues, {
    defaultValues: { reviewedOn: danishToday(), conclusion: '', nextReviewOn: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof ReviewValues._output) => recordReview({ ...values, id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: IMPLEMENTATION_KEY });
      void navigate('/boligomraader/implementering');
    },
  });
  return (
    <Form
      id="implementation-review"
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('implementation.review.failed')}
    >
      <DateInput name="reviewedOn" label={t('implementation.review.reviewedOn')} required />
      <TextArea
        name="conclusion"
        label={t('implementation.review.conclusion')}
        hint={t('implementation.review.conclusionHint')}
        maxLength={2000}
        rows={4}
      />
      <DateInput name="nextReviewOn" label={t('implementation.review.nextReviewOn')} required />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('implementation.review.submit')}
      </button>
    </Form>
  );
}

function EarlierReviews({ checklist }: { checklist: Checklist }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="implementation-reviews">
      <h2 id="implementation-reviews">{t('implementation.review.earlier')}</h2>
      {checklist.reviews.length === 0 ? (
        <p>{t('implementation.review.none')}</p>
      ) : (
        <CompactTable
          caption={t('implementation.review.earlier')}
          columns={[
            t('implementation.review.reviewedOn'),
            t('implementation.history.who'),
            t('implementation.review.conclusion'),
            t('implementation.review.nextReviewOn'),
          ]}
        >
          {checklist.reviews.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.reviewedOn)}</td>
              <td>{r.reviewedBy.name}</td>
              <td>{r.conclusion}</td>
              <td>{formatDate(r.nextReviewOn)}</td>
            </tr>
          ))}
        </CompactTable>
      )}
    </section>
  );
}
