import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CorrectFilingBody, WithdrawFilingBody } from '../../../../server/modules/filing/schema.ts';
import { isJournalNumber } from '../../../../server/modules/filing/rules.ts';
import {
  DateInput,
  Form,
  MutationFailure,
  saidIssue,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { correctFiling, withdrawFiling, type Filing } from './filingApi';

/**
 * Changing a recorded filing on "Journalisering": correcting its journal number or day (with a
 * reason) and withdrawing one recorded in error (with a reason; it stays in the list, marked).
 * Each names the filing's version: someone else's change first shows the one stale notice.
 */

const CorrectValues = CorrectFilingBody.omit({ version: true });
type CorrectValues = z.output<typeof CorrectValues>;
const WithdrawValues = WithdrawFilingBody.omit({ version: true });
type WithdrawValues = z.output<typeof WithdrawValues>;

interface ChangeProps {
  caseId: string;
  filing: Filing;
  onDone: (message: string) => void;
  onCancel: () => void;
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
}

/** "Ret journalisering": the journal number and day as they should have been, and why. */
export function CorrectFilingForm({ caseId, filing, onDone, onCancel }: ChangeProps) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const schema = useMemo(
    () =>
      CorrectValues.superRefine((values, ctx) => {
        if (values.journalNumber && !isJournalNumber(values.journalNumber)) {
          ctx.addIssue(saidIssue('journalNumber', t('filing.problems.journal_number_format')));
        }
      }),
    [t],
  );
  const form = useZodForm(schema, {
    defaultValues: { journalNumber: filing.journalNumber, filedOn: filing.filedOn, reason: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: CorrectValues) =>
      correctFiling(caseId, filing.id, { ...values, version: filing.version }),
    onSuccess: async (saved) => {
      onDone(t('filing.correct.done', { number: saved.journalNumber }));
      await refresh();
    },
  });
  return (
    <>
      <MutationFailure mutations={mutation} headingLevel="h4" onReload={refresh} />
      <Form
        id={`filing-correct-${filing.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('filing.correct.failedTitle')}
      >
        <TextInput
          name="journalNumber"
          label={t('filing.record.journalNumber')}
          hint={t('filing.record.journalNumberHint')}
          widthClass="input-width-m"
          required
        />
        <DateInput
          name="filedOn"
          label={t('filing.record.filedOn')}
          hint={t('filing.record.filedOnHint')}
          required
        />
        <TextArea
          name="reason"
          label={t('filing.correct.reason')}
          hint={t('filing.correct.reasonHint')}
          maxLength={500}
          rows={3}
          required
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('filing.correct.saving') : t('filing.correct.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('filing.cancel')}
        </button>
      </Form>
    </>
  );
}

/** "Træk journalisering tilbage": a filing recorded in error, with why; nothing is deleted. */
export function WithdrawFilingForm({ caseId, filing, onDone, onCancel }: ChangeProps) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useZodForm(WithdrawValues, { defaultValues: { reason: '' } });
  const mutation = useMutation({
    mutationFn: (values: WithdrawValues) =>
      withdrawFiling(caseId, filing.id, { ...values, version: filing.version }),
    onSuccess: async (saved) => {
      onDone(t('filing.withdraw.done', { number: saved.journalNumber }));
      await refresh();
    },
  });
  return (
    <>
      <MutationFailure mutations={mutation} headingLevel="h4" onReload={refresh} />
      <Form
        id={`filing-withdraw-${filing.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('filing.withdraw.failedTitle')}
      >
        <p>{t('filing.withdraw.intro')}</p>
        <TextArea
          name="reason"
          label={t('filing.withdraw.reason')}
          hint={t('filing.withdraw.reasonHint')}
          maxLength={500}
          rows={3}
          required
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('filing.withdraw.saving') : t('filing.withdraw.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('filing.cancel')}
        </button>
      </Form>
    </>
  );
}
