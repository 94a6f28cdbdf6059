import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { UpdateUserBody } from '../../../../server/modules/admin/schema.ts';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { Form, MutationFailure, useZodForm } from '../../ui/form';
import {
  grantableRoles,
  updateUser,
  useAdminUnits,
  useAdminUser,
  useInvalidateAdmin,
  userAction,
  type AdminUser,
  type UserAction,
} from './adminApi';
import { ConfirmDialog } from './ConfirmDialog';
import { UserDetailsFields } from './UserFields';

/** "Rediger bruger": name, e-mail, roles and units, and the access actions with confirmation. */
export function UserEditPage() {
  const { t } = useTranslation();
  usePageTitle(`${t('admin.userEdit.title')} – ${t('admin.title')}`);
  const { id = '' } = useParams();
  const user = useAdminUser(id);
  // Kept here: saving changes the version, which starts the form afresh.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  if (user.isPending) return <Loading label={t('admin.userEdit.loading')} />;
  if (user.isError) {
    return (
      <ErrorAlert
        title={t('admin.userEdit.loadError')}
        error={user.error}
        onRetry={() => void user.refetch()}
      />
    );
  }
  return (
    <>
      <p>
        <Link to=".." relative="path">
          {t('admin.userForm.back')}
        </Link>
      </p>
      {/* A new version (after saving or reloading) starts the form from the stored values. */}
      <UserDetailsForm
        key={user.data.version}
        user={user.data}
        saved={savedVersion === user.data.version}
        onSaved={setSavedVersion}
        reload={() => void user.refetch()}
      />
      <UserAccess user={user.data} />
    </>
  );
}

interface UserDetailsFormProps {
  user: AdminUser;
  saved: boolean;
  onSaved: (version: number) => void;
  reload: () => void;
}

/** The user form holds the details; the version it changes is the user's. */
const UserChange = UpdateUserBody.omit({ version: true });

function UserDetailsForm({ user, saved, onSaved, reload }: UserDetailsFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidateAdmin();
  const insideMunicipality = useSession().data?.user?.municipality != null;
  const units = useAdminUnits(user.municipalityCode ?? undefined);
  const form = useZodForm(UserChange, {
    defaultValues: {
      displayName: user.displayName,
      email: user.email,
      roles: user.roles,
      unitIds: user.units.map((u) => u.id),
    },
  });
  const mutation = useMutation({
    mutationFn: (change: z.output<typeof UserChange>) =>
      updateUser(user.id, { ...change, version: user.version }),
    onSuccess: async (result) => {
      onSaved(result.version);
      await invalidate('users');
    },
  });

  const roleOptions = [
    ...grantableRoles(insideMunicipality),
    ...user.roles.filter((r) => !grantableRoles(insideMunicipality).includes(r)),
  ];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{user.displayName}</h2>
      <dl className="admin-summary">
        <dt>{t('admin.userEdit.summaryUsername')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('admin.userEdit.summaryStatus')}</dt>
        <dd>
          {user.status === 'active'
            ? t('admin.users.statusActive')
            : t('admin.users.statusDisabled')}
        </dd>
        <dt>{t('admin.userEdit.summarySecondFactor')}</dt>
        <dd>
          {user.secondFactorEnrolled
            ? t('admin.users.secondFactorYes')
            : t('admin.users.secondFactorNo')}
        </dd>
      </dl>
      <h3>{t('admin.userEdit.detailsHeading')}</h3>
      {saved && <SuccessMessage>{t('admin.common.saved')}</SuccessMessage>}
      <MutationFailure mutations={mutation} onReload={reload} />
      <Form
        id="edit"
        form={form}
        onSubmit={(change) => mutation.mutateAsync(change)}
        error={mutation.error}
        errorTitle={t('admin.userEdit.failedTitle')}
      >
        <UserDetailsFields emptyEmail="null" roleOptions={roleOptions} units={units.data ?? []} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('admin.common.saving') : t('admin.common.save')}
        </button>
      </Form>
    </section>
  );
}

const DONE: Record<UserAction, 'disabled' | 'enabled' | 'resetDone'> = {
  disable: 'disabled',
  enable: 'enabled',
  'reset-second-factor': 'resetDone',
};

function UserAccess({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidateAdmin();
  const [confirming, setConfirming] = useState<UserAction | null>(null);
  const [done, setDone] = useState<UserAction | null>(null);
  const mutation = useMutation({
    mutationFn: (action: UserAction) => userAction(user.id, action),
    onSuccess: async (_result, action) => {
      setConfirming(null);
      setDone(action);
      await invalidate('users');
    },
    onError: () => setConfirming(null),
  });
  const name = user.displayName;
  const toggle: UserAction = user.status === 'active' ? 'disable' : 'enable';
  const dialog = {
    disable: {
      title: t('admin.userEdit.disableConfirmTitle', { name }),
      text: t('admin.userEdit.disableConfirmText'),
      label: t('admin.userEdit.disable'),
    },
    enable: {
      title: t('admin.userEdit.enableConfirmTitle', { name }),
      text: t('admin.userEdit.enableConfirmText'),
      label: t('admin.userEdit.enable'),
    },
    'reset-second-factor': {
      title: t('admin.userEdit.resetConfirmTitle', { name }),
      text: t('admin.userEdit.resetConfirmText'),
      label: t('admin.userEdit.reset'),
    },
  }[confirming ?? toggle];

  const start = (action: UserAction) => {
    mutation.reset();
    setDone(null);
    setConfirming(action);
  };

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('admin.userEdit.accessHeading')}</h3>
      {done && <SuccessMessage>{t(`admin.userEdit.${DONE[done]}`)}</SuccessMessage>}
      {mutation.error ? (
        <ErrorAlert title={t('admin.userEdit.actionFailedTitle')} error={mutation.error} />
      ) : null}
      {toggle === 'disable' && <p>{t('admin.userEdit.disableText')}</p>}
      <div className="admin-buttons">
        <button type="button" className="button button-secondary" onClick={() => start(toggle)}>
          {toggle === 'disable' ? t('admin.userEdit.disable') : t('admin.userEdit.enable')}
        </button>
      </div>
      <p className="mt-5">{t('admin.userEdit.resetText')}</p>
      <div className="admin-buttons">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => start('reset-second-factor')}
        >
          {t('admin.userEdit.reset')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={dialog.title}
        text={dialog.text}
        confirmLabel={dialog.label}
        pending={mutation.isPending}
        onConfirm={() => confirming && mutation.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}
