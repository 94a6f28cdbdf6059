import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  MEETING_CADENCES,
  MODEL_DEFAULTS,
  ORGANISATION_MODELS,
  type OrganisationModel,
} from '../../../../shared/organisation-model.ts';
import { OrganisationSettingsBody } from '../../../../server/modules/inquiries/schema-organisation.ts';
import { formatDateTime } from '../cases/format';
import { Checkbox, Form, MutationFailure, RadioGroup, Select, useZodForm } from '../../ui/form';
import { NumberInput } from '../../ui/form/NumberInput';
import { chooseModel, updateSettings, useStoreSettings, type Settings } from './adminApi';

/** The settings page's own form leaves these to this section (SettingsPage.tsx omits them). */
export const ORGANISATION_FIELDS = {
  assessmentInForum: true,
  policeParticipation: true,
  reReviewAtMeetings: true,
  meetingCadence: true,
  onHoldAgendaWeeks: true,
} as const;

const ModelChoice = z.object({ model: z.enum(['1', '2', '3']) });
type Adjustable = z.output<typeof OrganisationSettingsBody>;

/** Help collapsed beside a field (dkfds details), in plain Danish. */
export function Help({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <details className="details">
      <summary className="details-summary">{t('admin.organisation.helpSummary')}</summary>
      <div className="details-text">
        <p>{text}</p>
      </div>
    </details>
  );
}

interface Props {
  settings: Settings;
  onSaved: (version: number) => void;
  reload: () => Promise<unknown>;
}

/**
 * "Organisationsmodel" on the municipality's settings page (issue 14 part 1): the three models of
 * the national mapping (2018) explained, choosing one (its defaults replace the settings it
 * decides, in one change), the model's further settings, each adjustable and marked where it
 * differs from the model, and who changed the settings last.
 */
export function OrganisationModelSection({ settings, onSaved, reload }: Props) {
  const { t } = useTranslation();
  const store = useStoreSettings();
  const saved = async (result: Settings) => {
    onSaved(result.version);
    await store(result);
  };
  const choice = useZodForm(ModelChoice, {
    defaultValues: { model: String(settings.organisationModel) as '1' | '2' | '3' },
  });
  const choose = useMutation({
    mutationFn: ({ model }: z.output<typeof ModelChoice>) =>
      chooseModel({ model: Number(model) as OrganisationModel, version: settings.version }),
    onSuccess: saved,
  });
  const adjust = useZodForm(OrganisationSettingsBody, {
    defaultValues: {
      assessmentInForum: settings.assessmentInForum,
      policeParticipation: settings.policeParticipation,
      reReviewAtMeetings: settings.reReviewAtMeetings,
      meetingCadence: settings.meetingCadence,
      onHoldAgendaWeeks: settings.onHoldAgendaWeeks,
    },
  });
  const change = useMutation({
    mutationFn: (values: Adjustable) => updateSettings({ ...values, version: settings.version }),
    onSuccess: saved,
  });
  const defaults = MODEL_DEFAULTS[settings.organisationModel];
  const differs = (field: keyof typeof defaults) =>
    settings[field] !== defaults[field]
      ? ` ${t('admin.organisation.differs', { model: settings.organisationModel })}`
      : '';

  return (
    <section aria-labelledby="organisation-model-heading">
      <h3 id="organisation-model-heading">{t('admin.organisation.heading')}</h3>
      <p>{t('admin.organisation.intro')}</p>
      <p>
        {settings.lastChangedAt && settings.lastChangedBy
          ? t('admin.organisation.lastChanged', {
              name: settings.lastChangedBy,
              at: formatDateTime(settings.lastChangedAt),
            })
          : t('admin.organisation.neverChanged')}
      </p>
      <MutationFailure mutations={[choose, change]} onReload={reload} />
      <Form
        id="organisation-model"
        form={choice}
        onSubmit={(values) => choose.mutateAsync(values)}
        error={choose.error}
        errorTitle={t('admin.organisation.failedTitle')}
      >
        <RadioGroup
          name="model"
          label={t('admin.organisation.model')}
          hint={t('admin.organisation.modelHint', { model: settings.organisationModel })}
          options={ORGANISATION_MODELS.map((m) => ({
            value: String(m) as '1' | '2' | '3',
            label: t(`admin.organisation.models.${m}.name`),
            hint: t(`admin.organisation.models.${m}.description`),
          }))}
        />
        <Help text={t('admin.organisation.modelHelp')} />
        <button type="submit" className="button button-primary" disabled={choose.isPending}>
          {choose.isPending ? t('admin.common.saving') : t('admin.organisation.choose')}
        </button>
      </Form>

      <Form
        id="organisation-settings"
        form={adjust}
        onSubmit={(values) => change.mutateAsync(values)}
        error={change.error}
        errorTitle={t('admin.organisation.failedTitle')}
      >
        <Checkbox
          name="assessmentInForum"
          legend={`${t('admin.organisation.assessmentInForumLegend')}${differs('assessmentInForum')}`}
          label={t('admin.organisation.assessmentInForum')}
        />
        <Help text={t('admin.organisation.assessmentInForumHelp')} />
        <RadioGroup
          name="policeParticipation"
          label={`${t('admin.organisation.policeParticipation')}${differs('policeParticipation')}`}
          options={[
            { value: 'always', label: t('admin.organisation.policeAlways') },
            { value: 'serious', label: t('admin.organisation.policeSerious') },
          ]}
        />
        <Help text={t('admin.organisation.policeParticipationHelp')} />
        <Checkbox
          name="reReviewAtMeetings"
          legend={`${t('admin.organisation.reReviewLegend')}${differs('reReviewAtMeetings')}`}
          label={t('admin.organisation.reReview')}
        />
        <Help text={t('admin.organisation.reReviewHelp')} />
        <Select
          name="meetingCadence"
          label={`${t('admin.organisation.meetingCadence')}${differs('meetingCadence')}`}
        >
          {MEETING_CADENCES.map((c) => (
            <option key={c} value={c}>
              {t(`forums.cadences.${c}`)}
            </option>
          ))}
        </Select>
        <Help text={t('admin.organisation.meetingCadenceHelp')} />
        <NumberInput
          name="onHoldAgendaWeeks"
          label={t('admin.organisation.onHoldAgendaWeeks')}
          hint={t('admin.organisation.onHoldAgendaWeeksHint')}
          required
        />
        <button type="submit" className="button button-secondary" disabled={change.isPending}>
          {/* Its own words: the page's other forms say "Gem ændringer". */}
          {change.isPending ? t('admin.common.saving') : t('admin.organisation.save')}
        </button>
      </Form>
    </section>
  );
}
