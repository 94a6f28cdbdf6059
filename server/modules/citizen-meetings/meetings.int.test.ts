import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { auditRowsOf, fieldsOf } from '../../test/records.ts';
import {
  caller,
  daysAgo,
  fullRiskCheck,
  held,
  preparation,
  t,
  team,
  trace,
  useCitizenMeetingFixtures,
  womanCase,
} from './citizen-meetings.fixtures.ts';
import type { CitizenContact } from './schema.ts';

/**
 * Steps 2–4 (issue 15 parts 2–4): a meeting with the citizen prepared with the colleague check
 * and the risk check, held and rounded off with agreements and a lifeline, the summary PDF for
 * her, and the team's reflection in the compartment. Bad input a Danish message on its field,
 * nothing stored; a stale version 409.
 */
useCitizenMeetingFixtures();

const meetings = (caseId: string) => `/api/cases/${caseId}/citizen-meetings`;
const meeting = (caseId: string, id: string, part: string) =>
  `/api/cases/${caseId}/citizen-meetings/${id}/${part}`;

async function prepared(caseId: string, extra: Record<string, unknown> = {}) {
  const body = preparation(extra);
  const res = await caller('coordinator').post(meetings(caseId), body);
  expect(res.statusCode, res.body).toBe(201);
  const found = (res.json() as CitizenContact).meetings.find((m) => m.id === body.id);
  if (!found) throw new Error('meeting not answered');
  return found;
}

describe(`a meeting with the citizen (${testEngine})`, () => {
  it('is prepared with the colleague check and the risk check, held with a lifeline, and its summary is a PDF for her', async () => {
    const c = await womanCase();
    const m = await prepared(c.id, {
      colleagueCheckBy: team.forum.id,
      colleagueCheckOutcome:
        'Vi havde antaget, at hun er påvirket af sin kæreste; det ved vi ikke.',
    });
    expect(m).toMatchObject({
      version: 1,
      riskCheckComplete: true,
      precautions: 'Mød op to og sid nær udgangen.',
      colleagueCheckBy: { id: team.forum.id },
      colleagueCheckOutcome: expect.stringContaining('antaget'),
    });
    // The member without the compartment sees the meeting and its precautions, not the check's outcome.
    const asMember = (
      await caller('member').get(`/api/cases/${c.id}/citizen-contact`)
    ).json() as CitizenContact;
    expect(asMember.meetings[0]?.precautions).toBe('Mød op to og sid nær udgangen.');
    expect(asMember.meetings[0]).not.toHaveProperty('colleagueCheckOutcome');

    const res = await caller('coordinator').put(
      meeting(c.id, m.id, 'held'),
      held(m.version, {
        citizenPerspective: 'Jeg vil bare have ro fra skolen.',
        stageOfChange: 'contemplation',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = (res.json() as CitizenContact).meetings[0];
    expect(after).toMatchObject({
      version: 2,
      heldOn: daysAgo(1),
      stageOfChange: 'contemplation',
      lifeline: { who: 'Mentor Anna', phone: '12 34 56 78' },
      rightsTold: ['voluntary', 'access_to_file'],
    });
    expect((await trace(c.id)).events).toEqual([
      'citizen_meeting_held',
      'citizen_meeting_prepared',
    ]);

    const pdf = await caller('member').get(meeting(c.id, m.id, 'summary.pdf'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="samtale-${c.reference}.pdf"`,
    );
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Sara Kontaktsen');
    expect(text).toContain('Det aftalte vi');
    expect(text).toContain('12 34 56 78');
    expect(text).toContain('Side 1 af 1');
    // Never the team's own judgements.
    expect(text).not.toContain('ro fra skolen');
    expect(text).not.toContain('antaget');
    const audit = await auditRowsOf(t.database.db, pdf);
    expect(audit.map((a) => a.subject_person_id)).toEqual([c.citizen.id]);
  });

  it('refuses a summary before the meeting, unanswered risk items, a lifeline without a way to reach it and a stale version: Danish messages, nothing stored', async () => {
    const c = await womanCase();
    const m = await prepared(c.id, {
      riskCheck: fullRiskCheck().map((r) => (r.item === 'weapons' ? { ...r, answer: null } : r)),
    });
    const put = (body: Record<string, unknown>) =>
      caller('coordinator').put(meeting(c.id, m.id, 'held'), body);

    const future = await put(held(1, { heldOn: '2999-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future)).toContain('body.heldOn:citizen_meeting_not_yet_held');
    expect(JSON.stringify(future.json())).toContain('Skriv opsummeringen efter mødet');
    const risk = await put(held(1));
    expect(fieldsOf(risk)).toEqual(['riskCheck.weapons:citizen_meeting_risk_unanswered']);
    expect(JSON.stringify(risk.json())).toContain('Besvar alle punkter i risikotjekket');

    // Answer the missing item; then the lifeline rules.
    const fixed = await caller('coordinator').put(meeting(c.id, m.id, 'preparation'), {
      ...preparation(),
      id: undefined,
      version: 1,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const noReach = await put(held(2, { lifeline: { who: 'Mentor Anna', phone: ' ' } }));
    expect(fieldsOf(noReach)).toEqual(['body.lifeline.phone:citizen_meeting_lifeline_reach']);
    expect(JSON.stringify(noReach.json())).toContain('telefon, e-mail eller adresse');
    const badMail = await put(held(2, { lifeline: { who: 'Anna', email: 'anna' } }));
    expect(fieldsOf(badMail)).toEqual(['body.lifeline.email:citizen_meeting_email']);
    const stale = await put(held(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict' } });
    const summaryFirst = await caller('member').get(meeting(c.id, m.id, 'summary.pdf'));
    expect(summaryFirst.statusCode).toBe(400);

    expect(await trace(c.id)).toEqual({
      attempts: 0,
      meetings: [{ version: 2, held: false }],
      events: ['citizen_meeting_prepared', 'citizen_meeting_prepared'],
    });
  });

  it('keeps the reflection for the team with the compartment and shows it to them only', async () => {
    const c = await womanCase();
    const m = await prepared(c.id);
    const reflection = {
      version: 1,
      worked: 'At mødes på biblioteket.',
      change: 'Kortere møde næste gang.',
      motivation: 'Nysgerrig, men forsigtig.',
      resistance: 'Kæresten vil ikke have, at hun taler med kommunen.',
    };
    const early = await caller('coordinator').put(meeting(c.id, m.id, 'reflection'), reflection);
    expect(fieldsOf(early)).toEqual(['heldOn:citizen_meeting_not_held']);
    expect((await caller('coordinator').put(meeting(c.id, m.id, 'held'), held(1))).statusCode).toBe(
      200,
    );

    const member = await caller('member').put(meeting(c.id, m.id, 'reflection'), {
      ...reflection,
      version: 2,
    });
    expect(member.statusCode).toBe(403);
    const res = await caller('forum').put(meeting(c.id, m.id, 'reflection'), {
      ...reflection,
      version: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as CitizenContact).meetings[0]?.reflection).toMatchObject({
      resistance: 'Kæresten vil ikke have, at hun taler med kommunen.',
      by: { id: team.forum.id },
    });
    const asMember = (
      await caller('member').get(`/api/cases/${c.id}/citizen-contact`)
    ).json() as CitizenContact;
    expect(asMember.meetings[0]).not.toHaveProperty('reflection');
    expect(JSON.stringify(asMember)).not.toContain('Kæresten');
    // A member without the compartment cannot write its fields.
    const sneaky = await caller('member').put(
      meeting(c.id, m.id, 'held'),
      held(3, { stageOfChange: 'action' }),
    );
    expect(fieldsOf(sneaky)).toEqual(['body.stageOfChange:citizen_meeting_compartment_only']);
  });

  it('need-to-know (ASVS 8.2.2): a meeting of another case is 404, a non-member 404, the mentor 403', async () => {
    const a = await womanCase();
    const b = await womanCase();
    const m = await prepared(a.id);
    expect((await caller('coordinator').put(meeting(b.id, m.id, 'held'), held(1))).statusCode).toBe(
      404,
    );
    expect((await caller('coordinator').get(meeting(b.id, m.id, 'summary.pdf'))).statusCode).toBe(
      404,
    );
    expect((await caller('outsider').post(meetings(a.id), preparation())).statusCode).toBe(404);
    expect((await caller('mentor').post(meetings(a.id), preparation())).statusCode).toBe(403);
    expect((await trace(b.id)).meetings).toEqual([]);
    expect((await trace(a.id)).meetings).toEqual([{ version: 1, held: false }]);
  });
});
