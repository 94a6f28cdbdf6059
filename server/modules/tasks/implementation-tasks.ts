import { implementationReviewsDue } from '../implementation/tasks.ts';
import { dated, type Loader } from './items.ts';

/**
 * implementation_item_review: an item of the implementation checklist whose review date has
 * come; implementation_review: the checklist as a whole is due for review (issue 16 part 6).
 * For the municipality's coordinators; the task opens /boligomraader/implementering.
 */
export const implementationTasks: Loader = async ({ db, user }, _now, today) => {
  const due = await implementationReviewsDue(db, user, today);
  return [
    ...due.items.map((i) => dated('implementation_item_review', i.key, i.dueOn, today, {})),
    ...(due.checklist
      ? [dated('implementation_review', due.checklist.id, due.checklist.dueOn, today, {})]
      : []),
  ];
};
