import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RecordNoticeBody } from '../../../../server/modules/notice/schema.ts';
import {
  NOTICE_EXEMPTIONS,
  NOTICE_METHODS,
  NOTICE_OUTCOMES,
  type NoticeOutcome,
} from '../../../../shared/notice.ts';
import {
  danishToday,
  DateInput,
  Form,
  RadioGroup,
  saidIssue,
  Select,
  TextArea,
  useZodForm,
} from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { recordNotice, type Notice, type NoticeList } from './noticeApi';

const REASON_MAX = 2000;

/** The form holds the body without its id (made once per form, so a double submit is one). */
const NoticeValues = RecordNoticeBody.omit({ id: true });
type NoticeValues = z.output<typeof NoticeValues>;

/** The server's body, and which fields each outcome needs, said in the form's own words. */
function useNoticeSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      NoticeValues.superRefine((values, ctx) => {
        if (values.outcome === 'exempted' && !values.reason?.trim()) {
          ctx.addIssue(saidIssue('reason', t('notice.form.reasonRequired')));
        }
      }),
    [t],
  );
}

/**
 * "Registrér oplysning eller undtagelse": that a person (the citizen or a custody holder) was told
 * — how and when — or that an exemption was used, which and why. The server checks the rest (a
 * day before the case opened or in the future) and its messages land on the fields.
 */
export function RecordNoticeForm({
  caseId,
  recipients,
  onDone,
}: {
  caseId: string;
  recipients: NoticeList['recipients'];
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useNoticeSchema();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(schema, {
    defaultValues: {
      outcome: 'informed' as NoticeOutcome,
      personId: recipients[0]?.personId ?? null,
      method: null,
      givenOn: danishToday(),
      exemption: null,
      reason: null,
    },
  });
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const mutation = useMutation({
    mutationFn: (values: NoticeValues) =>
      recordNotice(caseId, {
        ...values,
        id: clientId,
        // Only the fields of the chosen outcome are sent.
        ...(values.outcome === 'informed'
          ? { exemption: null, reason: null }
          : { method: null, personId: null }),
      }),
    onSuccess: async (notice) => {
      setClientId(crypto.randomUUID());
      form.reset();
      onDone(notice);
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  return (
    <Form
      id={`notice-${caseId}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('notice.form.failedTitle')}
    >
      <RadioGroup<NoticeOutcome>
        name="outcome"
        label={t('notice.form.outcome')}
        options={NOTICE_OUTCOMES.map((o) => ({ value: o, label: t(`notice.outcomes.${o}`) }))}
      />
      {outcome === 'informed' ? (
        <>
          <Select name="personId" label={t('notice.form.person')} empty="null">
            <option value="">{t('notice.form.choosePerson')}</option>
            {recipients.map((r) => (
              <option key={r.personId} value={r.personId}>
                {r.name}
              </option>
            ))}
          </Select>
          <RadioGroup
            name="method"
            label={t('notice.form.method')}
            options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`notice.methods.${m}`) }))}
          />
        </>
      ) : (
        <>
          <RadioGroup
            name="exemption"
            label={t('notice.form.exemption')}
            options={NOTICE_EXEMPTIONS.map((e) => ({
              value: e,
              label: t(`notice.exemptions.${e}`),
            }))}
          />
          <TextArea
            name="reason"
            label={t('notice.form.reason')}
            hint={t('notice.form.reasonHint')}
            empty="null"
            maxLength={REASON_MAX}
            rows={4}
          />
        </>
      )}
      <DateInput
        name="givenOn"
        label={t('notice.form.givenOn')}
        hint={t('notice.form.givenOnHint')}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('notice.form.saving') : t('notice.form.submit')}
      </button>
    </Form>
  );
}
