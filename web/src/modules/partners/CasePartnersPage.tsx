import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { focusAfterSave, Form, SuccessMessage, TextArea, useZodForm } from '../../ui/form';
import { CASES_QUERY_KEY, type CaseDetail } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { ChangeAccessForm } from './ChangeAccessForm';
import { InvitePartnerForm } from './InvitePartnerForm';
import { endPartnerAccess, usePartnerAccess, type PartnerAccess } from './partnerAccessApi';

const REASON_MAX = 2000;

/**
 * The case's "Samarbejdspartnere" tab (/sager/:id/samarbejdspartnere, issue 13 part 1): who from
 * which partner organisation is invited into the case, which parts they see, on which basis and
 * until when; the coordinators invite, change and end. Shown from `abilities.partners` alone.
 */
export function CasePartnersPage({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  const [done, setDone] = useState<string | null>(null);
  const canWrite = detail.abilities.partners.write;
  const accesses = usePartnerAccess(detail.id, detail.abilities.partners.read);
  const saved = (message: string) => {
    setDone(message);
    focusAfterSave(doneId);
  };

  return (
    <section aria-labelledby={headingId} className="case-section partners">
      <h2 id={headingId}>{t('partnerAccess.heading')}</h2>
      <p>{t('partnerAccess.intro')}</p>
      {done && (
        <div id={doneId}>
          <SuccessMessage>{done}</SuccessMessage>
        </div>
      )}
      <QueryState
        query={accesses}
        loading={t('partnerAccess.loading')}
        loadError={t('partnerAccess.loadError')}
      >
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('partnerAccess.empty')}</p>
          ) : (
            <>
              <AccessTable items={list.items} />
              {canWrite &&
                list.items
                  .filter((a) => !['ended', 'expired', 'case_closed'].includes(a.status))
                  .map((a) => (
                    <details key={a.id} className="details partner-change">
                      <summary className="details-summary">
                        {t('partnerAccess.change.summary', { name: a.partner.name })}
                      </summary>
                      <div className="details-text">
                        <ChangeAccessForm
                          caseId={detail.id}
                          access={a}
                          onDone={() => saved(t('partnerAccess.change.saved'))}
                        />
                        <EndAccessForm
                          caseId={detail.id}
                          access={a}
                          onDone={() => saved(t('partnerAccess.end.saved'))}
                        />
                      </div>
                    </details>
                  ))}
            </>
          )
        }
      </QueryState>
      {canWrite && (
        <>
          <h3>{t('partnerAccess.invite.heading')}</h3>
          <InvitePartnerForm
            caseId={detail.id}
            onDone={() => saved(t('partnerAccess.invite.saved'))}
          />
        </>
      )}
    </section>
  );
}

function AccessTable({ items }: { items: PartnerAccess[] }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      caption={t('partnerAccess.list.caption')}
      columns={[
        t('partnerAccess.list.who'),
        t('partnerAccess.list.parts'),
        t('partnerAccess.list.basis'),
        t('partnerAccess.list.until'),
        t('partnerAccess.list.status'),
      ]}
    >
      {items.map((a) => (
        <tr key={a.id}>
          <td>
            {a.partner.name}, {a.organisation.name}
            {!a.partner.activated && ` (${t('partnerAccess.list.notActivated')})`}
          </td>
          <td>{a.parts.map((p) => t(`partnerAccess.parts.${p}`)).join(', ')}</td>
          <td>
            {a.legalBasis.name}
            <br />
            <span className="form-hint">{a.purpose}</span>
          </td>
          <td>{formatDate(a.endedOn ?? a.endsOn)}</td>
          <td>{t(`partnerAccess.status.${a.status}`)}</td>
        </tr>
      ))}
    </CompactTable>
  );
}

const EndValues = z.object({ reason: z.string().trim().max(REASON_MAX) });

function EndAccessForm({
  caseId,
  access,
  onDone,
}: {
  caseId: string;
  access: PartnerAccess;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(EndValues, { defaultValues: { reason: '' } });
  const mutation = useMutation({
    mutationFn: (values: z.output<typeof EndValues>) =>
      endPartnerAccess(caseId, access.id, { version: access.version, reason: values.reason }),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  return (
    <Form
      id={`partner-end-${access.id}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('partnerAccess.end.failedTitle')}
    >
      <TextArea
        name="reason"
        label={t('partnerAccess.end.reason')}
        maxLength={REASON_MAX}
        rows={3}
      />
      <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
        {t('partnerAccess.end.submit')}
      </button>
    </Form>
  );
}
