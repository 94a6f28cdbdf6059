import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { CheckboxGroup } from './AdminFields';
import type { AdminUnit, Role } from './adminApi';

/** What both user forms edit: name, e-mail, roles and units. */
export interface UserDetails {
  displayName: string;
  email: string;
  roles: Role[];
  unitIds: string[];
}

/** The error summary's entries for the fields of `UserDetailsFields` with this id prefix. */
export function userDetailsFormFields(t: TFunction, idPrefix: string): FormField[] {
  return [
    {
      name: 'body.displayName',
      id: `${idPrefix}-display-name`,
      label: t('admin.userForm.displayName'),
    },
    { name: 'body.email', id: `${idPrefix}-email`, label: t('admin.userForm.email') },
    { name: 'body.roles', id: `${idPrefix}-roles`, label: t('admin.userForm.roles') },
    { name: 'body.unitIds', id: `${idPrefix}-units`, label: t('admin.userForm.units') },
  ];
}

interface UserDetailsFieldsProps {
  /** Prefix of the fields' ids (`user` when creating, `edit` when editing). */
  idPrefix: string;
  value: UserDetails;
  onChange: (value: UserDetails) => void;
  /** The roles offered, in order. */
  roleOptions: Role[];
  units: AdminUnit[];
  /** Messages by field name (`body.email`), from `fieldErrors`. */
  errors: Record<string, string>;
  /** Further fields, shown between the e-mail and the roles. */
  children?: ReactNode;
}

/** Name and e-mail, then `children`, then the roles and units to choose from. */
export function UserDetailsFields({
  idPrefix,
  value,
  onChange,
  roleOptions,
  units,
  errors,
  children,
}: UserDetailsFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-display-name`}
        label={t('admin.userForm.displayName')}
        error={errors['body.displayName']}
        widthClass="input-width-l"
        autoComplete="off"
        required
        value={value.displayName}
        onChange={(e) => onChange({ ...value, displayName: e.target.value })}
      />
      <TextField
        id={`${idPrefix}-email`}
        label={t('admin.userForm.email')}
        hint={t('admin.userForm.emailHint')}
        error={errors['body.email']}
        widthClass="input-width-l"
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={value.email}
        onChange={(e) => onChange({ ...value, email: e.target.value })}
      />
      {children}
      <CheckboxGroup
        id={`${idPrefix}-roles`}
        legend={t('admin.userForm.roles')}
        hint={t('admin.userForm.rolesHint')}
        error={errors['body.roles']}
        options={roleOptions.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))}
        selected={value.roles}
        onChange={(roles) => onChange({ ...value, roles })}
      />
      <CheckboxGroup
        id={`${idPrefix}-units`}
        legend={t('admin.userForm.units')}
        hint={t('admin.userForm.unitsHint')}
        error={errors['body.unitIds']}
        options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        selected={value.unitIds}
        onChange={(unitIds) => onChange({ ...value, unitIds })}
        empty={t('admin.userForm.noUnits')}
      />
    </>
  );
}
