import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Form, Modal, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import { removeCasePerson } from './casePeopleApi';
import { REASON_MAX, RemovePersonFormSchema } from './casePeopleForms';
import { CaseFormButtons } from './CaseAddToggle';
import { useRefreshCase, type CaseDetail } from './casesApi';

/**
 * "Fjern" a person from the case, in the dkfds modal: the reason is required (it goes into the
 * chronology) and the person stays in the person register. Escape or "Annullér" closes it, and
 * focus returns to the button that opened it.
 */
export function RemovePersonDialog({
  detail,
  person,
  onClose,
}: {
  detail: CaseDetail;
  person: CaseDetail['persons'][number] | null;
  onClose: (removed: boolean) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(RemovePersonFormSchema, { defaultValues: { reason: '' } });
  const mutation = useMutation({
    mutationFn: (body: { reason: string }) =>
      removeCasePerson(detail.id, person?.id ?? '', { ...body, version: detail.version }),
    onSuccess: async () => {
      form.reset();
      await refresh();
      onClose(true);
    },
  });
  const cancel = () => {
    if (mutation.isPending) return;
    form.reset();
    mutation.reset();
    onClose(false);
  };
  const name = person?.name ?? '';
  return (
    <Modal open={person !== null} title={t('cases.persons.removeTitle', { name })} onClose={cancel}>
      <p>{t('cases.persons.removeText')}</p>
      <MutationFailure mutations={mutation} onReload={() => refresh()} />
      <Form
        id={`case-person-remove-${detail.id}`}
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('cases.persons.removeFailed')}
      >
        <TextArea
          name="reason"
          label={t('cases.persons.reason')}
          hint={t('cases.persons.reasonHint', { max: REASON_MAX })}
          rows={3}
          maxLength={REASON_MAX}
        />
        <CaseFormButtons
          save={t('cases.persons.confirmRemove')}
          pending={mutation.isPending}
          cancel={t('cases.persons.cancel')}
          onCancel={cancel}
        />
      </Form>
    </Modal>
  );
}
