import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonSearchBody } from '../../../../server/modules/persons/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { PagedList } from '../../ui/PagedList';
import { PageHeading } from '../../ui/PageHeading';
import { SearchField } from '../../ui/SearchField';
import { CompactTable } from '../../ui/Table';
import { DateInput, Form, TextInput, formatDate, useZodForm } from '../../ui/form';
import {
  personSearchQuery,
  usePersonSearch,
  type FoundPerson,
  type PersonCriteria,
} from './personsApi';
import './persons.css';

/** The form holds the criteria; the page and its size are the list's. */
const Criteria = PersonSearchBody.omit({ after: true, limit: true });

/**
 * "Find person" (/personer): the persons the user may see, found by name, CPR number or birth
 * date, each with the cases and open inquiries the user sees them through. The criteria stay in
 * the page (never in the address: a name or CPR number is personal data); each search is audited
 * on the server.
 */
export function FindPersonPage() {
  const { t } = useTranslation();
  usePageTitle(t('persons.search.title'));
  const [criteria, setCriteria] = useState<PersonCriteria | null>(null);
  const queryClient = useQueryClient();
  const form = useZodForm(Criteria, { defaultValues: { name: '', cpr: '', birthDate: '' } });
  // The first page is fetched by the submit, so a problem with a field lands on the field.
  const search = useMutation({
    mutationFn: (values: PersonCriteria) =>
      queryClient.fetchInfiniteQuery({ ...personSearchQuery(values), staleTime: Infinity }),
    onSuccess: (_pages, values) => setCriteria(values),
  });

  return (
    <>
      <PageHeading>{t('persons.search.title')}</PageHeading>
      <p className="font-lead">{t('persons.search.intro')}</p>
      <Form
        id="person-search"
        form={form}
        className="person-search"
        onSubmit={(values) => search.mutateAsync(values)}
        error={search.error}
        errorTitle={t('persons.search.failedTitle')}
      >
        <SearchField
          name="name"
          label={t('persons.search.name')}
          hint={t('persons.search.nameHint')}
          submit={t('persons.search.submit')}
          clear={t('persons.search.clear')}
          onClear={
            criteria
              ? () => {
                  form.reset({ name: '', cpr: '', birthDate: '' });
                  search.reset();
                  setCriteria(null);
                }
              : undefined
          }
          pending={search.isPending}
          actionsClassName="person-search-actions"
        >
          <TextInput
            name="cpr"
            label={t('persons.search.cpr')}
            hint={t('persons.search.cprHint')}
            widthClass="input-width-s"
            autoComplete="off"
            inputMode="numeric"
          />
          <DateInput name="birthDate" label={t('persons.search.birthDate')} />
        </SearchField>
      </Form>
      {criteria && <PersonResults criteria={criteria} />}
    </>
  );
}

/** The hits of a search made, a page at a time. */
export function PersonResults({ criteria }: { criteria: PersonCriteria }) {
  const { t } = useTranslation();
  const query = usePersonSearch(criteria);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="person-results-heading">
      <h2 id="person-results-heading">{t('persons.search.resultsHeading')}</h2>
      <PagedList
        query={query}
        count={items.length}
        countClassName="person-search-count"
        texts={{
          loading: t('persons.search.loading'),
          loadError: t('persons.search.loadError'),
          loadMoreError: t('persons.search.loadMoreError'),
          empty: t('persons.search.empty'),
          one: t('persons.search.countOne'),
          many: (count) => t('persons.search.countMany', { count }),
        }}
      >
        <ResultsTable items={items} />
      </PagedList>
    </section>
  );
}

function ResultsTable({ items }: { items: FoundPerson[] }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      caption={t('persons.search.caption')}
      columns={[
        t('persons.search.columns.name'),
        t('persons.search.columns.birthDate'),
        t('persons.search.columns.cases'),
        t('persons.search.columns.inquiries'),
      ]}
    >
      {items.map((person) => (
        <tr key={person.id}>
          <td>
            <Link to={`/personer/${person.id}`}>{person.name}</Link>
          </td>
          <td>{person.birthDate ? formatDate(person.birthDate) : t('persons.person.notGiven')}</td>
          <td>
            <RecordLinks records={person.cases} path="/sager" />
          </td>
          <td>
            <RecordLinks records={person.inquiries} path="/henvendelser" />
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}

function RecordLinks({
  records,
  path,
}: {
  records: FoundPerson['cases'];
  path: '/sager' | '/henvendelser';
}) {
  const { t } = useTranslation();
  if (records.length === 0) return <>{t('persons.search.none')}</>;
  return (
    <ul className="person-search-records">
      {records.map((record) => (
        <li key={record.id}>
          <Link to={`${path}/${record.id}`}>{record.reference}</Link>
        </li>
      ))}
    </ul>
  );
}
