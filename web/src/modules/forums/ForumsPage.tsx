import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CreateForumBody } from '../../../../server/modules/forums/schema.ts';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { SuccessMessage } from '../../ui/SuccessMessage';
import { Form, TextInput, useZodForm } from '../../ui/form';
import { ForumPanel } from './ForumPanel';
import { ForumKindFields } from './ForumKindFields';
import { createForum, useForumChanged, useForumList, type Forum } from './forumsApi';
import './forums.css';
import { CompactTable } from '../../ui/Table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Møder og fora": the forums of the user's municipality (police staff: of their district) with
 * their members. Those with `forums.manage` create and rename forums and change the members.
 * The chosen forum's id is in the address (`?forum=<id>`), never its name.
 */
export function ForumsPage() {
  const { t } = useTranslation();
  const title = t('nav.meetings');
  usePageTitle(title);
  const mayManage = useSession().data?.abilities?.forums.manage ?? false;
  const [searchParams, setSearchParams] = useSearchParams();
  const forumParam = searchParams.get('forum');
  const selected = forumParam && UUID.test(forumParam) ? forumParam : null;
  // The forum just created: its notice shows while it is the one opened.
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead">{t('forums.intro')}</p>
      <p>
        <Link to="/moeder">{t('meetings.back')}</Link>
      </p>

      {created && created.id === selected && (
        <SuccessMessage>{t('forums.create.created', { name: created.name })}</SuccessMessage>
      )}
      {selected && <ForumPanel key={selected} id={selected} onClose={() => setSearchParams({})} />}
      <ForumList selected={selected} />
      {mayManage && (
        <CreateForum
          onCreated={(forum) => {
            setSearchParams({ forum: forum.id });
            setCreated({ id: forum.id, name: forum.name });
          }}
        />
      )}
    </>
  );
}

function ForumList({ selected }: { selected: string | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const forums = useForumList();
  const items = forums.data ?? [];
  const severalMunicipalities = new Set(items.map((f) => f.municipalityCode)).size > 1;

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{t('forums.list.heading')}</h2>
      <QueryState
        query={forums}
        loading={t('forums.list.loading')}
        loadError={t('forums.list.loadError')}
      >
        {() =>
          items.length === 0 ? (
            <p>{t('forums.list.empty')}</p>
          ) : (
            <CompactTable
              caption={t('forums.list.caption')}
              columns={[
                t('forums.list.nameColumn'),
                t('forums.list.kindColumn'),
                ...(severalMunicipalities ? [t('forums.list.municipalityColumn')] : []),
                t('forums.list.membersColumn'),
                t('forums.list.youColumn'),
              ]}
            >
              {items.map((forum) => (
                <ForumRow
                  key={forum.id}
                  forum={forum}
                  current={forum.id === selected}
                  showMunicipality={severalMunicipalities}
                />
              ))}
            </CompactTable>
          )
        }
      </QueryState>
    </section>
  );
}

function ForumRow({
  forum,
  current,
  showMunicipality,
}: {
  forum: Forum;
  current: boolean;
  showMunicipality: boolean;
}) {
  const { t } = useTranslation();
  const mayOpen = forum.isMember || forum.mayManage;
  return (
    <tr>
      <th scope="row">
        {mayOpen ? (
          <Link to={`?forum=${forum.id}`} aria-current={current ? 'true' : undefined}>
            {forum.name}
          </Link>
        ) : (
          forum.name
        )}
      </th>
      <td>
        {t(`forums.kinds.${forum.kind}`)}
        {forum.cadence && `, ${t(`forums.cadences.${forum.cadence}`).toLowerCase()}`}
        {forum.archivedAt && ` (${t('forums.list.archived')})`}
        {!forum.archivedAt && !forum.usedInModel && ` (${t('forums.list.unused')})`}
      </td>
      {showMunicipality && <td>{forum.municipalityCode}</td>}
      <td>{forum.memberCount}</td>
      <td>{forum.isMember ? t('forums.list.member') : t('forums.list.notMember')}</td>
    </tr>
  );
}

function CreateForum({ onCreated }: { onCreated: (forum: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const changed = useForumChanged();
  const form = useZodForm(CreateForumBody, {
    defaultValues: { name: '', kind: 'forum', cadence: null },
  });
  const mutation = useMutation({
    mutationFn: createForum,
    onSuccess: async (forum) => {
      form.reset();
      onCreated(forum);
      await changed(forum);
    },
  });

  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId}>{t('forums.create.heading')}</h2>
      <Form
        id="forum-create"
        form={form}
        onSubmit={(body) => mutation.mutateAsync(body)}
        error={mutation.error}
        errorTitle={t('forums.create.failedTitle')}
      >
        <TextInput
          name="name"
          label={t('forums.create.name')}
          hint={t('forums.create.nameHint')}
          widthClass="input-width-l"
          autoComplete="off"
          required
        />
        <ForumKindFields />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('forums.create.submitting') : t('forums.create.submit')}
        </button>
      </Form>
    </section>
  );
}
