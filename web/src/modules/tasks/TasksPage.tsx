import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { FilterSelect } from '../../ui/FilterSelect';
import { PageHeading } from '../../ui/PageHeading';
import { QueryState } from '../../ui/QueryState';
import { TASK_KINDS, isTaskKind, useTasks, type Task } from './tasksApi';
import { TaskTable } from './TaskTable';

const SOON_DAYS = 14;

/** A calendar date in Denmark (YYYY-MM-DD). */
function danishDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(at);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Group = 'overdue' | 'soon' | 'later';
const GROUPS: readonly Group[] = ['overdue', 'soon', 'later'];

function groupOf(task: Task, soonUntil: string): Group {
  if (task.overdue) return 'overdue';
  const day = task.dueOn ?? (task.dueAt ? danishDate(new Date(task.dueAt)) : soonUntil);
  return day <= soonUntil ? 'soon' : 'later';
}

/**
 * "Mine opgaver" (/opgaver): what the user has to do next across their cases and inquiries —
 * follow-ups, goals they are responsible for, renewed offers, re-reviews, approvals waiting and
 * inquiry deadlines — grouped as overdue, the next 14 days and later, each a link to where it is
 * done. The list names no one: references only.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const title = t('tasks.title');
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const requested = params.get('type');
  const kind = isTaskKind(requested) ? requested : null;
  const tasks = useTasks(kind);
  const soonUntil = addDays(danishDate(new Date()), SOON_DAYS);

  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="font-lead">{t('tasks.intro')}</p>
      <div className="case-filter">
        <FilterSelect
          label={t('tasks.filter.label')}
          value={kind ?? ''}
          all={t('tasks.filter.all')}
          options={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))}
          onChange={(next) => setParams(next ? { type: next } : {}, { replace: true })}
        />
      </div>
      <QueryState query={tasks} loading={t('tasks.loading')} loadError={t('tasks.loadError')}>
        {() =>
          items.length === 0 ? (
            <p role="status">{kind ? t('tasks.emptyKind') : t('tasks.empty')}</p>
          ) : (
            <>
              <p role="status">
                {items.length === 1
                  ? t('tasks.countOne')
                  : t('tasks.countMany', { count: items.length })}
              </p>
              {GROUPS.map((group) => (
                <TaskGroup
                  key={group}
                  group={group}
                  tasks={items.filter((task) => groupOf(task, soonUntil) === group)}
                />
              ))}
              {tasks.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary mt-4"
                  disabled={tasks.isFetchingNextPage}
                  onClick={() => void tasks.fetchNextPage()}
                >
                  {t('tasks.more')}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}

function TaskGroup({ group, tasks }: { group: Group; tasks: Task[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>
        {t(`tasks.groups.${group}`)} ({tasks.length})
      </h2>
      <TaskTable caption={t(`tasks.groups.${group}`)} tasks={tasks} />
    </section>
  );
}
