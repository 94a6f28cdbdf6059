import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextInput } from '../../ui/form';
import type { AdminUnit, Role } from './adminApi';

interface UserDetailsFieldsProps {
  /** The roles offered, in order. */
  roleOptions: Role[];
  units: AdminUnit[];
  /** What the form holds for an empty e-mail: left out when creating, null (removed) when editing. */
  emptyEmail: 'undefined' | 'null';
  /** Further fields, shown between the e-mail and the roles. */
  children?: ReactNode;
}

/**
 * What both user forms edit, bound to the form of `<Form>`: name and e-mail, then `children`,
 * then the roles and units to choose from.
 */
export function UserDetailsFields({
  roleOptions,
  units,
  emptyEmail,
  children,
}: UserDetailsFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        name="displayName"
        label={t('admin.userForm.displayName')}
        widthClass="input-width-l"
        autoComplete="off"
        required
      />
      <TextInput
        name="email"
        label={t('admin.userForm.email')}
        hint={t('admin.userForm.emailHint')}
        empty={emptyEmail}
        widthClass="input-width-l"
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      {children}
      <CheckboxGroup
        name="roles"
        label={t('admin.userForm.roles')}
        hint={t('admin.userForm.rolesHint')}
        className="admin-checkbox-list"
        options={roleOptions.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))}
      />
      <CheckboxGroup
        name="unitIds"
        label={t('admin.userForm.units')}
        hint={t('admin.userForm.unitsHint')}
        className="admin-checkbox-list"
        options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        empty={t('admin.userForm.noUnits')}
      />
    </>
  );
}
