import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { UserListQuery } from '../../../../server/modules/admin/schema.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { Select, TextInput, useZodForm } from '../../ui/form';
import { AdminTable, FilterForm, PagedList } from './AdminList';
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
          <Select name="role" label={t('admin.users.role')} empty="undefined">
            <option value="">{t('admin.common.all')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`admin.roles.${role}`)}
              </option>
            ))}
          </Select>
          <Select name="unitId" label={t('admin.users.unit')} empty="undefined">
            <option value="">{t('admin.common.all')}</option>
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
          <Select name="status" label={t('admin.users.status')} empty="undefined">
            <option value="">{t('admin.common.all')}</option>
            <option value="active">{t('admin.users.statusActive')}</option>
            <option value="disabled">{t('admin.users.statusDisabled')}</option>
          </Select>
        </div>
      </FilterForm>

      <PagedList
        pages={users}
        shown={items.length}
        loading={t('admin.users.loading')}
        loadError={t('admin.users.loadError')}
        empty={t('admin.users.empty')}
      >
        <AdminTable caption={t('admin.users.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.nameColumn')}</th>
              <th scope="col">{t('admin.users.usernameColumn')}</th>
              <th scope="col">{t('admin.users.rolesColumn')}</th>
              <th scope="col">{t('admin.users.unitsColumn')}</th>
              <th scope="col">{t('admin.users.statusColumn')}</th>
              <th scope="col">{t('admin.users.secondFactorColumn')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </AdminTable>
      </PagedList>
    </section>
  );
}
