import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OverviewItemBody } from '../../../../server/modules/area-rounds/schema.ts';
import { Checkbox, Form, MutationFailure, TextArea, TextInput, useZodForm } from '../../ui/form';
import { levelName } from './ContributionGroups';
import { roundsKey, systematise, type OverviewItem, type RoundDetail } from './roundsApi';

const SystematiseFields = z.object({
  items: z.array(OverviewItemBody.extend({ include: z.boolean() })),
});

/**
 * Systematising a closed round (or correcting its overview): the items merged from the
 * contributions, each with its wording editable and a box to leave it out. Saved as the round's
 * overview; the next round is then due by the cadence.
 */
export function SystematiseForm({
  areaId,
  roundId,
  items,
  version,
  update,
  parts,
  onReload,
}: {
  areaId: string;
  roundId: string;
  items: OverviewItem[];
  version: number;
  update: boolean;
  parts: RoundDetail['parts'];
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(SystematiseFields, {
    defaultValues: { items: items.map((i) => ({ ...i, include: true })) },
  });
  const mutation = useMutation({
    mutationFn: (values: z.output<typeof SystematiseFields>) =>
      systematise(
        areaId,
        roundId,
        {
          version,
          items: values.items.filter((i) => i.include).map(({ include: _, ...item }) => item),
        },
        update,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundsKey(areaId) }),
  });
  return (
    <section aria-labelledby="systematise-heading">
      <h3 id="systematise-heading">
        {t(update ? 'areaRounds.overview.editHeading' : 'areaRounds.overview.systematiseHeading')}
      </h3>
      <p>{t('areaRounds.overview.systematiseIntro')}</p>
      <MutationFailure mutations={mutation} onReload={onReload} />
      <Form
        id="systematise"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('areaRounds.overview.failed')}
      >
        {items.length === 0 && <p>{t('areaRounds.overview.noItems')}</p>}
        {items.map((item, i) => (
          <fieldset key={item.key} className="area-overview-item">
            <legend>
              {`${levelName(item.partId, parts, t('areaRounds.level.area'))} · ${t(`areaRounds.category.${item.category}`)} · ${t(`areaRounds.stance.${item.stance}`)}`}
            </legend>
            <Checkbox name={`items.${i}.include`} label={t('areaRounds.overview.include')} />
            <TextInput
              name={`items.${i}.label`}
              label={t('areaRounds.form.label')}
              widthClass="input-width-xl"
            />
            <TextArea
              name={`items.${i}.description`}
              label={t('areaRounds.form.description')}
              empty="null"
              rows={2}
            />
          </fieldset>
        ))}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t(update ? 'areaRounds.overview.save' : 'areaRounds.overview.submit')}
        </button>
      </Form>
    </section>
  );
}
