import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CompactTable } from '../../ui/Table';
import { formatDate, formatDateTime } from '../cases/format';
import { taskLink, type Task } from './tasksApi';

/** Kinds whose moment is when they started waiting (approvals), not a deadline. */
const WAITING: ReadonlySet<Task['kind']> = new Set(['plan_approval', 'closure_approval']);

/**
 * Tasks as a table (what, when, where), each a link to where it is done: "Mine opgaver" and the
 * start page's work list show the same rows. References only: the table names no one.
 */
export function TaskTable({ caption, tasks }: { caption: string; tasks: Task[] }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      className="case-table"
      caption={caption}
      columns={[t('tasks.columns.task'), t('tasks.columns.due'), t('tasks.columns.reference')]}
    >
      {tasks.map((task) => (
        <TaskRow key={`${task.kind}:${task.id}`} task={task} />
      ))}
    </CompactTable>
  );
}

function TaskRow({ task }: { task: Task }) {
  const { t } = useTranslation();
  const link = taskLink(task);
  const reference = task.caseReference ?? task.inquiryReference ?? task.areaName ?? '';
  // An area round's task names its area (a place, not a citizen).
  const kind = t(`tasks.kinds.${task.kind}`, { area: task.areaName ?? '' });
  const due = task.dueOn
    ? formatDate(task.dueOn)
    : task.dueAt
      ? WAITING.has(task.kind)
        ? t('tasks.waitingSince', { time: formatDateTime(task.dueAt) })
        : formatDateTime(task.dueAt)
      : '–';
  return (
    <tr>
      <td>
        {link ? (
          <Link to={link}>
            {kind}
            <span className="sr-only"> {t('tasks.in', { reference })}</span>
          </Link>
        ) : (
          kind
        )}
      </td>
      <td>
        {due}{' '}
        {task.overdue && (
          <span className="badge badge-warning case-badge">{t('tasks.overdue')}</span>
        )}
      </td>
      <td>{reference}</td>
    </tr>
  );
}
