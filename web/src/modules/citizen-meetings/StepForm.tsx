import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MutationFailure } from '../../ui/MutationFailure';
import { Form } from '../../ui/form';
import { contactKey, type CitizenContact, type ContactOwner } from './citizenMeetingsApi';

/**
 * What the steps of a meeting with the citizen share (preparation, the meeting held, the
 * reflection): the save answers the contact bar and meetings as they now are, which replace the
 * cached ones; a stale edit offers to reload them; the form ends with "Gem" and "Annullér".
 */
export function useStepSave<V>(
  owner: ContactOwner,
  save: (values: V) => Promise<CitizenContact>,
  onDone: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKey(owner), contact);
      onDone();
    },
  });
}

export function StepForm<TIn extends FieldValues, TOut>({
  owner,
  id,
  form,
  mutation,
  onCancel,
  children,
}: {
  owner: ContactOwner;
  id: string;
  form: UseFormReturn<TIn, unknown, TOut>;
  mutation: UseMutationResult<CitizenContact, Error, TOut>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <>
      <MutationFailure
        mutations={mutation}
        headingLevel="h4"
        onReload={() => queryClient.invalidateQueries({ queryKey: contactKey(owner) })}
      />
      <Form
        id={id}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('citizenMeetings.fields.failedTitle')}
      >
        {children}
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending
            ? t('citizenMeetings.fields.saving')
            : t('citizenMeetings.fields.save')}
        </button>{' '}
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('citizenMeetings.fields.cancel')}
        </button>
      </Form>
    </>
  );
}
