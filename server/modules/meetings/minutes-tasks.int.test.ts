import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { fieldsOf } from '../../test/records.ts';
import { pdfText } from '../../test/pdf-text.ts';
import {
  caller,
  eventKinds,
  forumCase,
  ids,
  inviteGuest,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
  view,
} from './minutes.fixtures.ts';

/**
 * Tasks from the minutes (issue 14 part 4) and need-to-know inside them (part 5): a task goes
 * only to someone who may see its record, lands in the record's chronology and the responsible
 * person's "Mine opgaver", and can be marked done; a guest sees only their item; every view of a
 * record's item is audited with the meeting as the purpose.
 */
useMinutesFixtures();

interface TaskList {
  items: { id: string; kind: string; caseId: string | null; meetingId?: string | null }[];
}
const meetingTasksOf = async (who: string) =>
  ((await caller(who).get('/api/tasks?kind=meeting_task')).json() as TaskList).items;

describe(`tasks and need-to-know in the minutes (${testEngine})`, () => {
  it('gives a task to a member of the case, in her tasks and the chronology, until done', async () => {
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'follow_up', caseId: c.id }]);
    const version = await start(meetingId);
    const task = (responsible: string, v: number) =>
      caller('noteTaker').post(
        `/api/meetings/${meetingId}/minutes/tasks`,
        {
          id: randomUUID(),
          version: v,
          agendaItemId: itemIds[0],
          description: 'Kontakt skolen om fremmødet',
          responsibleUserId: ids(responsible),
          dueOn: addDays(danishToday(new Date()), 7),
        },
        { 'accept-language': 'da' },
      );
    const refused = await task('outsider', version);
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual([
      'body.responsibleUserId:minutes_task_responsible_may_not_see',
    ]);
    expect(await meetingTasksOf('outsider')).toEqual([]);

    const made = await task('member', version);
    expect(made.statusCode, made.body).toBe(200);
    const mine = await meetingTasksOf('member');
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'meeting_task', caseId: c.id, meetingId }),
    ]);
    expect(await eventKinds(c.id)).toContain('meeting_task_created');

    const listed = (await view(meetingId)).tasks[0];
    expect(listed?.description).toBe('Kontakt skolen om fremmødet');
    const done = await caller('member').post(
      `/api/meetings/${meetingId}/minutes/tasks/${listed?.id}/done`,
      { version: listed?.version },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(await meetingTasksOf('member')).toEqual([]);
    // Someone else's task is not there to be marked.
    const other = await caller('outsider').post(
      `/api/meetings/${meetingId}/minutes/tasks/${listed?.id}/done`,
      { version: 2 },
    );
    expect(other.statusCode).toBe(404);
  });

  it('shows a guest only their item and audits each record item viewed, with the meeting as purpose', async () => {
    const seen = await forumCase();
    const unseen = await forumCase();
    await t.database.db
      .deleteFrom('case_members')
      .where('case_id', '=', unseen.id)
      .where('user_id', '=', ids('guest'))
      .execute();
    const { meetingId, itemIds } = await meetingWith([
      { kind: 'case', caseId: seen.id },
      { kind: 'case', caseId: unseen.id },
      { kind: 'topic', title: 'Fælles temaer' },
    ]);
    await inviteGuest(meetingId, itemIds[0] as string, 'guest');
    await start(meetingId);

    const res = await caller('guest').get(`/api/meetings/${meetingId}/minutes`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: { agendaItemId: string }[] }).items;
    expect(items.map((i) => i.agendaItemId)).toEqual([itemIds[0]]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'purpose', 'resource_id', 'subject_person_id'])
      .where('request_id', '=', String(res.headers['x-request-id']))
      .execute();
    expect(audit).toEqual([
      {
        action: 'read',
        purpose: 'meeting',
        resource_id: seen.id,
        subject_person_id: seen.personId,
      },
    ]);

    // The PDF holds the same: the guest's item, not the other case's.
    const pdf = await caller('guest').get(`/api/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    const printed = await pdfText(pdf.rawPayload);
    expect(printed).toContain(seen.reference);
    expect(printed).not.toContain(unseen.reference);
    expect(printed).not.toContain('Fælles temaer');

    const chair = await caller('chair').get(`/api/meetings/${meetingId}/minutes`);
    const chairAudit = await t.database.db
      .selectFrom('audit_log')
      .select(['resource_id'])
      .where('request_id', '=', String(chair.headers['x-request-id']))
      .where('purpose', '=', 'meeting')
      .execute();
    expect(chairAudit.map((a) => a.resource_id).sort()).toEqual([seen.id, unseen.id].sort());
  });
});
