import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CreateUserBody } from '../../../../server/modules/admin/schema.ts';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { Form, TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  createUser,
  grantableRoles,
  useAdminUnits,
  useInvalidateAdmin,
  usePoliceDistricts,
} from './adminApi';
import { UserDetailsFields } from './UserFields';

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
  const form = useZodForm(CreateUserBody, {
    defaultValues: {
      username: '',
      displayName: '',
      email: undefined,
      password: '',
      roles: [],
      unitIds: [],
      municipalityCode: undefined,
      policeDistrictId: undefined,
    },
  });
  const municipalityCode = useWatch({ control: form.control, name: 'municipalityCode' });
  const districts = usePoliceDistricts(!ownMunicipality);
  const unitMunicipality =
    !ownMunicipality && /^\d{3}$/.test(municipalityCode ?? '') ? municipalityCode : undefined;
  const units = useAdminUnits(unitMunicipality);

  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      await invalidate('users');
      await navigate(`../${user.id}`, { relative: 'path' });
    },
  });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.userForm.createTitle')}</h2>
      <p>{t('admin.userForm.createIntro')}</p>
      <Form
        id="user"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('admin.userForm.failedTitle')}
      >
        <TextInput
          name="username"
          label={t('admin.userForm.username')}
          hint={t('admin.userForm.usernameHint')}
          widthClass="input-width-l"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <UserDetailsFields
          emptyEmail="undefined"
          roleOptions={grantableRoles(ownMunicipality !== null)}
          units={units.data ?? []}
        >
          <TextInput
            name="password"
            label={t('admin.userForm.password')}
            hint={t('admin.userForm.passwordHint')}
            widthClass="input-width-l"
            type="password"
            autoComplete="new-password"
            required
          />
          {!ownMunicipality && (
            <TextInput
              name="municipalityCode"
              label={t('admin.common.municipalityCode')}
              hint={t('admin.common.municipalityCodeHint')}
              empty="undefined"
              widthClass="input-char-4"
              inputMode="numeric"
            />
          )}
          {!ownMunicipality && (
            <OptionSelect
              name="policeDistrictId"
              label={t('admin.userForm.policeDistrict')}
              empty="undefined"
              asNumber
              none={t('admin.userForm.noPoliceDistrict')}
              options={(districts.data ?? []).map((district) => ({
                value: String(district.id),
                label: district.name,
              }))}
            />
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
      </Form>
    </section>
  );
}
