import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusAfterSave, MutationFailure } from '../../ui/form';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { AddMemberForm } from './AddMemberForm';
import { CaseAddToggle } from './CaseAddToggle';
import { CaseMembersTable } from './CasePeople';
import { removeCaseMember } from './casePeopleApi';
import { useRefreshCase, type CaseDetail } from './casesApi';

type Member = CaseDetail['members'][number];

/**
 * "Medlemmer": who works on the case, and for those the case's abilities allow
 * (`abilities.members.write`: its coordinators) "Tilføj medlem" and "Fjern" with a confirmation.
 */
export function CaseMembersSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const refresh = useRefreshCase();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const mayChange = detail.abilities.members.write;
  const removal = useMutation({
    mutationFn: (member: Member) => removeCaseMember(detail.id, member.userId),
    onSuccess: async (_, member) => {
      setRemoving(null);
      setSaved(t('cases.members.removed', { name: member.displayName }));
      await refresh();
      focusAfterSave(headingId);
    },
  });

  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('cases.members.heading')}</h2>
      <p>{t('cases.members.intro')}</p>
      <CaseMembersTable
        members={detail.members}
        reference={detail.reference}
        onRemove={
          mayChange
            ? (member) => {
                removal.reset();
                setRemoving(member);
              }
            : undefined
        }
      />
      <MutationFailure
        mutations={removal}
        errorTitle={t('cases.members.removeFailed')}
        onReload={() => refresh()}
      />
      {saved && <p role="status">{saved}</p>}
      {mayChange && (
        <CaseAddToggle
          detail={detail}
          label={t('cases.members.add')}
          form={AddMemberForm}
          onOpen={() => setSaved(null)}
          onAdded={(name) => {
            setSaved(t('cases.members.added', { name }));
            focusAfterSave(headingId);
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('cases.members.removeTitle', { name: removing?.displayName ?? '' })}
        text={t('cases.members.removeText')}
        confirmLabel={t('cases.members.confirmRemove')}
        pending={removal.isPending}
        onConfirm={() => removing && removal.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
