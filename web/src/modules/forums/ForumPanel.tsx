import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CandidateQuery, UpdateForumBody } from '../../../../server/modules/forums/schema.ts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { Form, MutationFailure, TextInput, useZodForm } from '../../ui/form';
import {
  addMember,
  removeMember,
  renameForum,
  useCandidates,
  useForum,
  useForumChanged,
  type ForumDetail,
} from './forumsApi';
import { ScrollTable } from '../../ui/Table';
import { ArchiveForum, ForumKindFields, ForumKindNote } from './ForumKindFields';

import { ForumNextMeetings } from '../meetings/ForumNextMeetings';
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

  return (
    <QueryState
      query={forum}
      loading={t('forums.detail.loading')}
      loadError={t('forums.detail.loadError')}
    >
      {(data) => (
        <section aria-labelledby={`forum-${id}`} className="forum-panel">
          <h2 id={`forum-${id}`} ref={headingRef} tabIndex={-1}>
            {data.name}
          </h2>
          <ForumKindNote forum={data} />
          <p>
            {data.memberCount === 1
              ? t('forums.detail.memberCountOne')
              : t('forums.detail.memberCountMany', { count: data.memberCount })}
          </p>
          <ForumNextMeetings forumId={data.id} mayManage={data.mayManage} />
          <Members forum={data} />
          {data.mayManage && (
            <>
              <AddMember forum={data} />
              {/* A new version (after saving or reloading) starts the form from the stored name. */}
              <RenameForum key={data.version} forum={data} reload={() => void forum.refetch()} />
              <ArchiveForum key={`archive-${data.version}`} forum={data} />
            </>
          )}
          <p className="mt-6">
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('forums.detail.close')}
            </button>
          </p>
        </section>
      )}
    </QueryState>
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
      {removed && <SuccessMessage>{t('forums.members.removed', { name: removed })}</SuccessMessage>}
      {mutation.error ? (
        <ErrorAlert title={t('forums.members.removeFailedTitle')} error={mutation.error} />
      ) : null}
      {forum.members.length === 0 ? (
        <p>{t('forums.members.empty')}</p>
      ) : (
        <ScrollTable label={t('forums.members.caption', { name: forum.name })}>
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
                      <PersonButton
                        label={t('forums.members.remove')}
                        name={member.displayName}
                        disabled={mutation.isPending}
                        onClick={() => {
                          setRemoved(null);
                          mutation.mutate(member);
                        }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

/** The search for staff to add, checked with the candidate query's schema. */
const Search = CandidateQuery.pick({ q: true });

function AddMember({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const resultsId = useId();
  const changed = useForumChanged();
  const form = useZodForm(Search, { defaultValues: { q: undefined } });
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
  const search = (values: z.output<typeof Search>) => {
    setAdded(null);
    mutation.reset();
    setQ(values.q ?? '');
  };

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('forums.add.heading')}</h3>
      <p>{t('forums.add.intro')}</p>
      {added && <SuccessMessage>{t('forums.add.added', { name: added })}</SuccessMessage>}
      {mutation.error ? (
        <ErrorAlert title={t('forums.add.failedTitle')} error={mutation.error} />
      ) : null}
      <Form
        id={`forum-candidate-${forum.id}`}
        form={form}
        role="search"
        className="forum-search"
        summary={false}
        onSubmit={search}
      >
        <TextInput
          name="q"
          label={t('forums.add.search')}
          hint={t('forums.add.searchHint')}
          empty="undefined"
          widthClass="input-width-m"
          type="search"
          autoComplete="off"
        />
        <button type="submit" className="button button-secondary">
          {t('forums.add.submitSearch')}
        </button>
      </Form>
      <QueryState
        query={candidates}
        loading={t('forums.add.loading')}
        loadError={t('forums.add.loadError')}
      >
        {(items) =>
          items.length === 0 ? (
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
                    <PersonButton
                      label={t('forums.add.add')}
                      name={candidate.displayName}
                      disabled={mutation.isPending}
                      onClick={() => {
                        setAdded(null);
                        mutation.mutate(candidate);
                      }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** The rename form holds the name; the version it renames is the forum's. */
/** The forum's name, kind and cadence, changed together (archiving: ArchiveForum). */
const ForumValues = UpdateForumBody.pick({ name: true, kind: true, cadence: true }).required();
type ForumValues = z.output<typeof ForumValues>;

function RenameForum({ forum, reload }: { forum: ForumDetail; reload: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useForumChanged();
  const form = useZodForm(ForumValues, {
    defaultValues: { name: forum.name, kind: forum.kind, cadence: forum.cadence },
  });
  const [renamed, setRenamed] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (values: ForumValues) =>
      renameForum(forum.id, { ...values, version: forum.version }),
    onSuccess: async (result) => {
      setRenamed(result.name);
      await changed(result);
    },
  });

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('forums.rename.heading')}</h3>
      {renamed && <SuccessMessage>{t('forums.rename.renamed', { name: renamed })}</SuccessMessage>}
      <MutationFailure
        mutations={mutation}
        title={t('forums.rename.staleTitle')}
        text={t('forums.rename.staleText')}
        reloadLabel={t('forums.rename.reload')}
        headingLevel="h4"
        onReload={reload}
      />
      <Form
        id={`forum-rename-${forum.id}`}
        form={form}
        onSubmit={(body) => {
          setRenamed(null);
          return mutation.mutateAsync(body);
        }}
        error={mutation.error}
        errorTitle={t('forums.rename.failedTitle')}
      >
        <TextInput
          name="name"
          label={t('forums.rename.name')}
          widthClass="input-width-l"
          autoComplete="off"
          required
        />
        <ForumKindFields />
        <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
          {mutation.isPending ? t('forums.rename.submitting') : t('forums.rename.submit')}
        </button>
      </Form>
    </section>
  );
}

/** A small button that acts on one person (remove a member, add a candidate), named for screen readers. */
function PersonButton({
  label,
  name,
  disabled,
  onClick,
}: {
  label: string;
  name: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      disabled={disabled}
      onClick={onClick}
    >
      {label}
      <span className="sr-only"> {name}</span>
    </button>
  );
}
