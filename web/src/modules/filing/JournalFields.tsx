import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isJournalNumber } from '../../../../server/modules/filing/rules.ts';
import { DateInput, saidIssue, TextInput } from '../../ui/form';

/**
 * The journal number the record system gave the document and the day it was filed: the fields
 * of recording a filing (RecordFilingForm.tsx) and of correcting one (FilingChangeForms.tsx).
 */
export function JournalFields() {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The journal number's form (rules.ts) said in the form's own words, for a schema's superRefine. */
export function checkJournalNumber(t: TFunction) {
  return (values: { journalNumber?: string | undefined }, ctx: z.RefinementCtx) => {
    if (values.journalNumber && !isJournalNumber(values.journalNumber)) {
      ctx.addIssue(saidIssue('journalNumber', t('filing.problems.journal_number_format')));
    }
  };
}
