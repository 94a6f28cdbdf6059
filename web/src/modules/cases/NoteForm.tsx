import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NoteBody } from '../../../../server/modules/cases/schema.ts';
import { Checkbox, Form, TextArea, useZodForm } from '../../ui/form';
import { addNote, CASES_QUERY_KEY, type CaseDetail } from './casesApi';

const NOTE_MAX = 10_000;

/**
 * A new note in the chronology (members with the whole case). Coordinators and forum members
 * with the compartment may mark it confidential ("Fortroligt notat"): then only they read it.
 */
export function NoteForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(NoteBody, { defaultValues: { text: '', compartment: false } });
  const mutation = useMutation({
    mutationFn: (body: { text: string; compartment: boolean }) => addNote(detail.id, body),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({
        queryKey: [...CASES_QUERY_KEY, 'chronology', detail.id],
      });
    },
  });

  return (
    <Form
      id={`note-${detail.id}`}
      className="case-note-form no-print"
      form={form}
      onSubmit={(body) => mutation.mutateAsync(body)}
      error={mutation.error}
      errorTitle={t('cases.chronology.noteError')}
    >
      <TextArea
        name="text"
        label={t('cases.chronology.noteLabel')}
        hint={t('cases.chronology.noteHint', { max: NOTE_MAX })}
        widthClass="case-note-input"
        rows={4}
        maxLength={NOTE_MAX}
      />
      {detail.abilities.compartment.write && (
        <Checkbox name="compartment" label={t('cases.chronology.noteCompartment')} />
      )}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('cases.chronology.noteSaving') : t('cases.chronology.noteSave')}
      </button>
      {mutation.isSuccess && (
        <p role="status" className="case-note-saved">
          {t('cases.chronology.noteSaved')}
        </p>
      )}
    </Form>
  );
}
