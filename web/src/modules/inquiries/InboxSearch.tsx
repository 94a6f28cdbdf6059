import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InboxSearchBody } from '../../../../server/modules/inquiries/schema.ts';
import { Form, useZodForm } from '../../ui/form';
import { SearchField } from '../../ui/SearchField';
import { inboxQuery, type InboxParams } from './inquiriesApi';

/** The search form holds the text only; the filters are the address's. */
const SearchText = InboxSearchBody.pick({ text: true });

/**
 * The inbox's search field: a reference, a person's name or a CPR number. The text stays in the
 * page, never in the address (a name or CPR number is personal data). The first page is fetched
 * by the submit, so a CPR number that is not one is said on the field.
 */
export function InboxSearch({
  params,
  text,
  onSearch,
}: {
  params: InboxParams;
  text: string | null;
  onSearch: (text: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(SearchText, { defaultValues: { text: text ?? '' } });
  const search = useMutation({
    mutationFn: (value: string) => queryClient.fetchInfiniteQuery(inboxQuery(params, value)),
    onSuccess: (_pages, value) => onSearch(value),
  });
  const clear = () => {
    form.reset({ text: '' });
    search.reset();
    onSearch(null);
  };

  return (
    <Form
      id="inbox-search"
      form={form}
      className="inquiry-search"
      onSubmit={({ text: value }) => search.mutateAsync(value)}
      error={search.error}
      errorTitle={t('inquiries.inbox.search.failedTitle')}
    >
      <SearchField
        name="text"
        label={t('inquiries.inbox.search.label')}
        hint={t('inquiries.inbox.search.hint')}
        submit={t('inquiries.inbox.search.submit')}
        clear={t('inquiries.inbox.search.clear')}
        onClear={text !== null ? clear : undefined}
        pending={search.isPending}
        actionsClassName="inquiry-search-actions"
      />
    </Form>
  );
}
