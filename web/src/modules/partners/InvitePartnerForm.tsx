import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { InvitePartnerBody } from '../../../../server/modules/partners/schema.ts';
import { PARTNER_PARTS, type PartnerPart } from '../../../../shared/partners.ts';
import {
  CheckboxGroup,
  DateInput,
  Form,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { CASES_QUERY_KEY } from '../cases/casesApi';
import { usePartners } from '../sharing/partnersApi';
import { invitePartner, useInviteOptions, useStandingBases } from './partnerAccessApi';

/** The form holds the body without its id; the person is an existing partner user or a new one. */
const InviteValues = InvitePartnerBody.omit({
  id: true,
  partnerUserId: true,
  newPartner: true,
}).extend({
  who: z.enum(['existing', 'new']),
  partnerUserId: z.string(),
  newPartner: z.object({ name: z.string().trim().max(200), email: z.string().trim().max(254) }),
  consentId: z.string(),
});
type InviteValues = z.output<typeof InviteValues>;
type Who = InviteValues['who'];

const ACTIVE = { kind: '', status: 'active', q: '' };

/**
 * "Invitér samarbejdspartner": a named person of a partner organisation, the parts of the case
 * they may see (the goals and interventions chosen from the case's own), the basis (only those
 * that fit standing access for the organisation's kind), the purpose, the end date, and for a
 * consent basis the citizen's consent. The server checks the rest; its messages land on the fields.
 */
export function InvitePartnerForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const organisations = usePartners(ACTIVE);
  const options = useInviteOptions(caseId, true);
  const form = useZodForm(InviteValues, {
    defaultValues: {
      organisationId: '',
      who: 'existing' as Who,
      partnerUserId: '',
      newPartner: { name: '', email: '' },
      parts: ['overview'] as PartnerPart[],
      goalKeys: [],
      interventionIds: [],
      legalBasis: '',
      purpose: '',
      endsOn: '',
      consentId: '',
    },
  });
  const [organisationId, who, parts, legalBasis] = useWatch({
    control: form.control,
    name: ['organisationId', 'who', 'parts', 'legalBasis'],
  });
  const organisation = organisations.data?.items.find((o) => o.id === organisationId) ?? null;
  const bases = useStandingBases(organisation?.kind ?? null);
  const basis = bases.data?.items.find((b) => b.key === legalBasis);
  const people = (options.data?.partnerUsers ?? []).filter(
    (u) => u.organisationId === organisationId,
  );

  const mutation = useMutation({
    mutationFn: (values: InviteValues) =>
      invitePartner(caseId, {
        id: clientId,
        organisationId: values.organisationId,
        partnerUserId: values.who === 'existing' ? values.partnerUserId || null : null,
        newPartner: values.who === 'new' ? values.newPartner : null,
        parts: values.parts,
        goalKeys: values.parts.includes('planGoals') ? values.goalKeys : [],
        interventionIds: values.parts.includes('ownInterventions') ? values.interventionIds : [],
        legalBasis: values.legalBasis,
        purpose: values.purpose,
        endsOn: values.endsOn,
        consentId: basis?.requiresConsent ? values.consentId || null : null,
      }),
    onSuccess: async () => {
      setClientId(crypto.randomUUID());
      form.reset();
      onDone();
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  return (
    <Form
      id={`partner-invite-${caseId}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('partnerAccess.invite.failedTitle')}
    >
      <Select name="organisationId" label={t('partnerAccess.invite.organisation')}>
        <option value="">{t('partnerAccess.invite.chooseOrganisation')}</option>
        {(organisations.data?.items ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <RadioGroup<Who>
        name="who"
        label={t('partnerAccess.invite.who')}
        options={[
          { value: 'existing', label: t('partnerAccess.invite.existing') },
          { value: 'new', label: t('partnerAccess.invite.new') },
        ]}
      />
      {who === 'existing' ? (
        <Select name="partnerUserId" label={t('partnerAccess.invite.person')}>
          <option value="">{t('partnerAccess.invite.choosePerson')}</option>
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      ) : (
        <>
          <TextInput name="newPartner.name" label={t('partnerAccess.invite.newName')} />
          <TextInput
            name="newPartner.email"
            label={t('partnerAccess.invite.newEmail')}
            hint={t('partnerAccess.invite.newEmailHint')}
          />
        </>
      )}
      <CheckboxGroup<PartnerPart>
        name="parts"
        label={t('partnerAccess.invite.parts')}
        hint={t('partnerAccess.invite.partsHint')}
        options={PARTNER_PARTS.map((p) => ({
          value: p,
          label: t(`partnerAccess.parts.${p}`),
          hint: t(`partnerAccess.partHints.${p}`),
        }))}
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
      <Select
        name="legalBasis"
        label={t('partnerAccess.invite.basis')}
        hint={t('partnerAccess.invite.basisHint')}
      >
        <option value="">{t('partnerAccess.invite.chooseBasis')}</option>
        {(bases.data?.items ?? []).map((b) => (
          <option key={b.key} value={b.key}>
            {b.nameDa} ({b.law} {b.section})
          </option>
        ))}
      </Select>
      {basis?.requiresConsent && (
        <Select name="consentId" label={t('partnerAccess.invite.consent')}>
          <option value="">{t('partnerAccess.invite.chooseConsent')}</option>
          {(options.data?.consents ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.givenOn}: {c.purpose}
            </option>
          ))}
        </Select>
      )}
      <TextArea
        name="purpose"
        label={t('partnerAccess.invite.purpose')}
        maxLength={2000}
        rows={3}
      />
      <DateInput
        name="endsOn"
        label={t('partnerAccess.invite.endsOn')}
        hint={t('partnerAccess.invite.endsOnHint')}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('partnerAccess.invite.saving') : t('partnerAccess.invite.submit')}
      </button>
    </Form>
  );
}
