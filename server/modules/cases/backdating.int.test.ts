import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createInquiryRow, type ErrorBody } from '../../test/records.ts';
import {
  t,
  theCase,
  citizen,
  coordinator,
  types,
  caller,
  url,
  fieldsOf,
  eventCount,
  interventionRow,
  useCaseInterventionFixtures,
} from '../case-interventions/case-interventions.fixtures.ts';

/**
 * Recording history faithfully (issue 12): interventions, session notes and follow-ups dated
 * before the case was opened (10 January 2025) are stored when the user says why; without a
 * reason, or dated before the concern was received (the inquiry of 1 November 2024), they are
 * refused with a Danish message on the field and nothing is stored; the chronology shows the
 * real date next to when it was recorded and why.
 */
useCaseInterventionFixtures();

const RECEIVED = new Date('2024-11-01T09:00:00Z');

interface Event {
  kind: string;
  occurredAt: string;
  happenedOn: string | null;
  backdateReason: string | null;
}

async function chronology(): Promise<Event[]> {
  const res = await caller('coordinator').get(url('/chronology'));
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Event[] }).items;
}

async function tableCounts() {
  const db = t.database.db;
  const count = async (table: 'case_interventions' | 'intervention_sessions' | 'case_follow_ups') =>
    (await db.selectFrom(table).select('id').execute()).length;
  return {
    interventions: await count('case_interventions'),
    sessions: await count('intervention_sessions'),
    followUps: await count('case_follow_ups'),
    events: await eventCount(),
  };
}

const messageOf = (res: { json(): unknown }, field: string) =>
  (res.json() as ErrorBody).error.fields?.find((f) => f.field === field)?.message;

describe(`back-dated case work (${testEngine})`, () => {
  // The case was opened from an inquiry received before it.
  beforeAll(async () => {
    const inquiry = await createInquiryRow(t.database.db, {
      createdBy: coordinator.id,
      receivedAt: RECEIVED,
      status: 'decided',
    });
    await t.database.db
      .updateTable('inquiries')
      .set({ case_id: theCase.id })
      .where('id', '=', inquiry.id)
      .execute();
  });

  it('refuses an intervention dated before the case without a reason, in Danish, storing nothing', async () => {
    const before = await tableCounts();
    const res = await caller('coordinator').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      startsOn: '2024-12-01',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.backdateReason:backdate_reason_required']);
    expect(messageOf(res, 'body.backdateReason')).toMatch(/før sagen eller henvendelsen/);
    const other = await caller('coordinator').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      startsOn: '2024-12-01',
      backdateReason: 'other',
    });
    expect(fieldsOf(other)).toEqual(['body.backdateNote:backdate_note_required']);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a date before the concern was received, even with a reason: history cannot predate it', async () => {
    const before = await tableCounts();
    const res = await caller('coordinator').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      startsOn: '2024-10-31',
      backdateReason: 'moved_from_paper',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.startsOn:before_concern_received']);
    expect(messageOf(res, 'body.startsOn')).toMatch(/før den dag, henvendelsen/);
    const followUp = await caller('coordinator').post(url('/follow-ups'), {
      heldOn: '2024-10-01',
      concernLevel: 'moderate',
      backdateReason: 'registered_late',
    });
    expect(fieldsOf(followUp)).toEqual(['body.heldOn:before_concern_received']);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a follow-up held in the future, storing nothing', async () => {
    const before = await tableCounts();
    const res = await caller('coordinator').post(url('/follow-ups'), {
      heldOn: '2999-01-01',
      concernLevel: 'moderate',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.heldOn:in_future']);
    expect(await tableCounts()).toEqual(before);
  });

  it('stores a back-dated intervention, session and follow-up with the reason, and the chronology shows both dates', async () => {
    const created = await caller('coordinator').post(url('/interventions'), {
      interventionTypeId: types.mentor,
      personId: citizen.id,
      providerName: 'Mentor fra papirsagen',
      startsOn: '2024-12-01',
      backdateReason: 'moved_from_paper',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const row = await interventionRow(id);
    expect([row.starts_on, row.backdate_reason, row.backdate_note]).toEqual([
      '2024-12-01',
      'moved_from_paper',
      null,
    ]);
    const started = await caller('coordinator').patch(url(`/interventions/${id}`), {
      version,
      status: 'active',
    });
    expect(started.statusCode, started.body).toBe(200);

    const session = await caller('coordinator').post(url(`/interventions/${id}/sessions`), {
      heldOn: '2024-12-15',
      note: 'Første samtale, skrevet af fra papirjournalen.',
      backdateReason: 'other',
      backdateNote: 'Journal fundet i arkivet',
    });
    expect(session.statusCode, session.body).toBe(201);
    const followUp = await caller('coordinator').post(url('/follow-ups'), {
      heldOn: '2025-01-05',
      concernLevel: 'moderate',
      backdateReason: 'registered_late',
    });
    expect(followUp.statusCode, followUp.body).toBe(201);

    const listing = await caller('coordinator').get(url('/interventions'));
    const shown = (
      listing.json() as {
        interventions: {
          id: string;
          backdateReason: string | null;
          sessions: { backdateReason: string | null; backdateNote: string | null }[];
        }[];
      }
    ).interventions.find((i) => i.id === id);
    expect(shown?.backdateReason).toBe('moved_from_paper');
    expect(shown?.sessions[0]).toMatchObject({
      backdateReason: 'other',
      backdateNote: 'Journal fundet i arkivet',
    });
    const followUps = await caller('coordinator').get(url('/follow-ups'));
    expect(
      (followUps.json() as { items: { heldOn: string; backdateReason: string | null }[] }).items,
    ).toContainEqual(
      expect.objectContaining({ heldOn: '2025-01-05', backdateReason: 'registered_late' }),
    );

    const events = await chronology();
    const today = new Date().toISOString().slice(0, 10);
    const backdated = events.filter((e) => e.happenedOn !== null);
    expect(backdated.map((e) => [e.kind, e.happenedOn, e.backdateReason])).toEqual([
      ['follow_up_recorded', '2025-01-05', 'registered_late'],
      ['intervention_session', '2024-12-15', 'other'],
      ['intervention_added', '2024-12-01', 'moved_from_paper'],
    ]);
    // Recorded today: the chronology keeps when it was registered next to when it happened.
    for (const e of backdated) expect(e.occurredAt.slice(0, 10)).toBe(today);
    // The start of the intervention changed nothing back in time.
    expect(events.find((e) => e.kind === 'intervention_changed')?.happenedOn).toBeNull();
  });

  it('stores no reason for a date on or after the opening day', async () => {
    const res = await caller('coordinator').post(url('/follow-ups'), {
      heldOn: '2025-01-10',
      concernLevel: 'low',
      backdateReason: 'registered_late',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.database.db
      .selectFrom('case_follow_ups')
      .select(['backdate_reason'])
      .where('id', '=', (res.json() as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(row.backdate_reason).toBeNull();
  });
});
