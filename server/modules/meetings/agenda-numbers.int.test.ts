import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { Agenda, Numbers } from './agenda-schema.ts';
import {
  addUser,
  call,
  createMeeting,
  fieldsIn,
  forumOf,
  invite,
  useAgendaFixtures,
  type ErrorBody,
} from './agenda.fixtures.ts';

useAgendaFixtures();

/**
 * The numbers' periods and who sees them (finding 3b and 12): only whole calendar quarters, so two
 * answers never overlap and cannot be subtracted into a few days' exact counts; a guest, invited
 * to one item, does not see the municipality's counts.
 */
describe(`the meeting numbers: quarters only, not for guests (${testEngine})`, () => {
  const numbers = (meetingId: string, query: string, who = 'ballerup') =>
    call<Numbers & ErrorBody>(who, 'GET', `/api/meetings/${meetingId}/agenda/numbers${query}`);

  it('answers a whole quarter, by default the last before the meeting, and refuses any other period in Danish', async () => {
    await addUser('ballerup', ['coordinator'], '151');
    const steering = await forumOf('steering_group', ['ballerup'], { municipalityCode: '151' });
    const meeting = await createMeeting(steering, '2027-08-15', { chair: 'ballerup' });

    const byDefault = await numbers(meeting, '');
    expect(byDefault.status).toBe(200);
    expect([byDefault.body.from, byDefault.body.until]).toEqual(['2027-04-01', '2027-07-01']);
    const byFrom = await numbers(meeting, '?from=2026-10-01');
    expect([byFrom.body.from, byFrom.body.until]).toEqual(['2026-10-01', '2027-01-01']);
    const byUntil = await numbers(meeting, '?until=2027-04-01');
    expect([byUntil.body.from, byUntil.body.until]).toEqual(['2027-01-01', '2027-04-01']);
    const both = await numbers(meeting, '?from=2027-07-01&until=2027-10-01');
    expect(both.status).toBe(200);

    // Two periods a day apart would give one day's exact counts by subtraction.
    for (const [query, field] of [
      ['?from=2027-01-02', 'query.from:period_not_quarter'],
      ['?from=2027-02-01&until=2027-05-01', 'query.from:period_not_quarter'],
      ['?from=2027-01-01&until=2027-03-01', 'query.until:period_not_quarter'],
      ['?from=2027-01-01&until=2027-07-01', 'query.until:period_not_quarter'],
      ['?until=2027-03-31', 'query.until:period_not_quarter'],
    ] as const) {
      const refused = await numbers(meeting, query);
      expect(refused.status, query).toBe(400);
      expect(fieldsIn(refused.body), query).toEqual([field]);
      expect(refused.body.error.fields?.[0]?.message).toContain('helt kvartal');
    }
  });

  it('refuses a guest (403) and says so in Danish; a member of the meeting sees them', async () => {
    await addUser('ballerup', ['coordinator'], '151');
    await addUser('gaest', ['caseworker'], '151');
    await addUser('medlem', ['caseworker'], '151');
    const steering = await forumOf('steering_group', ['ballerup'], { municipalityCode: '151' });
    const meeting = await createMeeting(steering, '2027-08-16', { chair: 'ballerup' });
    const agenda = await call<Agenda>('ballerup', 'POST', `/api/meetings/${meeting}/agenda/items`, {
      id: randomUUID(),
      meetingVersion: 1,
      kind: 'topic',
      title: 'Tendenser i kvartalet',
    });
    expect(agenda.status).toBe(200);
    await invite(meeting, 'gaest', agenda.body.items[0]?.id ?? null);
    await invite(meeting, 'medlem');

    const guest = await numbers(meeting, '', 'gaest');
    expect(guest.status).toBe(403);
    expect(guest.body.error.code).toBe('forbidden');
    expect(guest.body.error.message).toContain('adgang');
    expect(JSON.stringify(guest.body)).not.toMatch(/newInquiries|openCases/);
    expect((await numbers(meeting, '', 'medlem')).status).toBe(200);
  });
});
