import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CorrectFilingBody, WithdrawFilingBody } from '../../../../server/modules/filing/schema.ts';
import {
  Form,
  MutationFailure,
  TextArea,
  useZodForm,
  type FormSchema,
  type ZodForm,
} from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { correctFiling, withdrawFiling, type Filing } from './filingApi';
import { checkJournalNumber, JournalFields } from './JournalFields';

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

/** "Ret journalisering": the journal number and day as they should have been, and why. */
export function CorrectFilingForm({ caseId, filing, ...props }: ChangeProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => CorrectValues.superRefine(checkJournalNumber(t)), [t]);
  const form = useZodForm(schema, {
    defaultValues: { journalNumber: filing.journalNumber, filedOn: filing.filedOn, reason: '' },
  });
  return (
    <FilingChangeForm
      change="correct"
      filing={filing}
      form={form}
      save={(values: CorrectValues) =>
        correctFiling(caseId, filing.id, { ...values, version: filing.version })
      }
      {...props}
    >
      <JournalFields />
    </FilingChangeForm>
  );
}

/** "Træk journalisering tilbage": a filing recorded in error, with why; nothing is deleted. */
export function WithdrawFilingForm({ caseId, filing, ...props }: ChangeProps) {
  const { t } = useTranslation();
  const form = useZodForm(WithdrawValues, { defaultValues: { reason: '' } });
  return (
    <FilingChangeForm
      change="withdraw"
      filing={filing}
      form={form}
      save={(values: WithdrawValues) =>
        withdrawFiling(caseId, filing.id, { ...values, version: filing.version })
      }
      {...props}
    >
      <p>{t('filing.withdraw.intro')}</p>
    </FilingChangeForm>
  );
}

/**
 * What the two changes share: the save against the filing's version, the stale notice or error,
 * the reason (`filing.<change>.reason`), the buttons, and the change's message when done.
 */
function FilingChangeForm<S extends FormSchema>({
  change,
  filing,
  form,
  save,
  onDone,
  onCancel,
  children,
}: Omit<ChangeProps, 'caseId'> & {
  change: 'correct' | 'withdraw';
  form: ZodForm<S>;
  save: (values: z.output<S>) => Promise<Filing>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (saved) => {
      onDone(t(`filing.${change}.done`, { number: saved.journalNumber }));
      await refresh();
    },
  });
  return (
    <>
      <MutationFailure mutations={mutation} headingLevel="h4" onReload={refresh} />
      <Form
        id={`filing-${change}-${filing.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t(`filing.${change}.failedTitle`)}
      >
        {children}
        <TextArea
          name="reason"
          label={t(`filing.${change}.reason`)}
          hint={t(`filing.${change}.reasonHint`)}
          maxLength={500}
          rows={3}
          required
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t(`filing.${change}.saving`) : t(`filing.${change}.submit`)}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('filing.cancel')}
        </button>
      </Form>
    </>
  );
}
