import { findCaseAccesses } from '../../access/case-abilities.ts';
import { userMaySeeRecord } from '../../access/minutes-access.ts';
import { dated, type Loader } from '../tasks/items.ts';
import { openTasksOf } from './queries-minutes-tasks.ts';

/** "Mine opgaver": the caller's open tasks from meetings, by deadline (records they still see). */
export const meetingTaskList: Loader = async ({ db, user }, _now, today) => {
  const rows = await openTasksOf(db, user);
  const cases = await findCaseAccesses(
    db,
    user,
    rows.flatMap((r) => (r.case_id ? [r.case_id] : [])),
  );
  const visible = [];
  for (const r of rows) {
    if (r.case_id && !cases.has(r.case_id)) continue;
    if (
      r.inquiry_id &&
      !(await userMaySeeRecord(db, user, { caseId: null, inquiryId: r.inquiry_id }))
    ) {
      continue;
    }
    visible.push(r);
  }
  return visible.map((r) =>
    dated('meeting_task', r.id, r.due_on, today, {
      caseId: r.case_id,
      caseReference: r.case_reference,
      inquiryId: r.inquiry_id,
      inquiryReference: r.inquiry_reference,
      meetingId: r.meeting_id,
    }),
  );
};
