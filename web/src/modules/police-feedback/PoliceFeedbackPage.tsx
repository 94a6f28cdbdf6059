import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICE_FEEDBACK_KINDS } from '../../../../shared/police-feedback.ts';
import { SendPoliceFeedbackBody } from '../../../../server/modules/inquiries/schema-police-feedback.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { Form, RadioGroup, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import { formatDate, formatDateTime } from '../cases/format';
import {
  sendFeedback,
  useFeedbackChanged,
  useHandedInquiries,
  type HandedInquiry,
} from './policeFeedbackApi';

/**
 * "Tilbagemeldinger til kommunen" (issue 14 part 8): for a police contact, the inquiries the
 * municipalities of their district have handed to the police — reference, date handed and
 * municipality only — and for each a short form to tell the municipality what it may know.
 */
export function PoliceFeedbackPage() {
  const { t } = useTranslation();
  const title = t('policeFeedback.title');
  usePageTitle(title);
  const handed = useHandedInquiries();
  const [open, setOpen] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead">{t('policeFeedback.intro')}</p>
      {sent && <SuccessMessage>{t('policeFeedback.sent', { reference: sent })}</SuccessMessage>}
      <QueryState
        query={handed}
        loading={t('policeFeedback.loading')}
        loadError={t('policeFeedback.loadError')}
      >
        {(items) =>
          items.length === 0 ? (
            <p>{t('policeFeedback.empty')}</p>
          ) : (
            <CompactTable
              caption={t('policeFeedback.caption')}
              columns={[
                t('policeFeedback.reference'),
                t('policeFeedback.handedAt'),
                t('policeFeedback.municipality'),
                t('policeFeedback.feedback'),
                t('policeFeedback.actions'),
              ]}
            >
              {items.map((item) => (
                <HandedRow
                  key={item.inquiryId}
                  item={item}
                  open={open === item.inquiryId}
                  onOpen={() => {
                    setSent(null);
                    setOpen(open === item.inquiryId ? null : item.inquiryId);
                  }}
                />
              ))}
            </CompactTable>
          )
        }
      </QueryState>
      {open && handed.data?.some((i) => i.inquiryId === open) && (
        <FeedbackForm
          key={open}
          item={handed.data.find((i) => i.inquiryId === open) as HandedInquiry}
          onSent={(reference) => {
            setOpen(null);
            setSent(reference);
          }}
        />
      )}
    </>
  );
}

function HandedRow({
  item,
  open,
  onOpen,
}: {
  item: HandedInquiry;
  open: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{item.reference}</th>
      <td>{formatDate(item.handedAt.slice(0, 10))}</td>
      <td>{item.municipality.name}</td>
      <td>
        {item.feedback.length === 0 ? (
          t('policeFeedback.none')
        ) : (
          <ul className="nobullet-list">
            {item.feedback.map((f) => (
              <li key={f.id}>
                {t(`policeFeedback.kinds.${f.kind}`)} ({formatDateTime(f.sentAt)})
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={open}
          onClick={onOpen}
        >
          {t('policeFeedback.give')}
          <span className="sr-only"> {item.reference}</span>
        </button>
      </td>
    </tr>
  );
}

const FeedbackValues = SendPoliceFeedbackBody.omit({ id: true });

function FeedbackForm({
  item,
  onSent,
}: {
  item: HandedInquiry;
  onSent: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen reader users start at the form they opened.
  useEffect(() => headingRef.current?.focus(), []);
  const changed = useFeedbackChanged();
  // One id per form: a repeated send (double click, retry) makes one feedback.
  const [id] = useState(() => crypto.randomUUID());
  const form = useZodForm(FeedbackValues, {
    defaultValues: { kind: undefined as never, note: null },
  });
  const mutation = useMutation({
    mutationFn: (values: {
      kind: HandedInquiry['feedback'][number]['kind'];
      note: string | null;
    }) => sendFeedback(item.inquiryId, { id, ...values }),
    onSuccess: async () => {
      onSent(item.reference);
      await changed();
    },
  });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('policeFeedback.formHeading', { reference: item.reference })}
      </h2>
      <p>{t('policeFeedback.formIntro')}</p>
      <Form
        id="police-feedback"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('policeFeedback.failedTitle')}
      >
        <RadioGroup
          name="kind"
          label={t('policeFeedback.kind')}
          options={POLICE_FEEDBACK_KINDS.map((kind) => ({
            value: kind,
            label: t(`policeFeedback.kinds.${kind}`),
          }))}
        />
        <TextArea
          name="note"
          label={t('policeFeedback.note')}
          hint={t('policeFeedback.noteHint')}
          empty="null"
          maxLength={1000}
          rows={4}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('policeFeedback.sending') : t('policeFeedback.send')}
        </button>
      </Form>
    </section>
  );
}
