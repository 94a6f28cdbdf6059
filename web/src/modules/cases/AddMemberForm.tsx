import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CaseRoleSchema, CaseScopeSchema } from '../../../../shared/values.ts';
import { Form, RadioGroup, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { QueryState } from '../../ui/QueryState';
import { addCaseMember, useMemberCandidates, type MemberCandidate } from './casePeopleApi';
import type { toAddMemberBody } from './casePeopleForms';
import { AddMemberFormSchema, emptyAddMember } from './casePeopleForms';
import { CaseFormButtons, type CaseAddFormProps } from './CaseAddToggle';
import { useRefreshCase, type CaseDetail } from './casesApi';

/**
 * "Tilføj medlem": a colleague of the municipality (or its police district) who is not on the
 * case yet, their role in the case and what they see of it. The server decides whether the
 * colleague's user role fits the case role.
 */
export function AddMemberForm({ detail, onDone, onCancel }: CaseAddFormProps) {
  const { t } = useTranslation();
  const candidates = useMemberCandidates(detail.id, true);
  return (
    <QueryState
      query={candidates}
      loading={t('cases.members.candidatesLoading')}
      loadError={t('cases.members.candidatesError')}
    >
      {(list) => (
        <MemberFields detail={detail} candidates={list.items} onDone={onDone} onCancel={onCancel} />
      )}
    </QueryState>
  );
}

/** The form itself, once the colleagues are known. */
export function MemberFields({
  detail,
  candidates,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  candidates: MemberCandidate[];
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(AddMemberFormSchema, { defaultValues: emptyAddMember() });
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof toAddMemberBody>) => addCaseMember(detail.id, body),
    onSuccess: async (_, body) => {
      await refresh();
      onDone(candidates.find((c) => c.id === body.userId)?.displayName ?? '');
    },
  });
  const colleague = (c: MemberCandidate) =>
    `${c.displayName} (${c.units.length > 0 ? c.units.join(', ') : t('cases.members.noUnit')})`;

  return (
    <Form
      id={`case-member-add-${detail.id}`}
      className="case-member-form"
      form={form}
      onSubmit={(body) => mutation.mutateAsync(body)}
      error={mutation.error}
      errorTitle={t('cases.members.addFailed')}
    >
      <OptionSelect
        name="userId"
        label={t('cases.members.colleague')}
        hint={candidates.length === 0 ? t('cases.members.noCandidates') : undefined}
        none={t('cases.members.chooseColleague')}
        options={candidates.map((c) => ({ value: c.id, label: colleague(c) }))}
      />
      <OptionSelect
        name="role"
        label={t('cases.members.role')}
        none={t('cases.members.chooseRole')}
        options={CaseRoleSchema.options.map((role) => ({
          value: role,
          label: t(`cases.roles.${role}`),
        }))}
      />
      <RadioGroup
        name="scope"
        label={t('cases.members.scope')}
        hint={t('cases.members.scopeHint')}
        options={CaseScopeSchema.options.map((scope) => ({
          value: scope,
          label: t(`cases.scopes.${scope}`),
        }))}
      />
      <CaseFormButtons
        save={t('cases.members.save')}
        pending={mutation.isPending}
        cancel={t('cases.persons.cancel')}
        onCancel={onCancel}
      />
    </Form>
  );
}
