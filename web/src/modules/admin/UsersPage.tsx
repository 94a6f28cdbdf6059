import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { UserListQuery } from '../../../../server/modules/admin/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { CompactTable } from '../../ui/Table';
import { FilterForm, PagedList } from './AdminList';
import { ROLES, useAdminUnits, useUserList, type UserFilter } from './adminApi';

/** The filters, checked with the user list's own schema; an empty field is no filter. */
const Filters = UserListQuery.pick({ q: true, role: true, unitId: true, status: true });
const NO_FILTER: z.input<typeof Filters> = {
  q: undefined,
  role: undefined,
  unitId: undefined,
  status: undefined,
};

/** "Brugere": the municipality's users, filtered and paged, with a way to create one. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.users.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const [filter, setFilter] = useState<UserFilter>({});
  const form = useZodForm(Filters, { defaultValues: NO_FILTER });
  const users = useUserList(filter);
  const units = useAdminUnits();

  const items = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.users.title')}</h2>
      <p>{t('admin.users.intro')}</p>
      <p>
        <Link to="ny" className="button button-primary">
          {t('admin.users.create')}
        </Link>
      </p>

      <FilterForm
        id="user-filter"
        form={form}
        heading={t('admin.users.filtersHeading')}
        onFilter={setFilter}
        onReset={() => setFilter({})}
      >
        <div className="admin-filter-row">
          <TextInput
            name="q"
            label={t('admin.users.q')}
            empty="undefined"
            widthClass="input-width-m"
            type="search"
          />
          <OptionSelect
            name="role"
            label={t('admin.users.role')}
            empty="undefined"
            none={t('admin.common.all')}
            options={ROLES.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))}
          />
          <OptionSelect
            name="unitId"
            label={t('admin.users.unit')}
            empty="undefined"
            none={t('admin.common.all')}
            options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          />
          <OptionSelect
            name="status"
            label={t('admin.users.status')}
            empty="undefined"
            none={t('admin.common.all')}
            options={[
              { value: 'active', label: t('admin.users.statusActive') },
              { value: 'disabled', label: t('admin.users.statusDisabled') },
            ]}
          />
        </div>
      </FilterForm>

      <PagedList
        pages={users}
        shown={items.length}
        loading={t('admin.users.loading')}
        loadError={t('admin.users.loadError')}
        empty={t('admin.users.empty')}
      >
        <CompactTable
          className="admin-table"
          caption={t('admin.users.caption')}
          columns={[
            t('admin.users.nameColumn'),
            t('admin.users.usernameColumn'),
            t('admin.users.rolesColumn'),
            t('admin.users.unitsColumn'),
            t('admin.users.statusColumn'),
            t('admin.users.secondFactorColumn'),
          ]}
        >
          {items.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={user.id} aria-label={t('admin.users.edit', { name: user.displayName })}>
                  {user.displayName}
                </Link>
              </td>
              <td>{user.username}</td>
              <td>{user.roles.map((r) => t(`admin.roles.${r}`)).join(', ')}</td>
              <td>{user.units.map((u) => u.name).join(', ')}</td>
              <td>
                {user.status === 'active'
                  ? t('admin.users.statusActive')
                  : t('admin.users.statusDisabled')}
              </td>
              <td>
                {user.secondFactorEnrolled
                  ? t('admin.users.secondFactorYes')
                  : t('admin.users.secondFactorNo')}
              </td>
            </tr>
          ))}
        </CompactTable>
      </PagedList>
    </section>
  );
}
