import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ChangePartnerAccessBody } from '../../../../server/modules/partners/schema.ts';
import { PARTNER_PARTS, type PartnerPart } from '../../../../shared/partners.ts';
import { CheckboxGroup, DateInput, Form, TextArea, useZodForm } from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { changePartnerAccess, useInviteOptions, type PartnerAccess } from './partnerAccessApi';

const ChangeValues = ChangePartnerAccessBody.omit({ version: true });
type ChangeValues = z.output<typeof ChangeValues>;

/** Change a partner's parts and end date, with a reason (the version read is sent along). */
export function ChangeAccessForm({
  caseId,
  access,
  onDone,
}: {
  caseId: string;
  access: PartnerAccess;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useInviteOptions(caseId, true);
  const form = useZodForm(ChangeValues, {
    defaultValues: {
      parts: access.parts,
      goalKeys: access.goalKeys,
      interventionIds: access.interventionIds,
      endsOn: access.endsOn,
      reason: '',
    },
  });
  const parts = useWatch({ control: form.control, name: 'parts' }) as PartnerPart[];
  const mutation = useMutation({
    mutationFn: (values: ChangeValues) =>
      changePartnerAccess(caseId, access.id, {
        ...values,
        version: access.version,
        goalKeys: parts.includes('planGoals') ? values.goalKeys : [],
        interventionIds: parts.includes('ownInterventions') ? values.interventionIds : [],
      }),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });
  return (
    <Form
      id={`partner-change-${access.id}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('partnerAccess.change.failedTitle')}
    >
      <CheckboxGroup<PartnerPart>
        name="parts"
        label={t('partnerAccess.invite.parts')}
        options={PARTNER_PARTS.map((p) => ({ value: p, label: t(`partnerAccess.parts.${p}`) }))}
      />
      {parts.includes('planGoals') && (
        <CheckboxGroup
          name="goalKeys"
          label={t('partnerAccess.invite.goals')}
          options={(options.data?.goals ?? []).map((g) => ({ value: g.key, label: g.text }))}
        />
      )}
      {parts.includes('ownInterventions') && (
        <CheckboxGroup
          name="interventionIds"
          label={t('partnerAccess.invite.interventions')}
          options={(options.data?.interventions ?? []).map((i) => ({
            value: i.id,
            label: i.name ?? t('partnerAccess.invite.interventionNeutral'),
          }))}
        />
      )}
      <DateInput name="endsOn" label={t('partnerAccess.invite.endsOn')} />
      <TextArea name="reason" label={t('partnerAccess.change.reason')} maxLength={2000} rows={3} />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('partnerAccess.change.submit')}
      </button>
    </Form>
  );
}
