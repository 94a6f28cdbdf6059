import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RecordFilingBody } from '../../../../server/modules/filing/schema.ts';
import { Form, RadioGroup, renameServerErrors, useZodForm } from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { formatDate } from '../cases/format';
import { recordFiling, type FilableDocument } from './filingApi';
import { checkJournalNumber, JournalFields } from './JournalFields';

/**
 * The form holds the chosen document version (`documentChoice`: "case-summary:2026-12-05",
 * "plan:2"), the journal number and the day; the body's document and version come from the choice.
 */
const FilingValues = RecordFilingBody.omit({ document: true, documentVersion: true }).extend({
  documentChoice: z.string().min(1),
});
type FilingValues = z.output<typeof FilingValues>;

/** One choice per document version (a plan has several). */
export const choiceOf = (d: Pick<FilableDocument, 'kind' | 'version'>) => `${d.kind}:${d.version}`;

/** The server's problems with the document or its version belong on the choice. */
const toChoice = (field: string) =>
  field === 'document' || field === 'documentVersion' ? 'documentChoice' : null;

/** The server's body, and the journal number's form said in the form's own words. */
function useFilingSchema() {
  const { t } = useTranslation();
  return useMemo(() => FilingValues.superRefine(checkJournalNumber(t)), [t]);
}

/**
 * "Registrer journalisering": the journal number the record system gave the document and the day
 * it was filed, for the version of the document that can be filed now (the one the export holds).
 */
export function RecordFilingForm({
  caseId,
  documents,
  onDone,
}: {
  caseId: string;
  documents: FilableDocument[];
  onDone: (filing: { journalNumber: string }) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = useFilingSchema();
  const form = useZodForm(schema, {
    defaultValues: {
      documentChoice: documents[0] ? choiceOf(documents[0]) : '',
      journalNumber: '',
      filedOn: '',
    },
  });
  const mutation = useMutation({
    mutationFn: async ({ documentChoice, ...values }: FilingValues) => {
      const chosen = documents.find((d) => choiceOf(d) === documentChoice) ?? documents[0];
      try {
        return await recordFiling(caseId, {
          ...values,
          document: chosen?.kind ?? 'case-summary',
          documentVersion: chosen?.version ?? '',
        });
      } catch (failure) {
        throw renameServerErrors(failure, toChoice);
      }
    },
    onSuccess: async (filing) => {
      form.reset();
      onDone(filing);
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  return (
    <Form
      id={`filing-${caseId}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('filing.record.failedTitle')}
    >
      <RadioGroup
        name="documentChoice"
        label={t('filing.record.document')}
        options={documents.map((d) => ({ value: choiceOf(d), label: documentLabel(t, d) }))}
      />
      <JournalFields />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('filing.record.saving') : t('filing.record.submit')}
      </button>
    </Form>
  );
}

/** "Sagsresumé af 5.12.2026", "Handleplan, version 2". */
export function documentLabel(
  t: TFunction,
  d: { kind: FilableDocument['kind']; version: string; date: string },
): string {
  return d.kind === 'plan'
    ? t('filing.documents.plan', { version: d.version })
    : t('filing.documents.case-summary', { date: formatDate(d.date) });
}
