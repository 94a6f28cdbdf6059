import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { createCase, createPerson, fieldsOf } from '../../test/records.ts';
import { pdfText } from '../../test/pdf-text.ts';
import {
  caller,
  ids,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
  view,
} from './minutes.fixtures.ts';

/**
 * The compartment inside the minutes (review finding 5): a writer of the minutes who is not in the
 * case's compartment can neither overwrite the item's text they cannot see nor read the words of
 * a task on that item (page, PDF); the task's chronology event is the compartment's.
 */
useMinutesFixtures();

const SECRET = 'Drøftede bekymringen om den ekstreme gruppe';

/** A case where the chair is a coordinator (compartment) and the note-taker only a member. */
async function splitCase() {
  const db = t.database.db;
  const person = await createPerson(db, { givenName: 'Ida', familyName: 'Rummet' });
  return createCase(db, {
    persons: [{ id: person.id }],
    members: [
      { userId: ids('chair'), role: 'coordinator' },
      { userId: ids('noteTaker'), role: 'member' },
    ],
  });
}

describe(`the compartment in the minutes (${testEngine})`, () => {
  it('refuses a text-hidden item to the writer and hides task words on it, page and PDF', async () => {
    const c = await splitCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    const itemId = itemIds[0] as string;
    let version = await start(meetingId);
    const written = await caller('chair').put(
      `/api/meetings/${meetingId}/minutes/items/${itemId}`,
      {
        version,
        assessed: SECRET,
        decision: null,
      },
    );
    expect(written.statusCode, written.body).toBe(200);
    version = (written.json() as { version: number }).version;

    const blind = await caller('noteTaker').put(
      `/api/meetings/${meetingId}/minutes/items/${itemId}`,
      { version, assessed: 'Overskrevet', decision: null },
      { 'accept-language': 'da' },
    );
    expect(blind.statusCode).toBe(403);
    expect(fieldsOf(blind)).toEqual(['params.itemId:minutes_text_hidden']);
    expect(blind.body).toContain('selve bekymringen');
    const kept = await t.database.db
      .selectFrom('meeting_minutes_items')
      .select('assessed')
      .where('agenda_item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(kept.assessed).toBe(SECRET);

    const task = await caller('chair').post(`/api/meetings/${meetingId}/minutes/tasks`, {
      id: randomUUID(),
      version,
      agendaItemId: itemId,
      description: SECRET,
      responsibleUserId: ids('chair'),
      dueOn: addDays(danishToday(new Date()), 7),
    });
    expect(task.statusCode, task.body).toBe(200);

    expect((await view(meetingId, 'chair')).tasks[0]?.description).toBe(SECRET);
    const hidden = await view(meetingId, 'noteTaker');
    expect(hidden.tasks).toHaveLength(1);
    expect(hidden.tasks[0]?.description).toBeNull();
    const pdf = await caller('noteTaker').get(`/api/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).not.toContain('ekstreme gruppe');

    const event = await t.database.db
      .selectFrom('case_events')
      .select('compartment')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'meeting_task_created')
      .executeTakeFirstOrThrow();
    expect(event.compartment).toBe(true);
  });
});
