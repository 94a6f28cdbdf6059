import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ForwardInquiryBody } from '../../../../server/modules/transfers/schema.ts';
import { useSession } from '../../app/session';
import { Form, TextArea, useZodForm } from '../../ui/form';
import { formatDateTime } from '../cases/format';
import { MunicipalitySelect } from './MunicipalitySelect';
import { forwardInquiry, useForwarding, type InquiryForwarding } from './transfersApi';

/** The form holds the municipality and the reason; the id and the version are added on sending. */
const ForwardValues = ForwardInquiryBody.omit({ id: true, version: true });

/**
 * Across municipalities on an inquiry (issue 13 part 5): "Videresendt fra <kommune>" on a copy
 * forwarded here, "Videresendt til <kommune>" once sent, and "Videresend" for those the server's
 * abilities allow (the municipality's coordinators, and the hotline employee who recorded it).
 */
export function ForwardPanel({ inquiryId }: { inquiryId: string }) {
  const { t } = useTranslation();
  const forwarding = useForwarding(inquiryId);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const view = forwarding.data;
  if (!view || (!view.sent && !view.received && !view.abilities.forward)) return null;

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('transfers.forward.heading')}</h2>
      {view.received && (
        <p>
          <strong>
            {t('transfers.forward.receivedFrom', {
              municipality: view.received.municipality.name,
              date: formatDateTime(view.received.forwardedAt),
            })}
          </strong>
        </p>
      )}
      {view.sent && (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">
              {t('transfers.forward.sentTo', {
                municipality: view.sent.municipality.name,
                date: formatDateTime(view.sent.forwardedAt),
              })}
            </p>
          </div>
        </div>
      )}
      {view.abilities.forward &&
        (open ? (
          <ForwardForm inquiryId={inquiryId} view={view} onDone={() => setOpen(false)} />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t('transfers.forward.open')}
          </button>
        ))}
    </section>
  );
}

function ForwardForm({
  inquiryId,
  view,
  onDone,
}: {
  inquiryId: string;
  view: InquiryForwarding;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const own = useSession().data?.user?.municipality?.code ?? null;
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(ForwardValues, {
    defaultValues: { toMunicipalityCode: '', reason: null },
  });
  const mutation = useMutation({
    mutationFn: (values: { toMunicipalityCode: string; reason: string | null }) =>
      forwardInquiry(inquiryId, { ...values, id: clientId, version: view.version }),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries();
    },
  });
  return (
    <Form
      id={`forward-${inquiryId}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('transfers.forward.failedTitle')}
    >
      <p>{t('transfers.forward.intro')}</p>
      <MunicipalitySelect own={own} />
      <TextArea
        name="reason"
        label={t('transfers.forward.reason')}
        hint={t('transfers.forward.reasonHint')}
        empty="null"
        maxLength={2000}
        rows={3}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('transfers.forward.submit')}
      </button>
    </Form>
  );
}
