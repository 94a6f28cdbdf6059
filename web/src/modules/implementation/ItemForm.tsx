import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DateInput,
  Form,
  MutationFailure,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import {
  IMPLEMENTATION_KEY,
  ITEM_STATUSES,
  UpdateItemBody,
  saveItem,
  useResponsibleCandidates,
  type ImplementationItem,
} from './implementationApi';

/** The form holds the body without its version (the item's, sent with the save). */
const ItemValues = UpdateItemBody.omit({ version: true });

function valuesOf(item: ImplementationItem) {
  return {
    status: item.status,
    notRelevantReason: item.notRelevantReason,
    responsibleUserId: item.responsibleUser?.id ?? null,
    responsibleText: item.responsibleText,
    evidence: item.evidence,
    nextReviewOn: item.nextReviewOn,
  };
}

/**
 * Changes one item (the one form layer, checked with the server's `UpdateItemBody`): status —
 * with a reason when not relevant — responsible (a member of staff, or a role or organisation),
 * evidence and the next review's date. The server's problems land on their fields; a stale
 * version shows the one stale notice.
 */
export function ItemForm({
  item,
  onSaved,
}: {
  item: ImplementationItem;
  /** Told the version a save stored (the page then shows the form anew for it). */
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const candidates = useResponsibleCandidates(true);
  const form = useZodForm(ItemValues, { defaultValues: valuesOf(item) });
  const mutation = useMutation({
    mutationFn: (values: typeof ItemValues._output) =>
      saveItem(item.key, { ...values, version: item.version }),
    onSuccess: async ({ item: stored }) => {
      onSaved(stored.version);
      await queryClient.invalidateQueries({ queryKey: IMPLEMENTATION_KEY });
    },
  });
  const reload = () => queryClient.invalidateQueries({ queryKey: IMPLEMENTATION_KEY });
  return (
    <section aria-labelledby="implementation-item-form">
      <h2 id="implementation-item-form">{t('implementation.form.heading')}</h2>
      <MutationFailure mutations={mutation} onReload={reload} />
      <Form
        id="implementation-item"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('implementation.form.failed')}
      >
        <RadioGroup
          name="status"
          label={t('implementation.columns.status')}
          options={ITEM_STATUSES.map((s) => ({
            value: s,
            label: t(`implementation.status.${s}`),
          }))}
          detail={(value) =>
            value === 'not_relevant' ? (
              <TextArea
                name="notRelevantReason"
                label={t('implementation.form.reason')}
                empty="null"
                maxLength={1000}
                rows={2}
              />
            ) : null
          }
        />
        <Select
          name="responsibleUserId"
          label={t('implementation.form.responsibleUser')}
          hint={t('implementation.form.responsibleUserHint')}
          empty="null"
        >
          <option value="">{t('implementation.form.noUser')}</option>
          {(candidates.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <TextInput
          name="responsibleText"
          label={t('implementation.form.responsibleText')}
          hint={t('implementation.form.responsibleTextHint')}
          empty="null"
          maxLength={200}
          widthClass="input-width-l"
        />
        <TextArea
          name="evidence"
          label={t('implementation.columns.evidence')}
          hint={t('implementation.form.evidenceHint')}
          empty="null"
          maxLength={2000}
          rows={3}
        />
        <DateInput
          name="nextReviewOn"
          label={t('implementation.columns.nextReview')}
          empty="null"
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('implementation.form.submit')}
        </button>
      </Form>
    </section>
  );
}
