import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import { Select } from '../../ui/fields';
import { AdminTable, FilterButtons, LoadMoreButton } from './AdminList';
import { ROLES, useAdminUnits, useUserList, type UserFilter } from './adminApi';

/** "Brugere": the municipality's users, filtered and paged, with a way to create one. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.users.title')} – ${t('admin.title')}`);
  const headingId = useId();
  const filterHeadingId = useId();
  const [draft, setDraft] = useState<UserFilter>({});
  const [filter, setFilter] = useState<UserFilter>({});
  const users = useUserList(filter);
  const units = useAdminUnits();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ ...draft, q: draft.q?.trim() || undefined });
  };
  const set = (key: keyof UserFilter) => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value || undefined }));

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

      <form className="admin-filters" aria-labelledby={filterHeadingId} onSubmit={submit}>
        <h3 id={filterHeadingId}>{t('admin.users.filtersHeading')}</h3>
        <div className="admin-filter-row">
          <TextField
            id="user-filter-q"
            label={t('admin.users.q')}
            widthClass="input-width-m"
            type="search"
            value={draft.q ?? ''}
            onChange={(e) => set('q')(e.target.value)}
          />
          <Select
            id="user-filter-role"
            label={t('admin.users.role')}
            value={draft.role ?? ''}
            onChange={(e) => set('role')(e.target.value)}
          >
            <option value="">{t('admin.common.all')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`admin.roles.${role}`)}
              </option>
            ))}
          </Select>
          <Select
            id="user-filter-unit"
            label={t('admin.users.unit')}
            value={draft.unitId ?? ''}
            onChange={(e) => set('unitId')(e.target.value)}
          >
            <option value="">{t('admin.common.all')}</option>
            {(units.data ?? []).map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
          <Select
            id="user-filter-status"
            label={t('admin.users.status')}
            value={draft.status ?? ''}
            onChange={(e) => set('status')(e.target.value)}
          >
            <option value="">{t('admin.common.all')}</option>
            <option value="active">{t('admin.users.statusActive')}</option>
            <option value="disabled">{t('admin.users.statusDisabled')}</option>
          </Select>
        </div>
        <FilterButtons
          onReset={() => {
            setDraft({});
            setFilter({});
          }}
        />
      </form>

      {users.isPending ? (
        <Loading label={t('admin.users.loading')} />
      ) : users.isError ? (
        <ErrorAlert
          title={t('admin.users.loadError')}
          error={users.error}
          onRetry={() => void users.refetch()}
        />
      ) : items.length === 0 ? (
        <p role="status">{t('admin.users.empty')}</p>
      ) : (
        <>
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
                    <Link
                      to={user.id}
                      aria-label={t('admin.users.edit', { name: user.displayName })}
                    >
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
          <LoadMoreButton pages={users} />
        </>
      )}
    </section>
  );
}
