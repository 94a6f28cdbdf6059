import { isStale } from '../../app/api';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import { CheckboxField } from './AdminFields';
import { RadioGroup, SuccessMessage } from '../../ui/fields';
import {
  updateSettings,
  useMunicipalitySettings,
  useStoreSettings,
  type Settings,
  type SettingsChange,
} from './adminApi';
import { StaleNotice } from '../../ui/StaleNotice';

const SERIOUSNESS = ['high', 'medium', 'low'] as const;
type Seriousness = (typeof SERIOUSNESS)[number];
type TriageBy = Settings['triageBy'];
type PlanApproval = Settings['planApproval'];

/** The form's values; the numbers as typed, so a half-typed number is kept as it is. */
interface SettingsForm {
  deadlineHours: Record<Seriousness, string>;
  triageBy: TriageBy;
  fourEyes: boolean;
  noConcernRetentionDays: string;
  reminderHours: string;
  planApproval: PlanApproval;
}

function formOf(settings: Settings): SettingsForm {
  return {
    deadlineHours: {
      high: String(settings.deadlineHours.high),
      medium: String(settings.deadlineHours.medium),
      low: String(settings.deadlineHours.low),
    },
    triageBy: settings.triageBy,
    fourEyes: settings.fourEyes,
    noConcernRetentionDays: String(settings.noConcernRetentionDays),
    reminderHours: String(settings.reminderHours),
    planApproval: settings.planApproval,
  };
}

/** The error summary's entries, by the server's field names. */
function settingsFormFields(t: TFunction): FormField[] {
  return [
    ...SERIOUSNESS.map((s) => ({
      name: `body.deadlineHours.${s}`,
      id: `settings-deadline-${s}`,
      label: t(`admin.settings.deadline.${s}`),
    })),
    { name: 'body.triageBy', id: 'settings-triage-by', label: t('admin.settings.triageBy') },
    { name: 'body.fourEyes', id: 'settings-four-eyes', label: t('admin.settings.fourEyes') },
    {
      name: 'body.noConcernRetentionDays',
      id: 'settings-retention',
      label: t('admin.settings.retention'),
    },
    { name: 'body.reminderHours', id: 'settings-reminder', label: t('admin.settings.reminder') },
    {
      name: 'body.planApproval',
      id: 'settings-plan-approval',
      label: t('admin.settings.planApproval'),
    },
  ];
}

/**
 * A number as typed. Anything but a whole number becomes NaN, which is sent as null: the server
 * refuses it by field, like a number out of bounds, so all problems are named in one answer.
 */
function whole(text: string): number {
  const value = text.trim();
  return /^[0-9]{1,9}$/.test(value) ? Number(value) : NaN;
}

/** The change to send: only what differs from the stored settings (the audit names the fields). */
function changeOf(stored: Settings, form: SettingsForm): SettingsChange {
  const deadlineHours = {
    high: whole(form.deadlineHours.high),
    medium: whole(form.deadlineHours.medium),
    low: whole(form.deadlineHours.low),
  };
  const noConcernRetentionDays = whole(form.noConcernRetentionDays);
  const reminderHours = whole(form.reminderHours);
  const change: SettingsChange = { version: stored.version };
  if (SERIOUSNESS.some((s) => deadlineHours[s] !== stored.deadlineHours[s])) {
    change.deadlineHours = deadlineHours;
  }
  if (form.triageBy !== stored.triageBy) change.triageBy = form.triageBy;
  if (form.fourEyes !== stored.fourEyes) change.fourEyes = form.fourEyes;
  if (noConcernRetentionDays !== stored.noConcernRetentionDays) {
    change.noConcernRetentionDays = noConcernRetentionDays;
  }
  if (reminderHours !== stored.reminderHours) change.reminderHours = reminderHours;
  if (form.planApproval !== stored.planApproval) change.planApproval = form.planApproval;
  return change;
}

/**
 * The server says a value that is not a number has the wrong type; here it is a number field
 * left empty or with something else in it, so the message says what to write instead.
 */
function withOwnMessages(error: unknown, t: TFunction): unknown {
  if (!(error instanceof ApiError) || !error.fields.some((f) => f.code === 'invalid_type')) {
    return error;
  }
  const fields = error.fields.map((field) =>
    field.code === 'invalid_type' ? { ...field, message: t('admin.settings.wholeNumber') } : field,
  );
  return new ApiError(
    error.status,
    {
      error: {
        code: error.code,
        message: error.serverMessage ?? '',
        requestId: error.requestId ?? '',
        fields,
        meta: error.meta,
      },
    },
    { cause: error },
  );
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
      {settings.isPending ? (
        <Loading label={t('admin.settings.loading')} />
      ) : settings.isError ? (
        <ErrorAlert
          title={t('admin.settings.loadError')}
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        // A new version (after saving or reloading) starts the form from the stored values.
        <SettingsFormView
          key={settings.data.version}
          settings={settings.data}
          saved={savedVersion === settings.data.version}
          onSaved={setSavedVersion}
          reload={() => void settings.refetch()}
        />
      )}
    </section>
  );
}

interface SettingsFormViewProps {
  settings: Settings;
  saved: boolean;
  onSaved: (version: number) => void;
  reload: () => void;
}

function SettingsFormView({ settings, saved, onSaved, reload }: SettingsFormViewProps) {
  const { t } = useTranslation();
  const store = useStoreSettings();
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings));
  const mutation = useMutation({
    mutationFn: async () => {
      try {
        return await updateSettings(changeOf(settings, form));
      } catch (error) {
        throw withOwnMessages(error, t);
      }
    },
    onSuccess: async (result) => {
      onSaved(result.version);
      await store(result);
    },
  });
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  };
  const setDeadline = (seriousness: Seriousness, value: string) =>
    setForm({ ...form, deadlineHours: { ...form.deadlineHours, [seriousness]: value } });

  return (
    <>
      {saved && !mutation.error && <SuccessMessage>{t('admin.settings.saved')}</SuccessMessage>}
      {isStale(mutation.error) ? (
        <StaleNotice onReload={reload} />
      ) : (
        <FormError
          error={mutation.error}
          fields={settingsFormFields(t)}
          title={t('admin.settings.failedTitle')}
        />
      )}
      <form noValidate onSubmit={submit}>
        <div className="form-group">
          <fieldset aria-describedby="settings-deadline-hint">
            <legend className="form-label">{t('admin.settings.deadline.legend')}</legend>
            <span className="form-hint" id="settings-deadline-hint">
              {t('admin.settings.deadline.hint')}
            </span>
            {SERIOUSNESS.map((s) => (
              <TextField
                key={s}
                id={`settings-deadline-${s}`}
                label={t(`admin.settings.deadline.${s}`)}
                error={errors[`body.deadlineHours.${s}`]}
                widthClass="input-char-4"
                inputMode="numeric"
                autoComplete="off"
                required
                value={form.deadlineHours[s]}
                onChange={(e) => setDeadline(s, e.target.value)}
              />
            ))}
          </fieldset>
        </div>
        <RadioGroup<TriageBy>
          id="settings-triage-by"
          legend={t('admin.settings.triageBy')}
          hint={t('admin.settings.triageByHint')}
          error={errors['body.triageBy']}
          options={[
            { value: 'coordinator', label: t('admin.settings.triageByCoordinator') },
            { value: 'forum', label: t('admin.settings.triageByForum') },
          ]}
          value={form.triageBy}
          onChange={(triageBy) => setForm({ ...form, triageBy })}
        />
        <CheckboxField
          id="settings-four-eyes"
          legend={t('admin.settings.fourEyesLegend')}
          label={t('admin.settings.fourEyes')}
          hint={t('admin.settings.fourEyesHint')}
          error={errors['body.fourEyes']}
          checked={form.fourEyes}
          onChange={(e) => setForm({ ...form, fourEyes: e.target.checked })}
        />
        <TextField
          id="settings-retention"
          label={t('admin.settings.retention')}
          hint={t('admin.settings.retentionHint')}
          error={errors['body.noConcernRetentionDays']}
          widthClass="input-char-4"
          inputMode="numeric"
          autoComplete="off"
          required
          value={form.noConcernRetentionDays}
          onChange={(e) => setForm({ ...form, noConcernRetentionDays: e.target.value })}
        />
        <TextField
          id="settings-reminder"
          label={t('admin.settings.reminder')}
          hint={t('admin.settings.reminderHint')}
          error={errors['body.reminderHours']}
          widthClass="input-char-4"
          inputMode="numeric"
          autoComplete="off"
          required
          value={form.reminderHours}
          onChange={(e) => setForm({ ...form, reminderHours: e.target.value })}
        />
        <RadioGroup<PlanApproval>
          id="settings-plan-approval"
          legend={t('admin.settings.planApproval')}
          hint={t('admin.settings.planApprovalHint')}
          error={errors['body.planApproval']}
          options={[
            { value: 'coordinator', label: t('admin.settings.planApprovalCoordinator') },
            { value: 'steering_group', label: t('admin.settings.planApprovalSteeringGroup') },
          ]}
          value={form.planApproval}
          onChange={(planApproval) => setForm({ ...form, planApproval })}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('admin.common.saving') : t('admin.common.save')}
        </button>
      </form>
    </>
  );
}
