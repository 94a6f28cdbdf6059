import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORUM_KINDS, MEETING_CADENCES } from '../../../../shared/organisation-model.ts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Select, SuccessMessage } from '../../ui/form';
import { renameForum, useForumChanged, type Forum, type ForumDetail } from './forumsApi';

/**
 * A forum's kind and cadence (issue 14): the two fields of the create and change forms, the note
 * on a forum the municipality's organisation model does not use or that is archived, and
 * archiving (a forum is archived, never deleted: its meetings and history stay).
 */
export function ForumKindFields() {
  const { t } = useTranslation();
  return (
    <>
      <Select name="kind" label={t('forums.kind.label')} hint={t('forums.kind.hint')}>
        {FORUM_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`forums.kinds.${kind}`)}
          </option>
        ))}
      </Select>
      <Select
        name="cadence"
        label={t('forums.cadence.label')}
        hint={t('forums.cadence.hint')}
        empty="null"
      >
        <option value="">{t('forums.cadence.whenNeeded')}</option>
        {MEETING_CADENCES.map((cadence) => (
          <option key={cadence} value={cadence}>
            {t(`forums.cadences.${cadence}`)}
          </option>
        ))}
      </Select>
    </>
  );
}

/** What sort of forum it is, how often it meets, and whether it is archived or unused. */
export function ForumKindNote({ forum }: { forum: Forum }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {t(`forums.kinds.${forum.kind}`)} ·{' '}
        {forum.cadence ? t(`forums.cadences.${forum.cadence}`) : t('forums.cadence.whenNeeded')}
      </p>
      {forum.archivedAt && <p className="forum-archived">{t('forums.archive.isArchived')}</p>}
      {!forum.usedInModel && (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">
              {t('forums.kind.unused', { model: forum.organisationModel })}
            </p>
          </div>
        </div>
      )}
    </>
  );
}

/** Archive the forum, or take it back into use. */
export function ArchiveForum({ forum }: { forum: ForumDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useForumChanged();
  const [done, setDone] = useState(false);
  const archived = forum.archivedAt !== null;
  const mutation = useMutation({
    mutationFn: () => renameForum(forum.id, { version: forum.version, archived: !archived }),
    onSuccess: async (result) => {
      setDone(true);
      await changed(result);
    },
  });
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h3 id={headingId}>{t('forums.archive.heading')}</h3>
      {done && (
        <SuccessMessage>
          {archived ? t('forums.archive.archived') : t('forums.archive.restored')}
        </SuccessMessage>
      )}
      {mutation.error ? (
        <ErrorAlert title={t('forums.archive.failedTitle')} error={mutation.error} />
      ) : null}
      <p>{archived ? t('forums.archive.restoreHint') : t('forums.archive.hint')}</p>
      <button
        type="button"
        className="button button-secondary"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        {archived ? t('forums.archive.restore') : t('forums.archive.archive')}
      </button>
    </section>
  );
}
