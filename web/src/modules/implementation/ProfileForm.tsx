import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxGroup,
  Form,
  MutationFailure,
  RadioGroup,
  Select,
  SuccessMessage,
  TextArea,
  useZodForm,
} from '../../ui/form';
import {
  IMPLEMENTATION_KEY,
  PROFILE_ACTORS,
  PROFILE_ANCHORING,
  PROFILE_GROUPS,
  PROFILE_STRATEGY,
  PROFILE_WORKFLOWS,
  ProfileAnswersSchema,
  saveProfile,
  type ProfileAnswers,
  type ProfileVersion,
} from './implementationApi';

const EMPTY: ProfileAnswers = {
  strategy: 'none',
  strategyNote: null,
  workflows: 'none',
  workflowsNote: null,
  anchoredIn: 'ssp',
  anchoredNote: null,
  actors: [],
  groups: [],
  adHocActors: null,
  notes: null,
};

/** Saves a new version of the self-profile on top of the latest (the one form layer). */
export function ProfileForm({ latest }: { latest: ProfileVersion | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useZodForm(ProfileAnswersSchema, { defaultValues: latest?.answers ?? EMPTY });
  const mutation = useMutation({
    mutationFn: (answers: ProfileAnswers) => saveProfile({ basedOn: latest?.number ?? 0, answers }),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: IMPLEMENTATION_KEY });
    },
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: IMPLEMENTATION_KEY });
  const q = (key: keyof ProfileAnswers) => t(`implementation.profile.questions.${key}`);
  const note = (name: keyof ProfileAnswers) => (
    <TextArea name={name} label={q(name)} empty="null" maxLength={1000} rows={2} />
  );
  return (
    <section aria-labelledby="implementation-profile-form">
      <h2 id="implementation-profile-form">{t('implementation.profile.formHeading')}</h2>
      {saved && <SuccessMessage>{t('implementation.profile.saved')}</SuccessMessage>}
      <MutationFailure mutations={mutation} onReload={reload} />
      <Form
        id="implementation-profile"
        form={form}
        onSubmit={(values) => {
          setSaved(false);
          return mutation.mutateAsync(values);
        }}
        error={mutation.error}
        errorTitle={t('implementation.profile.failed')}
      >
        <RadioGroup
          name="strategy"
          label={q('strategy')}
          options={PROFILE_STRATEGY.map((value) => ({
            value,
            label: t(`implementation.profile.values.strategy.${value}`),
          }))}
        />
        {note('strategyNote')}
        <RadioGroup
          name="workflows"
          label={q('workflows')}
          options={PROFILE_WORKFLOWS.map((value) => ({
            value,
            label: t(`implementation.profile.values.workflows.${value}`),
          }))}
        />
        {note('workflowsNote')}
        <Select name="anchoredIn" label={q('anchoredIn')}>
          {PROFILE_ANCHORING.map((value) => (
            <option key={value} value={value}>
              {t(`implementation.profile.values.anchoredIn.${value}`)}
            </option>
          ))}
        </Select>
        {note('anchoredNote')}
        <CheckboxGroup
          name="actors"
          label={q('actors')}
          options={PROFILE_ACTORS.map((value) => ({
            value,
            label: t(`implementation.profile.values.actors.${value}`),
          }))}
        />
        <CheckboxGroup
          name="groups"
          label={q('groups')}
          options={PROFILE_GROUPS.map((value) => ({
            value,
            label: t(`implementation.profile.values.groups.${value}`),
          }))}
        />
        {note('adHocActors')}
        {note('notes')}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('implementation.profile.submit')}
        </button>
      </Form>
    </section>
  );
}
