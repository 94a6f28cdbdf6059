import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Form, RadioGroup, Select, TextArea, TextInput, useZodForm } from '../../ui/form';
import {
  addContribution,
  CONTRIBUTION_CATEGORIES,
  CONTRIBUTION_STANCES,
  CreateContributionBody,
  PERSON_CATEGORIES,
  roundsKey,
  SIGN_CATEGORIES,
  signsOf,
  type ContributionCategory,
  type RoundDetail,
} from './roundsApi';

const ContributionFields = CreateContributionBody.omit({ id: true });
const isSign = (c: string) => (SIGN_CATEGORIES as readonly string[]).includes(c);
const isPerson = (c: string) => (PERSON_CATEGORIES as readonly string[]).includes(c);

/**
 * A contribution to an open round, with the fields its category needs: the sign's list with the
 * model's caution for area and group signs, how to reach a resource person or positive connector
 * (by role, never a CPR number — the server refuses one on the field, nothing stored).
 */
export function ContributionForm({
  areaId,
  roundId,
  parts,
}: {
  areaId: string;
  roundId: string;
  parts: RoundDetail['parts'];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(ContributionFields, {
    defaultValues: {
      partId: null,
      stance: 'challenge',
      category: 'place',
      sign: null,
      label: '',
      description: null,
      howToReach: null,
    },
  });
  const category = form.watch('category') as ContributionCategory;
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof ContributionFields.parse>) =>
      addContribution(areaId, roundId, { id: crypto.randomUUID(), ...body }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: roundsKey(areaId) });
    },
  });
  return (
    <section aria-labelledby="contribution-heading">
      <h3 id="contribution-heading">{t('areaRounds.form.heading')}</h3>
      <Form
        id="contribution"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('areaRounds.form.failed')}
      >
        <Select name="partId" label={t('areaRounds.form.level')} empty="null">
          <option value="">{t('areaRounds.level.area')}</option>
          {parts.map((p) => (
            <option key={p.id} value={p.id}>
              {`${t(`areaRounds.level.${p.level}`)}: ${p.name}`}
            </option>
          ))}
        </Select>
        <RadioGroup
          name="stance"
          label={t('areaRounds.form.stance')}
          options={CONTRIBUTION_STANCES.map((s) => ({
            value: s,
            label: t(`areaRounds.stance.${s}`),
          }))}
        />
        <Select name="category" label={t('areaRounds.form.category')}>
          {CONTRIBUTION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`areaRounds.category.${c}`)}
            </option>
          ))}
        </Select>
        {isSign(category) && (
          <>
            <div className="alert alert-info" role="note">
              <div className="alert-body">
                <p className="alert-text">{t('areaRounds.form.signCaution')}</p>
              </div>
            </div>
            <Select name="sign" label={t('areaRounds.form.sign')} empty="null">
              <option value="">{t('areaRounds.form.chooseSign')}</option>
              {signsOf(category).map((s) => (
                <option key={s} value={s}>
                  {t(`areaRounds.sign.${s}`)}
                </option>
              ))}
            </Select>
          </>
        )}
        <TextInput
          name="label"
          label={t('areaRounds.form.label')}
          hint={t(isPerson(category) ? 'areaRounds.form.personHint' : 'areaRounds.form.labelHint')}
          widthClass="input-width-xl"
        />
        <TextArea
          name="description"
          label={t('areaRounds.form.description')}
          empty="null"
          rows={3}
        />
        {isPerson(category) && (
          <TextInput
            name="howToReach"
            label={t('areaRounds.form.howToReach')}
            hint={t('areaRounds.form.howToReachHint')}
            empty="null"
            widthClass="input-width-xl"
          />
        )}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('areaRounds.form.submit')}
        </button>
      </Form>
    </section>
  );
}
