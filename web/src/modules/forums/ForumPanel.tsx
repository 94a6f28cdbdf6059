import { isStale } from '../../app/api';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError, fieldErrors, type FormField } from '../../ui/FormError';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/TextField';
import {
  addMember,
  removeMember,
  renameForum,
  useCandidates,
  useForum,
  useForumChanged,
  type ForumDetail,
} from './forumsApi';

/** One forum: its members, and for those who manage it, renaming and changing the members. */
export function ForumPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const forum = useForum(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = forum.isSuccess;
  // Keyboard and screen reader users start at the forum they opened.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (forum.isPending) return <Loading label={t('forums.detail.loading')} />;
  if (forum.isError) {
    return (
      <ErrorAlert
        title={t('forums.detail.loadError')}
        error={forum.error}
        onRetry={() => void forum.refetch()}
      />
    );
  }
  const data = forum.data;
  return (
    <section aria-labelledby={`forum-${id}`} className="forum-panel">
      <h2 id={`forum-${id}`} ref={headingRef} tabIndex={-1}>
        {data.name}
      </h2>
      <p>
        {data.memberCount === 1
          ? t('forums.detail.memberCountOne')
          : t('forums.detail.memberCountMany', { count: data.memberCount })}
      </p>
      <Members forum={data} />
      {data.mayManage && (
        <>
          <AddMember forum={data} />
          {/* A new version (after saving or reloading) starts the form from the stored name. */}
          <RenameForum key={data.version} forum={data} reload={() => void forum.refetch()} />
        </>
      )}
      <p className="mt-6">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('forums.detail.close')}
        </button>
      </p>
    </section>
  );
}

function Notice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="alert alert-success" role="status">
      <div className="alert-body">
        <p className="alert-text">{text}</p>
      </div>
    </div>
  );
}

function Members({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const changed = useForumChanged();
  const [removed, setRemoved] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (member: { userId: string; displayName: string }) =>
      removeMember(forum.id, member.userId),
    onSuccess: async (result, member) => {
      setRemoved(member.displayName);
      await changed(result);
    },
  });

  return (
    <>
      <Notice text={removed && t('forums.members.removed', { name: removed })} />
      {mutation.error ? (
        <ErrorAlert title={t('forums.members.removeFailedTitle')} error={mutation.error} />
      ) : null}
      {forum.members.length === 0 ? (
        <p>{t('forums.members.empty')}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact">
            <caption>{t('forums.members.caption', { name: forum.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forums.members.nameColumn')}</th>
                <th scope="col">{t('forums.members.rolesColumn')}</th>
                <th scope="col">{t('forums.members.unitColumn')}</th>
                {forum.mayManage && <th scope="col">{t('forums.members.actionsColumn')}</th>}
              </tr>
            </thead>
            <tbody>
              {forum.members.map((member) => (
                <tr key={member.userId}>
                  <th scope="row">{member.displayName}</th>
                  <td>{member.roles.map((role) => t(`admin.roles.${role}`)).join(', ')}</td>
                  <td>{member.unitName ?? '–'}</td>
                  {forum.mayManage && (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={mutation.isPending}
                        onClick={() => {
                          setRemoved(null);
                          mutation.mutate(member);
                        }}
                      >
                        {t('forums.members.remove')}
                        <span className="sr-only"> {member.displayName}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function AddMember({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const resultsId = useId();
  const changed = useForumChanged();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const candidates = useCandidates(forum.id, q);
  const mutation = useMutation({
    mutationFn: (candidate: { id: string; displayName: string }) =>
      addMember(forum.id, candidate.id),
    onSuccess: async (result, candidate) => {
      setAdded(candidate.displayName);
      await changed(result);
    },
  });
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(null);
    mutation.reset();
    setQ(draft.trim());
  };
  const items = candidates.data ?? [];

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('forums.add.heading')}</h3>
      <p>{t('forums.add.intro')}</p>
      <Notice text={added && t('forums.add.added', { name: added })} />
      {mutation.error ? (
        <ErrorAlert title={t('forums.add.failedTitle')} error={mutation.error} />
      ) : null}
      <form role="search" className="forum-search" onSubmit={search}>
        <TextField
          id={`forum-candidate-q-${forum.id}`}
          label={t('forums.add.search')}
          hint={t('forums.add.searchHint')}
          widthClass="input-width-m"
          type="search"
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button-secondary">
          {t('forums.add.submitSearch')}
        </button>
      </form>
      {candidates.isPending ? (
        <Loading label={t('forums.add.loading')} />
      ) : candidates.isError ? (
        <ErrorAlert
          title={t('forums.add.loadError')}
          error={candidates.error}
          onRetry={() => void candidates.refetch()}
        />
      ) : items.length === 0 ? (
        <p role="status">{t('forums.add.noCandidates')}</p>
      ) : (
        <>
          <h4 id={resultsId} className="sr-only">
            {t('forums.add.resultsLabel')}
          </h4>
          <ul className="nobullet-list forum-candidates" aria-labelledby={resultsId}>
            {items.map((candidate) => (
              <li key={candidate.id}>
                <span>
                  <strong>{candidate.displayName}</strong>
                  {' – '}
                  {candidate.roles.map((role) => t(`admin.roles.${role}`)).join(', ')}
                </span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={mutation.isPending}
                  onClick={() => {
                    setAdded(null);
                    mutation.mutate(candidate);
                  }}
                >
                  {t('forums.add.add')}
                  <span className="sr-only"> {candidate.displayName}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RenameForum({ forum, reload }: { forum: ForumDetail; reload: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useForumChanged();
  const [name, setName] = useState(forum.name);
  const [renamed, setRenamed] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => renameForum(forum.id, { name, version: forum.version }),
    onSuccess: async (result) => {
      setRenamed(result.name);
      await changed(result);
    },
  });
  const inputId = `forum-rename-${forum.id}`;
  const fields: FormField[] = [{ name: 'body.name', id: inputId, label: t('forums.rename.name') }];
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRenamed(null);
    if (!mutation.isPending) mutation.mutate();
  };

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('forums.rename.heading')}</h3>
      <Notice text={renamed && t('forums.rename.renamed', { name: renamed })} />
      {isStale(mutation.error) ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <h4 className="alert-heading">{t('forums.rename.staleTitle')}</h4>
            <p className="alert-text">{t('forums.rename.staleText')}</p>
            <button type="button" className="button button-secondary mt-4" onClick={reload}>
              {t('forums.rename.reload')}
            </button>
          </div>
        </div>
      ) : (
        <FormError error={mutation.error} fields={fields} title={t('forums.rename.failedTitle')} />
      )}
      <form noValidate onSubmit={submit}>
        <TextField
          id={inputId}
          label={t('forums.rename.name')}
          error={errors['body.name']}
          widthClass="input-width-l"
          autoComplete="off"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('forums.rename.submitting') : t('forums.rename.submit')}
        </button>
      </form>
    </section>
  );
}
