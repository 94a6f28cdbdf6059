import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CaseSearchBody } from '../../../../server/modules/cases/schema.ts';
import { FilterSelect } from '../../ui/FilterSelect';
import { Form, useZodForm } from '../../ui/form';
import { SearchField } from '../../ui/SearchField';
import { CASE_STATUSES, isCaseStatus } from './casesApi';
import {
  CONCERN_LEVELS,
  coordinatorChoice,
  overviewQuery,
  useFilterableCoordinators,
  withCoordinatorChoice,
  type OverviewFilters,
} from './overviewApi';

/** The search form holds the text only; the filters travel with it from the page. */
const SearchText = CaseSearchBody.pick({ text: true });

/**
 * The overview's filter bar: status, concern level, overdue follow-up and the coordinator — all,
 * mine, or one of those the server lists (in the address), and the search by reference, name or CPR number (never in the
 * address). The search is sent when the form is submitted; a malformed CPR number comes back as
 * the server's message on the field.
 */
export function CaseOverviewFilters({
  filters,
  onFilters,
  text,
  onText,
}: {
  filters: OverviewFilters;
  onFilters: (filters: OverviewFilters) => void;
  text: string;
  onText: (text: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(SearchText, { defaultValues: { text } });
  const set = (change: Partial<OverviewFilters>) => onFilters({ ...filters, ...change });

  return (
    <div className="case-overview-filters">
      <Form
        id="case-search"
        form={form}
        role="search"
        className="case-search"
        summary={false}
        onSubmit={async (values) => {
          await queryClient.fetchInfiniteQuery(overviewQuery(filters, values.text));
          onText(values.text);
        }}
      >
        <SearchField
          name="text"
          label={t('cases.overview.search')}
          hint={t('cases.overview.searchHint')}
          submit={t('cases.overview.searchSubmit')}
          clear={t('cases.overview.searchClear')}
          onClear={
            text !== ''
              ? () => {
                  form.reset({ text: '' });
                  onText('');
                }
              : undefined
          }
          actionsClassName="case-search-actions"
        />
      </Form>

      <div className="case-filter-bar">
        <FilterSelect
          className="case-filter"
          label={t('cases.list.statusFilter')}
          value={filters.status ?? ''}
          all={t('cases.list.allStatuses')}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          onChange={(value) => set({ status: isCaseStatus(value) ? value : null })}
        />
        <FilterSelect
          className="case-filter"
          label={t('cases.overview.concernFilter')}
          value={filters.concernLevel ?? ''}
          all={t('cases.list.allStatuses')}
          options={CONCERN_LEVELS.map((level) => ({
            value: level,
            label: t(`cases.concernLevel.${level}`),
          }))}
          onChange={(value) =>
            set({ concernLevel: CONCERN_LEVELS.find((level) => level === value) ?? null })
          }
        />
        <FilterSelect
          className="case-filter"
          label={t('cases.overview.overdueFilter')}
          value={filters.overdue === null ? '' : String(filters.overdue)}
          all={t('cases.list.allStatuses')}
          options={[
            { value: 'true', label: t('cases.overview.overdueOnly') },
            { value: 'false', label: t('cases.overview.notOverdue') },
          ]}
          onChange={(value) => set({ overdue: value === '' ? null : value === 'true' })}
        />
        <CoordinatorFilter filters={filters} onFilters={onFilters} />
      </div>
    </div>
  );
}

/**
 * "Tovholder": all cases, mine, or one coordinator's, from the coordinators the server says the
 * user may filter by. A coordinator in the address that is not (yet) in the list stays chosen.
 */
function CoordinatorFilter({
  filters,
  onFilters,
}: {
  filters: OverviewFilters;
  onFilters: (filters: OverviewFilters) => void;
}) {
  const { t } = useTranslation();
  const coordinators = useFilterableCoordinators().data?.items ?? [];
  const chosen = filters.coordinatorId;
  const listed = coordinators.some((c) => c.id === chosen);
  return (
    <FilterSelect
      className="case-filter"
      label={t('cases.overview.coordinatorFilter')}
      value={coordinatorChoice(filters)}
      all={t('cases.overview.allCoordinators')}
      options={[
        { value: 'mine', label: t('cases.overview.mineCoordinator') },
        ...coordinators.map((c) => ({ value: c.id, label: c.name })),
        ...(chosen && !listed
          ? [{ value: chosen, label: t('cases.overview.chosenCoordinator') }]
          : []),
      ]}
      onChange={(value) => onFilters(withCoordinatorChoice(filters, value))}
    />
  );
}
