import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createCase } from '../../test/records.ts';
import { runFollowUpJob } from './job.ts';
import { t, coordinator, member, person, useFollowUpsFixtures } from './follow-ups.fixtures.ts';

useFollowUpsFixtures();

describe(`overdue follow-up job (${testEngine})`, () => {
  it('warns the coordinators once, only after the Danish due date, never for a case on hold', async () => {
    const db = t.database.db;
    const active = await createCase(db, {
      persons: [{ id: person.id }],
      members: [
        { userId: coordinator.id, role: 'coordinator' },
        { userId: member.id, role: 'member' },
      ],
    });
    const onHold = await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await db
      .updateTable('cases')
      .set({ status: 'on_hold', on_hold_reason: 'Kontakten er mistet' })
      .where('id', '=', onHold.id)
      .execute();
    const due = await db
      .insertInto('case_follow_ups')
      .values({ case_id: active.id, due_on: '2030-05-10' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const paused = await db
      .insertInto('case_follow_ups')
      .values({ case_id: onHold.id, due_on: '2030-05-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notices = (caseId: string) =>
      db
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'details'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'follow_up_overdue')
        .execute();

    // 23:59 Danish time on the due date: not overdue yet.
    await runFollowUpJob(db, new Date('2030-05-10T21:59:00Z'));
    expect(await notices(active.id)).toEqual([]);
    // 00:30 Danish time the day after: overdue, the coordinator (only) is told.
    expect(await runFollowUpJob(db, new Date('2030-05-10T22:30:00Z'))).toBe(1);
    const sent = await notices(active.id);
    expect(sent).toEqual([
      { user_id: coordinator.id, kind: 'follow_up_overdue', details: { followUpId: due.id } },
    ]);
    // Never twice.
    expect(await runFollowUpJob(db, new Date('2030-05-12T10:00:00Z'))).toBe(0);
    expect(await notices(active.id)).toHaveLength(1);
    // The case on hold is not chased.
    expect(await notices(onHold.id)).toEqual([]);
    const row = await db
      .selectFrom('case_follow_ups')
      .select('notified_at')
      .where('id', '=', paused.id)
      .executeTakeFirstOrThrow();
    expect(row.notified_at).toBeNull();
  });
});
