import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../ui/QueryState';
import { TaskTable } from './TaskTable';
import {
  useWorkList,
  type TaskKind,
  type WorkList as List,
  type WorkListSection,
} from './tasksApi';

/** Where "see all" of a section leads: "Mine opgaver" filtered to its kind where it has one. */
const SECTION_KIND: Partial<Record<WorkListSection, TaskKind>> = {
  newInquiries: 'inquiry_triage',
  offers: 'offer_renewal',
};

/** The start page's work list, fetched: what waits for the user, section by section. */
export function WorkList() {
  const { t } = useTranslation();
  const list = useWorkList();
  return (
    <QueryState
      query={list}
      loading={t('tasks.workList.loading')}
      loadError={t('tasks.workList.loadError')}
    >
      {(data) => <WorkListView list={data} />}
    </QueryState>
  );
}

/**
 * The sections that hold something (overdue, due this week, approvals waiting, new inquiries,
 * cases without assessment or plan, offers to renew), each with its count and its first tasks as
 * links; "see all" on "Mine opgaver" when there are more. One sentence when nothing waits.
 */
export function WorkListView({ list }: { list: List }) {
  const { t } = useTranslation();
  const waiting = list.sections.filter((s) => s.count > 0);
  if (waiting.length === 0) return <p role="status">{t('tasks.workList.empty')}</p>;
  return (
    <>
      {waiting.map((s) => (
        <WorkListPart key={s.section} {...s} />
      ))}
    </>
  );
}

function WorkListPart({ section, count, items }: List['sections'][number]) {
  const { t } = useTranslation();
  const headingId = useId();
  const title = t(`tasks.workList.sections.${section}`);
  const kind = SECTION_KIND[section];
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h3 id={headingId}>
        {title} ({count})
      </h3>
      <TaskTable caption={title} tasks={items} />
      {count > items.length && (
        <p>
          <Link to={kind ? `/opgaver?type=${kind}` : '/opgaver'}>
            {t('tasks.workList.more', { count })}
          </Link>
        </p>
      )}
    </section>
  );
}
