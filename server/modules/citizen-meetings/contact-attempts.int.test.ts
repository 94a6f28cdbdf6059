import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  createForum,
  createInquiryRow,
  createPerson,
  fieldsOf,
} from '../../test/records.ts';
import { addDays } from '../follow-ups/schedule.ts';
import {
  attempt,
  caller,
  daysAgo,
  t,
  team,
  today,
  trace,
  useCitizenMeetingFixtures,
  womanCase,
} from './citizen-meetings.fixtures.ts';
import type { CitizenContact } from './schema.ts';

/**
 * Step 1, the contact bar (issue 15 part 1): the tries to reach the citizen of a case or an
 * inquiry, in order, with a run of failed tries counted; the next try a task for the one who is to
 * make it; bad input a Danish message on its field with nothing stored; need-to-know.
 */
useCitizenMeetingFixtures();

const attempts = (caseId: string) => `/api/cases/${caseId}/contact-attempts`;
const contact = (caseId: string) => `/api/cases/${caseId}/citizen-contact`;

describe(`contact attempts on a case (${testEngine})`, () => {
  it('records three refusals and a try through her aunt; the bar shows them in order with the failed run; idempotent; audited without free text', async () => {
    const c = await womanCase();
    for (const [n, channel] of [
      [12, 'phone'],
      [9, 'text'],
      [6, 'letter'],
    ] as const) {
      const res = await caller('member').post(
        attempts(c.id),
        attempt({ attemptedOn: daysAgo(n), channel, outcome: n === 6 ? 'no_answer' : 'refused' }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const before = (await caller('member').get(contact(c.id))).json() as CitizenContact;
    expect(before.failedRun).toBe(3);

    const aunt = attempt({
      attemptedOn: daysAgo(2),
      channel: 'bridge_builder',
      bridgeBuilder: 'Hendes moster',
      outcome: 'agreed_to_meet',
      note: 'Mosteren ringede tilbage: Sara vil gerne mødes på biblioteket.',
      triedBy: team.coordinator.id,
    });
    const res = await caller('member').post(attempts(c.id), aunt);
    expect(res.statusCode, res.body).toBe(201);
    const bar = res.json() as CitizenContact;
    expect(bar.attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ['phone', 'refused'],
      ['text', 'refused'],
      ['letter', 'no_answer'],
      ['bridge_builder', 'agreed_to_meet'],
    ]);
    expect(bar.failedRun).toBe(0);
    expect(bar.attempts[3]).toMatchObject({
      bridgeBuilder: 'Hendes moster',
      triedBy: { id: team.coordinator.id },
    });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.some((a) => a.action === 'create')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('moster');

    const again = await caller('member').post(attempts(c.id), { ...aunt, outcome: 'refused' });
    expect(again.statusCode).toBe(200);
    expect((await trace(c.id)).attempts).toBe(4);

    const chronology = (
      await caller('coordinator').get(`/api/cases/${c.id}/chronology?kind=contact_attempt_recorded`)
    ).json() as { items: { changes: Record<string, { to: unknown }> }[] };
    expect(chronology.items).toHaveLength(4);
    expect(chronology.items[0]?.changes).toMatchObject({
      contactChannel: { to: 'bridge_builder' },
      contactOutcome: { to: 'agreed_to_meet' },
    });
  });

  it('refuses bad input with Danish messages on the fields, nothing stored', async () => {
    const c = await womanCase(20);
    const cases: [Record<string, unknown>, string[]][] = [
      [attempt({ attemptedOn: '2999-01-01' }), ['body.attemptedOn:in_future']],
      [attempt({ attemptedOn: daysAgo(40) }), ['body.attemptedOn:contact_before_case_opened']],
      [
        attempt({ channel: 'bridge_builder' }),
        ['body.bridgeBuilder:contact_bridge_builder_required'],
      ],
      [
        attempt({ bridgeBuilder: 'Hendes moster' }),
        ['body.bridgeBuilder:contact_bridge_builder_only'],
      ],
      [
        attempt({ channel: 'bridge_builder', bridgeBuilder: 'Moster, 010203-1234' }),
        ['body.bridgeBuilder:contact_bridge_builder_cpr'],
      ],
      [attempt({ nextOn: today() }), ['body.nextBy:required']],
      [attempt({ nextBy: team.member.id }), ['body.nextOn:required']],
      [
        attempt({ nextOn: daysAgo(20), nextBy: team.member.id }),
        ['body.nextOn:contact_next_before_attempt'],
      ],
      [attempt({ triedBy: team.outsider.id }), ['body.triedBy:contact_not_in_team']],
    ];
    for (const [body, want] of cases) {
      const res = await caller('member').post(attempts(c.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual(want);
    }
    const danish = await caller('member').post(
      attempts(c.id),
      attempt({ channel: 'bridge_builder' }),
    );
    expect(JSON.stringify(danish.json())).toContain('Beskriv brobyggeren ved sin rolle');
    expect(await trace(c.id)).toEqual({ attempts: 0, meetings: [], events: [] });
  });

  it('need-to-know (ASVS 8.2.2): a non-member 404 and nothing stored, the mentor 403, a closed case takes no tries', async () => {
    const c = await womanCase();
    expect((await caller('outsider').post(attempts(c.id), attempt())).statusCode).toBe(404);
    expect((await caller('outsider').get(contact(c.id))).statusCode).toBe(404);
    expect((await caller('mentor').post(attempts(c.id), attempt())).statusCode).toBe(403);
    expect((await caller('mentor').get(contact(c.id))).statusCode).toBe(403);
    expect(await trace(c.id)).toEqual({ attempts: 0, meetings: [], events: [] });
    await t.database.db
      .updateTable('cases')
      .set({ status: 'closed' })
      .where('id', '=', c.id)
      .execute();
    const closed = await caller('member').post(attempts(c.id), attempt());
    expect(closed.statusCode).toBe(400);
    expect(fieldsOf(closed)).toEqual(['case.status:case_closed']);
  });

  it('puts the next try in the work list of the one to make it, until a later try is recorded', async () => {
    const c = await womanCase();
    const first = attempt({
      attemptedOn: daysAgo(3),
      nextStep: 'Prøv gennem hendes moster',
      nextOn: addDays(today(), 2),
      nextBy: team.member.id,
    });
    expect((await caller('coordinator').post(attempts(c.id), first)).statusCode).toBe(201);
    const tasks = async (who: string) =>
      (
        (await caller(who).get('/api/tasks?kind=contact_attempt')).json() as {
          items: { id: string; caseId: string; dueOn: string }[];
        }
      ).items.filter((x) => x.caseId === c.id);
    expect(await tasks('member')).toEqual([
      expect.objectContaining({ id: first.id, dueOn: addDays(today(), 2) }),
    ]);
    expect(await tasks('coordinator')).toEqual([]);
    const next = attempt({ attemptedOn: daysAgo(1), outcome: 'contact_made' });
    expect((await caller('member').post(attempts(c.id), next)).statusCode).toBe(201);
    expect(await tasks('member')).toEqual([]);
  });
});

describe(`contact attempts on an inquiry being assessed (${testEngine})`, () => {
  it('the coordinator and the forum record tries; a decided inquiry takes none; others get 404', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { givenName: 'Lea', familyName: 'Henvendsen' });
    const forum = await createForum(db, { members: [team.forum.id] });
    const inquiry = await createInquiryRow(db, {
      createdBy: team.member.id,
      persons: [person.id],
      forumId: forum.id,
      status: 'triaged',
    });
    const url = `/api/inquiries/${inquiry.id}/contact-attempts`;
    const first = await caller('coordinator').post(url, attempt({ attemptedOn: today() }));
    expect(first.statusCode, first.body).toBe(201);
    const second = await caller('forum').post(
      url,
      attempt({
        attemptedOn: today(),
        channel: 'known_professional',
        bridgeBuilder: 'Klasselæreren',
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    const read = await caller('forum').get(`/api/inquiries/${inquiry.id}/citizen-contact`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as CitizenContact).attempts).toHaveLength(2);
    const audit = await auditRowsOf(db, read);
    expect(audit.map((a) => a.subject_person_id)).toEqual([person.id]);

    expect((await caller('member').post(url, attempt())).statusCode).toBe(404);
    expect(
      (await caller('outsider').get(`/api/inquiries/${inquiry.id}/citizen-contact`)).statusCode,
    ).toBe(404);
    await db
      .updateTable('inquiries')
      .set({ status: 'decided' })
      .where('id', '=', inquiry.id)
      .execute();
    expect((await caller('coordinator').post(url, attempt())).statusCode).toBe(409);
    const rows = await db
      .selectFrom('citizen_contact_attempts')
      .select('id')
      .where('inquiry_id', '=', inquiry.id)
      .execute();
    expect(rows).toHaveLength(2);
  });
});
