import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SeriousnessSchema } from '../../../../shared/values.ts';
import { UpdateSettingsBody } from '../../../../server/modules/inquiries/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { FILING_SETTINGS, FilingSettingsForm } from '../filing/FilingSettingsForm';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { Checkbox, Form, FormGroup, MutationFailure, RadioGroup, useZodForm } from '../../ui/form';
import { NumberInput } from '../../ui/form/NumberInput';
import { ProvisionsSection } from './ProvisionsSection';
import { LegalBasesSection } from '../sharing/LegalBasesSection';
import { RetentionSection } from '../retention/RetentionSection';
import {
  updateSettings,
  useMunicipalitySettings,
  useStoreSettings,
  type Settings,
  type SettingsChange,
} from './adminApi';
import { LogoSettings } from './LogoSettings';
import { Help, ORGANISATION_FIELDS, OrganisationModelSection } from './OrganisationModelSection';

const SERIOUSNESS = SeriousnessSchema.options;

/** The form holds every setting; only what differs from the stored ones is sent. */
const SettingsValues = UpdateSettingsBody.omit({
  version: true,
  ...FILING_SETTINGS,
  ...ORGANISATION_FIELDS,
}).required();
type SettingsValues = z.output<typeof SettingsValues>;

function valuesOf(settings: Settings): SettingsValues {
  const { deadlineHours, triageBy, fourEyes, noConcernRetentionDays, reminderHours } = settings;
  return {
    deadlineHours: { ...deadlineHours },
    triageBy,
    fourEyes,
    noConcernRetentionDays,
    reminderHours,
    planApproval: settings.planApproval,
    caseStartDays: settings.caseStartDays,
    closureFourEyes: settings.closureFourEyes,
  };
}

/** The change to send: only what differs from the stored settings (the audit names the fields). */
function changeOf(stored: Settings, values: SettingsValues): SettingsChange {
  const change: SettingsChange = { version: stored.version };
  const { deadlineHours } = values;
  if (SERIOUSNESS.some((s) => deadlineHours[s] !== stored.deadlineHours[s])) {
    change.deadlineHours = deadlineHours;
  }
  if (values.triageBy !== stored.triageBy) change.triageBy = values.triageBy;
  if (values.fourEyes !== stored.fourEyes) change.fourEyes = values.fourEyes;
  if (values.noConcernRetentionDays !== stored.noConcernRetentionDays) {
    change.noConcernRetentionDays = values.noConcernRetentionDays;
  }
  if (values.reminderHours !== stored.reminderHours) change.reminderHours = values.reminderHours;
  if (values.planApproval !== stored.planApproval) change.planApproval = values.planApproval;
  if (values.caseStartDays !== stored.caseStartDays) change.caseStartDays = values.caseStartDays;
  if (values.closureFourEyes !== stored.closureFourEyes) {
    change.closureFourEyes = values.closureFourEyes;
  }
  return change;
}

/** "Indstillinger": the municipality's rules for inquiries, for the municipal administrator. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.settings.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const settings = useMunicipalitySettings();
  // Kept here: saving changes the version, which starts the form afresh.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.settings.title')}</h2>
      <p>{t('admin.settings.intro')}</p>
      <QueryState
        query={settings}
        loading={t('admin.settings.loading')}
        loadError={t('admin.settings.loadError')}
      >
        {(stored) => (
          // A new version (after saving or reloading) starts the form from the stored values.
          <SettingsFormView
            key={stored.version}
            settings={stored}
            saved={savedVersion === stored.version}
            onSaved={setSavedVersion}
            reload={() => settings.refetch()}
          />
        )}
      </QueryState>
      <LogoSettings />
      <ProvisionsSection />
      <LegalBasesSection />
      <RetentionSection />
    </section>
  );
}

interface SettingsFormViewProps {
  settings: Settings;
  saved: boolean;
  onSaved: (version: number) => void;
  reload: () => Promise<unknown>;
}

function SettingsFormView({ settings, saved, onSaved, reload }: SettingsFormViewProps) {
  const { t } = useTranslation();
  const store = useStoreSettings();
  const form = useZodForm(SettingsValues, { defaultValues: valuesOf(settings) });
  const mutation = useMutation({
    mutationFn: (values: SettingsValues) => updateSettings(changeOf(settings, values)),
    onSuccess: async (result) => {
      onSaved(result.version);
      await store(result);
    },
  });

  return (
    <>
      {saved && !mutation.error && <SuccessMessage>{t('admin.settings.saved')}</SuccessMessage>}
      <OrganisationModelSection settings={settings} onSaved={onSaved} reload={reload} />
      <h3>{t('admin.organisation.rulesHeading')}</h3>
      <MutationFailure mutations={mutation} onReload={reload} />
      <Form
        id="settings"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('admin.settings.failedTitle')}
      >
        <FormGroup
          id="settings-deadline"
          label={t('admin.settings.deadline.legend')}
          hint={t('admin.settings.deadline.hint')}
          error={undefined}
          fieldset
        >
          {SERIOUSNESS.map((s) => (
            <NumberInput
              key={s}
              name={`deadlineHours.${s}`}
              label={t(`admin.settings.deadline.${s}`)}
              required
            />
          ))}
        </FormGroup>
        <RadioGroup
          name="triageBy"
          label={t('admin.settings.triageBy')}
          hint={t('admin.settings.triageByHint')}
          options={[
            { value: 'coordinator', label: t('admin.settings.triageByCoordinator') },
            { value: 'forum', label: t('admin.settings.triageByForum') },
          ]}
        />
        <Help text={t('admin.organisation.triageByHelp')} />
        <Checkbox
          name="fourEyes"
          legend={t('admin.settings.fourEyesLegend')}
          label={t('admin.settings.fourEyes')}
          hint={t('admin.settings.fourEyesHint')}
        />
        <Help text={t('admin.organisation.fourEyesHelp')} />
        <Checkbox
          name="closureFourEyes"
          legend={t('admin.settings.closureFourEyesLegend')}
          label={t('admin.settings.closureFourEyes')}
          hint={t('admin.settings.closureFourEyesHint')}
        />
        <NumberInput
          name="noConcernRetentionDays"
          label={t('admin.settings.retention')}
          hint={t('admin.settings.retentionHint')}
          required
        />
        <NumberInput
          name="reminderHours"
          label={t('admin.settings.reminder')}
          hint={t('admin.settings.reminderHint')}
          required
        />
        <RadioGroup
          name="planApproval"
          label={t('admin.settings.planApproval')}
          hint={t('admin.settings.planApprovalHint')}
          options={[
            { value: 'coordinator', label: t('admin.settings.planApprovalCoordinator') },
            { value: 'steering_group', label: t('admin.settings.planApprovalSteeringGroup') },
          ]}
        />
        <Help text={t('admin.organisation.planApprovalHelp')} />
        <NumberInput
          name="caseStartDays"
          label={t('admin.settings.caseStartDays')}
          hint={t('admin.settings.caseStartDaysHint')}
          required
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('admin.common.saving') : t('admin.common.save')}
        </button>
      </Form>
      <FilingSettingsForm settings={settings} onSaved={onSaved} reload={reload} />
    </>
  );
}
