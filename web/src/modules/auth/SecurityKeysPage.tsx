import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrors } from '../../ui/FormError';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { TextField } from '../../ui/TextField';
import { SecurityKeyError } from './SecurityKeyError';
import {
  SECURITY_KEYS_QUERY_KEY,
  addSecurityKey,
  fetchSecurityKeys,
  removeSecurityKey,
  type SecurityKey,
} from './securityKeysApi';

/**
 * `/sikkerhed`: the user's own security keys. A key is added with a name (to tell keys apart)
 * and removed again here; the authenticator app and the recovery codes keep working either way.
 * What happened is announced in a status region; what failed in an alert.
 */
export function SecurityKeysPage() {
  const { t } = useTranslation();
  usePageTitle(t('securityKeys.title'));
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: SECURITY_KEYS_QUERY_KEY,
    queryFn: ({ signal }) => fetchSecurityKeys(signal),
  });
  const [status, setStatus] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: SECURITY_KEYS_QUERY_KEY });

  const remove = useMutation({
    mutationFn: (key: SecurityKey) => removeSecurityKey(key.id),
    onMutate: () => setStatus(''),
    onSuccess: async (_result, key) => {
      setStatus(t('securityKeys.removed', { name: key.nickname }));
      await refresh();
    },
  });

  return (
    <>
      <PageHeading>{t('securityKeys.title')}</PageHeading>
      <p className="font-lead">{t('securityKeys.intro')}</p>
      <p>{t('securityKeys.introMore')}</p>

      <div role="status">
        {status && (
          <div className="alert alert-success">
            <div className="alert-body">
              <p className="alert-text">{status}</p>
            </div>
          </div>
        )}
      </div>

      <h2>{t('securityKeys.listHeading')}</h2>
      {remove.isError && (
        <ErrorAlert title={t('securityKeys.removeFailedTitle')} error={remove.error} />
      )}
      {keys.isPending ? (
        <Loading label={t('securityKeys.loading')} />
      ) : keys.isError ? (
        <ErrorAlert
          title={t('securityKeys.loadFailedTitle')}
          error={keys.error}
          onRetry={() => void keys.refetch()}
        />
      ) : keys.data.securityKeys.length === 0 ? (
        <p>{t('securityKeys.none')}</p>
      ) : (
        <KeyTable
          keys={keys.data.securityKeys}
          removing={remove.isPending ? remove.variables.id : null}
          onRemove={(key) => remove.mutate(key)}
        />
      )}

      <AddKeyForm
        onAdded={async (key) => {
          setStatus(t('securityKeys.added', { name: key.nickname }));
          await refresh();
        }}
        onStart={() => setStatus('')}
      />
    </>
  );
}

function formatDate(iso: string) {
  return new Intl.DateTimeFormat(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

function KeyTable({
  keys,
  removing,
  onRemove,
}: {
  keys: SecurityKey[];
  removing: string | null;
  onRemove: (key: SecurityKey) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="table table--compact">
      <caption className="sr-only">{t('securityKeys.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('securityKeys.nameColumn')}</th>
          <th scope="col">{t('securityKeys.createdColumn')}</th>
          <th scope="col">{t('securityKeys.lastUsedColumn')}</th>
          <th scope="col">
            <span className="sr-only">{t('securityKeys.actionsColumn')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <td>{key.nickname}</td>
            <td>{formatDate(key.createdAt)}</td>
            <td>{key.lastUsedAt ? formatDate(key.lastUsedAt) : t('securityKeys.neverUsed')}</td>
            <td>
              <button
                type="button"
                className="function-link"
                disabled={removing !== null}
                aria-label={t('securityKeys.removeLabel', { name: key.nickname })}
                onClick={() => onRemove(key)}
              >
                {t('securityKeys.remove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Name the key, then the browser asks the user to touch it. The name is checked here first, so
 * the user does not touch the key only to hear that the name was missing.
 */
function AddKeyForm({
  onAdded,
  onStart,
}: {
  onAdded: (key: SecurityKey) => Promise<void>;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const [nickname, setNickname] = useState('');
  const [code, setCode] = useState('');
  const [missingName, setMissingName] = useState(false);
  const add = useMutation({
    mutationFn: (input: { name: string; code: string }) => addSecurityKey(input.name, input.code),
    onSuccess: async (key) => {
      setNickname('');
      setCode('');
      await onAdded(key);
    },
    // A code is used up once checked, right or wrong: ask for the next one.
    onError: () => setCode(''),
  });
  const supported = browserSupportsWebAuthn();
  const fieldError = missingName
    ? t('securityKeys.nameRequired')
    : fieldErrors(add.error)['body.nickname'];
  const codeError = fieldErrors(add.error)['body.code'];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    onStart();
    const name = nickname.trim();
    setMissingName(name === '');
    if (name === '') {
      document.getElementById('security-key-name')?.focus();
      return;
    }
    add.mutate({ name, code: code.trim() });
  };

  return (
    <section className="mt-8" aria-labelledby="security-key-add-heading">
      <h2 id="security-key-add-heading">{t('securityKeys.addHeading')}</h2>
      {!supported ? (
        <div className="alert alert-info">
          <Icon name="info" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-text">{t('securityKeys.unsupported')}</p>
          </div>
        </div>
      ) : (
        <>
          <p>{t('securityKeys.addIntro')}</p>
          <SecurityKeyError error={add.error} title={t('securityKeys.addFailedTitle')} />
          <form className="login-form" noValidate onSubmit={submit}>
            <TextField
              id="security-key-name"
              label={t('securityKeys.nameLabel')}
              hint={t('securityKeys.nameHint')}
              error={fieldError}
              widthClass="input-width-l"
              name="nickname"
              autoComplete="off"
              maxLength={100}
              required
              value={nickname}
              onChange={(event) => setNickname(event.target.value)}
            />
            <TextField
              id="security-key-code"
              label={t('securityKeys.codeLabel')}
              hint={t('securityKeys.codeHint')}
              error={codeError}
              widthClass="input-width-xs"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            <p role="status" className={add.isPending ? undefined : 'sr-only'}>
              {add.isPending ? t('securityKeys.touchKey') : ''}
            </p>
            <button type="submit" className="button button-primary" disabled={add.isPending}>
              {t('securityKeys.add')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
