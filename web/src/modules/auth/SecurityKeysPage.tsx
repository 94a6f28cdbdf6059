import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  NewSecurityKeyBody,
  RegistrationOptionsBody,
} from '../../../../server/modules/auth/webauthn-schema.ts';
import { currentLanguage } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Icon } from '../../ui/Icon';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { Form, TextInput, useZodForm } from '../../ui/form';
import { withoutSpaces } from './authApi';
import { SecurityKeyError } from './SecurityKeyError';
import {
  SECURITY_KEYS_QUERY_KEY,
  addSecurityKey,
  fetchSecurityKeys,
  removeSecurityKey,
  type SecurityKey,
} from './securityKeysApi';
import { ScrollTable } from '../../ui/Table';

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
      <QueryState
        query={keys}
        loading={t('securityKeys.loading')}
        loadError={t('securityKeys.loadFailedTitle')}
      >
        {(data) =>
          data.securityKeys.length === 0 ? (
            <p>{t('securityKeys.none')}</p>
          ) : (
            <KeyTable
              keys={data.securityKeys}
              removing={remove.isPending ? remove.variables.id : null}
              onRemove={(key) => remove.mutate(key)}
            />
          )
        }
      </QueryState>

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
    <ScrollTable label={t('securityKeys.caption')}>
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
    </ScrollTable>
  );
}

/** The key's name and a code from the app, checked with the server's schemas. */
const NewKey = z
  .object({
    nickname: NewSecurityKeyBody.shape.nickname,
    code: z.string().transform(withoutSpaces).pipe(RegistrationOptionsBody.shape.code),
  })
  .strict();

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
  const form = useZodForm(NewKey, {
    defaultValues: { nickname: '', code: '' },
    messages: { nickname: { required: 'securityKeys.nameRequired' } },
  });
  const add = useMutation({
    mutationFn: (input: z.output<typeof NewKey>) => addSecurityKey(input.nickname, input.code),
    onSuccess: async (key) => {
      form.reset();
      await onAdded(key);
    },
    // A code is used up once checked, right or wrong: ask for the next one.
    onError: () => form.setValue('code', ''),
  });
  const supported = browserSupportsWebAuthn();

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
          <Form
            id="security-key"
            form={form}
            summary={false}
            className="login-form"
            onSubmit={(input) => {
              onStart();
              return add.mutateAsync(input);
            }}
          >
            <TextInput
              name="nickname"
              id="security-key-name"
              label={t('securityKeys.nameLabel')}
              hint={t('securityKeys.nameHint')}
              widthClass="input-width-l"
              autoComplete="off"
              maxLength={100}
              required
            />
            <TextInput
              name="code"
              label={t('securityKeys.codeLabel')}
              hint={t('securityKeys.codeHint')}
              widthClass="input-width-xs"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
            />
            <p role="status" className={add.isPending ? undefined : 'sr-only'}>
              {add.isPending ? t('securityKeys.touchKey') : ''}
            </p>
            <button type="submit" className="button button-primary" disabled={add.isPending}>
              {t('securityKeys.add')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
