import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { Select } from '../../ui/fields';
import {
  createUser,
  grantableRoles,
  useAdminUnits,
  useInvalidateAdmin,
  usePoliceDistricts,
  type NewUser,
} from './adminApi';
import { UserDetailsFields, userDetailsFormFields, type UserDetails } from './UserFields';

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
  const [details, setDetails] = useState<UserDetails>({
    displayName: '',
    email: '',
    roles: [],
    unitIds: [],
  });
  const [password, setPassword] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [policeDistrictId, setPoliceDistrictId] = useState('');
  const districts = usePoliceDistricts(!ownMunicipality);
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
    ...userDetailsFormFields(t, 'user'),
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
  ];
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const { displayName, email, roles, unitIds } = details;
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
        <UserDetailsFields
          idPrefix="user"
          value={details}
          onChange={setDetails}
          roleOptions={grantableRoles(ownMunicipality !== null)}
          units={units.data ?? []}
          errors={errors}
        >
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
            <Select
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
            </Select>
          )}
        </UserDetailsFields>
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
