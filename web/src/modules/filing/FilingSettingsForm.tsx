import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FilingSettingsBody } from '../../../../server/modules/filing/schema.ts';
import { filingSettingsProblems } from '../../../../server/modules/filing/rules.ts';
import { Checkbox, Form, MutationFailure, saidIssue, TextInput, useZodForm } from '../../ui/form';
import { updateSettings, useStoreSettings, type Settings } from '../admin/adminApi';

/** The settings page's own form leaves these to this one (SettingsPage.tsx omits them). */
export const FILING_SETTINGS = {
  filingKleCode: true,
  filingKleFacet: true,
  recordSystemName: true,
  filingIncludeCpr: true,
} as const;

type FilingValues = z.output<typeof FilingSettingsBody>;

/** The text fields of the form, in order: empty is saved as null. */
const TEXT_FIELDS = [
  {
    name: 'filingKleCode',
    label: 'filing.settings.kleCode',
    hint: 'filing.settings.kleCodeHint',
    widthClass: 'input-char-8',
  },
  {
    name: 'filingKleFacet',
    label: 'filing.settings.kleFacet',
    hint: 'filing.settings.kleFacetHint',
    widthClass: 'input-char-4',
  },
  {
    name: 'recordSystemName',
    label: 'filing.settings.recordSystem',
    hint: 'filing.settings.recordSystemHint',
    widthClass: 'input-width-m',
  },
] as const;

/** The server's body, and the KLE formats of rules.ts said in the form's own words. */
export function useFilingSettingsSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      FilingSettingsBody.superRefine((values, ctx) => {
        for (const problem of filingSettingsProblems(values)) {
          ctx.addIssue(saidIssue(problem.field, t(`filing.problems.${problem.code}`)));
        }
      }),
    [t],
  );
}

/**
 * "Journalisering" on the municipality's settings page: the KLE subject number (and handling
 * facet) the municipality files these cases under, the name of its record system, and whether
 * the filing export carries the parties' CPR numbers. Saved on its own with the settings'
 * version; the page starts afresh with the saved settings.
 */
export function FilingSettingsForm({
  settings,
  onSaved,
  reload,
}: {
  settings: Settings;
  onSaved: (version: number) => void;
  reload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const store = useStoreSettings();
  const schema = useFilingSettingsSchema();
  const form = useZodForm(schema, {
    defaultValues: {
      filingKleCode: settings.filingKleCode,
      filingKleFacet: settings.filingKleFacet,
      recordSystemName: settings.recordSystemName,
      filingIncludeCpr: settings.filingIncludeCpr,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: FilingValues) => updateSettings({ ...values, version: settings.version }),
    onSuccess: async (result) => {
      onSaved(result.version);
      await store(result);
    },
  });

  return (
    <section aria-labelledby="filing-settings-heading">
      <h3 id="filing-settings-heading">{t('filing.settings.heading')}</h3>
      <p>{t('filing.settings.intro')}</p>
      <MutationFailure mutations={mutation} onReload={reload} />
      <Form
        id="filing-settings"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('filing.settings.failedTitle')}
      >
        {TEXT_FIELDS.map(({ name, label, hint, widthClass }) => (
          <TextInput
            key={name}
            name={name}
            label={t(label)}
            hint={t(hint)}
            empty="null"
            widthClass={widthClass}
          />
        ))}
        <Checkbox
          name="filingIncludeCpr"
          legend={t('filing.settings.cprLegend')}
          label={t('filing.settings.cpr')}
          hint={t('filing.settings.cprHint')}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('filing.settings.saving') : t('filing.settings.save')}
        </button>
      </Form>
    </section>
  );
}
