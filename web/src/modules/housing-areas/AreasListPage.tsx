import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { AREA_CADENCES } from '../../../../shared/housing-areas.ts';
import { useSession } from '../../app/session';
import { FilterSelect } from '../../ui/FilterSelect';
import { Form, useZodForm } from '../../ui/form';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { SearchField } from '../../ui/SearchField';
import { CompactTable } from '../../ui/Table';
import { useAreaList, type AreaFilter } from './areasApi';

const Search = z.object({ q: z.string().trim().max(120) });

/**
 * "Boligområder": the areas the user has a standing in (the server leaves out every other), with
 * a search by name and filters by status and cadence, a page at a time. "Nyt boligområde" and
 * the implementation follow-up are shown from the user's abilities; "Tal" shows the figures.
 */
export function AreasListPage() {
  const { t } = useTranslation();
  const abilities = useSession().data?.abilities;
  const [filter, setFilter] = useState<AreaFilter>({ q: '', status: 'active', cadence: '' });
  const list = useAreaList(filter);
  const form = useZodForm(Search, { defaultValues: { q: '' } });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading>{t('housingAreas.list.title')}</PageHeading>
      <p>{t('housingAreas.list.intro')}</p>
      <ul className="nobullet-list areas-actions">
        {abilities?.housingAreas.create && (
          <li>
            <Link to="ny" className="button button-primary">
              {t('housingAreas.list.new')}
            </Link>
          </li>
        )}
        <li>
          <Link to="tal">{t('housingAreas.list.figures')}</Link>
        </li>
        {abilities?.implementation.read && (
          <li>
            <Link to="implementering">{t('housingAreas.list.implementation')}</Link>
          </li>
        )}
      </ul>
      <Form
        id="area-search"
        form={form}
        onSubmit={(values) => setFilter((f) => ({ ...f, q: values.q }))}
      >
        <SearchField
          name="q"
          label={t('housingAreas.list.search')}
          submit={t('housingAreas.list.searchSubmit')}
          clear={t('housingAreas.list.searchClear')}
          onClear={
            filter.q
              ? () => {
                  form.reset({ q: '' });
                  setFilter((f) => ({ ...f, q: '' }));
                }
              : undefined
          }
        />
      </Form>
      <FilterSelect
        label={t('housingAreas.list.status')}
        value={filter.status}
        options={(['active', 'archived', 'all'] as const).map((s) => ({
          value: s,
          label: t(`housingAreas.status.${s}`),
        }))}
        onChange={(value) => setFilter((f) => ({ ...f, status: value as AreaFilter['status'] }))}
      />
      <FilterSelect
        label={t('housingAreas.list.cadence')}
        value={filter.cadence}
        all={t('housingAreas.list.allCadences')}
        options={[...AREA_CADENCES, 'none' as const].map((c) => ({
          value: c,
          label: t(`housingAreas.cadence.${c}`),
        }))}
        onChange={(value) => setFilter((f) => ({ ...f, cadence: value }))}
      />
      <PagedList
        query={list}
        count={items.length}
        countClassName="areas-count"
        texts={{
          loading: t('housingAreas.list.loading'),
          loadError: t('housingAreas.list.loadError'),
          loadMoreError: t('housingAreas.list.loadMoreError'),
          empty: t('housingAreas.list.empty'),
          one: t('housingAreas.list.one'),
          many: (count) => t('housingAreas.list.many', { count }),
        }}
      >
        <CompactTable
          caption={t('housingAreas.list.title')}
          columns={[
            t('housingAreas.list.name'),
            t('housingAreas.list.cadence'),
            t('housingAreas.list.standing'),
          ]}
        >
          {items.map((area) => (
            <tr key={area.id}>
              <td>
                <Link to={area.id}>{area.name}</Link>
                {area.archived && ` (${t('housingAreas.status.archivedOne')})`}
              </td>
              <td>{area.cadence ? t(`housingAreas.cadence.${area.cadence}`) : '–'}</td>
              <td>{t(`housingAreas.standing.${area.standing}`)}</td>
            </tr>
          ))}
        </CompactTable>
      </PagedList>
    </>
  );
}
