import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { CheckboxGroup, SelectField } from './AdminFields';
import {
  createUser,
  grantableRoles,
  useAdminUnits,
  useInvalidateAdmin,
  usePoliceDistricts,
  type NewUser,
  type Role,
} from './adminApi';

/**
 * "Opret bruger": username, name, e-mail, first password, roles and units. A system administrator
 * also names the municipality, or the police district for police staff.
 */
export function UserCreatePage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.userForm.createTitle')} – ${t('admin.title')}`);
  const headingId = useId();
  const navigate = useNavigate();
  const invalidate = useInvalidateAdmin();
  // Users outside a municipality (system administrators) name the municipality themselves.
  const ownMunicipality = useSession().data?.user?.municipality ?? null;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [policeDistrictId, setPoliceDistrictId] = useState('');
  const districts = usePoliceDistricts(!ownMunicipality);
  const [roles, setRoles] = useState<Role[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const unitMunicipality = ownMunicipality
    ? undefined
    : /^\d{3}$/.test(municipalityCode)
      ? municipalityCode
      : undefined;
  const units = useAdminUnits(unitMunicipality);

  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      await invalidate('users');
      await navigate(`../${user.id}`, { relative: 'path' });
    },
  });

  const fields: FormField[] = [
    { name: 'body.username', id: 'user-username', label: t('admin.userForm.username') },
    { name: 'body.displayName', id: 'user-display-name', label: t('admin.userForm.displayName') },
    { name: 'body.email', id: 'user-email', label: t('admin.userForm.email') },
    { name: 'body.password', id: 'user-password', label: t('admin.userForm.password') },
    {
      name: 'body.municipalityCode',
      id: 'user-municipality',
      label: t('admin.common.municipalityCode'),
    },
    {
      name: 'body.policeDistrictId',
      id: 'user-police-district',
      label: t('admin.userForm.policeDistrict'),
    },
    { name: 'body.roles', id: 'user-roles', label: t('admin.userForm.roles') },
    { name: 'body.unitIds', id: 'user-units', label: t('admin.userForm.units') },
  ];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const body: NewUser = { username, displayName, password, roles, unitIds };
    if (email.trim()) body.email = email.trim();
    if (!ownMunicipality && municipalityCode) body.municipalityCode = municipalityCode;
    if (!ownMunicipality && policeDistrictId) body.policeDistrictId = Number(policeDistrictId);
    mutation.mutate(body);
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.userForm.createTitle')}</h2>
      <p>{t('admin.userForm.createIntro')}</p>
      <FormError error={mutation.error} fields={fields} title={t('admin.userForm.failedTitle')} />
      <form noValidate onSubmit={submit}>
        <TextField
          id="user-username"
          label={t('admin.userForm.username')}
          hint={t('admin.userForm.usernameHint')}
          error={errors['body.username']}
          widthClass="input-width-l"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <TextField
          id="user-display-name"
          label={t('admin.userForm.displayName')}
          error={errors['body.displayName']}
          widthClass="input-width-l"
          autoComplete="off"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextField
          id="user-email"
          label={t('admin.userForm.email')}
          hint={t('admin.userForm.emailHint')}
          error={errors['body.email']}
          widthClass="input-width-l"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          id="user-password"
          label={t('admin.userForm.password')}
          hint={t('admin.userForm.passwordHint')}
          error={errors['body.password']}
          widthClass="input-width-l"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {!ownMunicipality && (
          <TextField
            id="user-municipality"
            label={t('admin.common.municipalityCode')}
            hint={t('admin.common.municipalityCodeHint')}
            error={errors['body.municipalityCode']}
            widthClass="input-char-4"
            inputMode="numeric"
            value={municipalityCode}
            onChange={(e) => setMunicipalityCode(e.target.value.trim())}
          />
        )}
        {!ownMunicipality && (
          <SelectField
            id="user-police-district"
            label={t('admin.userForm.policeDistrict')}
            error={errors['body.policeDistrictId']}
            value={policeDistrictId}
            onChange={(e) => setPoliceDistrictId(e.target.value)}
          >
            <option value="">{t('admin.userForm.noPoliceDistrict')}</option>
            {(districts.data ?? []).map((district) => (
              <option key={district.id} value={String(district.id)}>
                {district.name}
              </option>
            ))}
          </SelectField>
        )}
        <CheckboxGroup
          id="user-roles"
          legend={t('admin.userForm.roles')}
          hint={t('admin.userForm.rolesHint')}
          error={errors['body.roles']}
          options={grantableRoles(ownMunicipality !== null).map((role) => ({
            value: role,
            label: t(`admin.roles.${role}`),
          }))}
          selected={roles}
          onChange={setRoles}
        />
        <CheckboxGroup
          id="user-units"
          legend={t('admin.userForm.units')}
          hint={t('admin.userForm.unitsHint')}
          error={errors['body.unitIds']}
          options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          selected={unitIds}
          onChange={setUnitIds}
          empty={t('admin.userForm.noUnits')}
        />
        <div className="admin-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('admin.userForm.submitting') : t('admin.userForm.submit')}
          </button>
          <Link to=".." relative="path" className="button button-secondary">
            {t('admin.userForm.back')}
          </Link>
        </div>
      </form>
    </section>
  );
}
