import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { callerIn, createTeam, logInAll, membersOf, newMember } from '../test/case-team.ts';
import {
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  createPoliceContact,
  type Client,
} from '../test/records.ts';
import { createUser, type TestUser } from '../test/users.ts';

/**
 * The compartment (docs/SECURITY.md): the radicalisation concern itself reaches the case's
 * coordinators and forum members only. For everyone else the keys are absent from every answer,
 * in both languages, and no word of the concern appears anywhere in the raw body.
 */
const KEYS = ['extremismForm', 'extremismFormOther', 'concernSummary'];
const WORDS = /radikalis|ekstremis|radicalis|extremis/i;

let t: TestApp;
let theCase: { id: string; reference: string };
let person: { id: string; name: string };
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const team = await createTeam(db, ['coordinator', 'forum', 'member', 'mentor']);
  const users: Record<string, TestUser> = { ...team, police: await createPoliceContact(db) };
  person = await createPerson(db, { cpr: '140310-4821' });
  theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: [...membersOf(team), { userId: users.police?.id ?? '', role: 'member' }],
  });
  await db
    .updateTable('cases')
    .set({ extremism_form_other: 'Extremist radicalisation online' })
    .where('id', '=', theCase.id)
    .execute();
  // A notification about the case for everyone, so that answer is not trivially empty.
  await db
    .insertInto('notifications')
    .values(
      Object.values(users).map((u) => ({
        user_id: u.id,
        kind: 'case_update',
        case_id: theCase.id,
      })),
    )
    .execute();
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);

const urls = () => [
  `/api/cases/${theCase.id}`,
  '/api/cases',
  `/api/persons/${person.id}`,
  '/api/notifications',
];

describe(`the compartment (${testEngine})`, () => {
  it.each(['coordinator', 'forum'])('the case %s receives the compartment', async (name) => {
    for (const lang of ['da', 'en']) {
      const res = await caller(name).get(`/api/cases/${theCase.id}`, { 'accept-language': lang });
      expect(res.statusCode).toBe(200);
      const body = res.json() as Record<string, unknown>;
      for (const key of KEYS) expect(body, key).toHaveProperty(key);
      expect(body.extremismForm).toBe('right_wing');
      expect(body.concernSummary).toMatch(WORDS);
      expect(body.access).toMatchObject({ compartment: true, breakGlass: false });
    }
  });

  it.each(['member', 'mentor', 'police'])(
    'a case %s never receives a key or a word of it',
    async (name) => {
      let seen = 0;
      for (const lang of ['da', 'en']) {
        for (const url of urls()) {
          const res = await caller(name).get(url, { 'accept-language': lang });
          // The mentor has no person access (404); every other answer is a 200.
          const expected = name === 'mentor' && url.startsWith('/api/persons/') ? 404 : 200;
          expect(res.statusCode, `${url} ${lang}`).toBe(expected);
          for (const key of KEYS) expect(res.body, `${url} ${lang}`).not.toContain(`"${key}"`);
          expect(res.body, `${url} ${lang}`).not.toMatch(WORDS);
          if (res.body.includes(theCase.reference)) seen += 1;
        }
      }
      // The case did reach the caller (detail, list and notification, in both languages).
      expect(seen).toBeGreaterThanOrEqual(6);
      const detail = (await caller(name).get(`/api/cases/${theCase.id}`)).json() as {
        access: { compartment: boolean };
        workSummary: string;
      };
      expect(detail.access.compartment).toBe(false);
      expect(detail.workSummary).toBe('Mentorforløb og samtaler med familien.');
    },
  );

  it('the network map is the compartment’s: a member, a mentor and the police get 403 and no event of it', async () => {
    const made = await caller('coordinator').post(`/api/cases/${theCase.id}/network-maps`, {
      id: crypto.randomUUID(),
      drawnOn: '2026-03-02',
      occasion: 'Første møde',
    });
    expect(made.statusCode).toBe(201);
    expect((await caller('forum').get(`/api/cases/${theCase.id}/network-maps`)).statusCode).toBe(
      200,
    );
    for (const name of ['member', 'mentor', 'police']) {
      const res = await caller(name).get(`/api/cases/${theCase.id}/network-maps`);
      expect(res.statusCode, name).toBe(403);
      expect(res.body, name).not.toContain('Første møde');
      const detail = (await caller(name).get(`/api/cases/${theCase.id}`)).json() as {
        abilities: { networkMap: { read: boolean } };
      };
      expect(detail.abilities.networkMap.read, name).toBe(false);
    }
    const chronology = await caller('member').get(`/api/cases/${theCase.id}/chronology`);
    expect(chronology.statusCode).toBe(200);
    expect(chronology.body).not.toContain('network_map_created');
  });

  it('the notification names the case by reference only', async () => {
    const res = await caller('member').get('/api/notifications');
    const items = (res.json() as { items: { kind: string; caseReference: string }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({ kind: 'case_update', caseReference: theCase.reference }),
    ]);
    expect(res.body).not.toContain(person.name);
  });

  it('a forum member holding only the case role member does not receive the compartment', async () => {
    const { as: forumMember } = await newMember(t, theCase.id, ['forum_member']);
    const res = await forumMember.get(`/api/cases/${theCase.id}`);
    expect(res.statusCode).toBe(200);
    for (const key of KEYS) expect(res.body).not.toContain(`"${key}"`);
    expect(res.body).not.toMatch(WORDS);
  });
});

/**
 * Inquiries: the observation, the signs, the contributions and the decisions are compartment
 * content (docs/INQUIRIES.md). The municipality's coordinators and the handling forum receive
 * them; everyone else gets 404 for the inquiry, its history and its person, identical to a
 * missing id, and finds no trace of it in the inbox.
 */
describe(`the compartment of an inquiry (${testEngine})`, () => {
  const INQUIRY_KEYS = ['observation', 'signs', 'contributions', 'decisions'] as const;
  const CONTRIBUTION = 'Politiet kender personen fra en tidligere sag om ekstremistisk propaganda.';
  const REASON = 'Vurderet i forummet: tegn på radikalisering, sagen oprettes.';
  let inquiry: { id: string; reference: string };
  let subject: { id: string; name: string };
  const in2: Record<string, Client> = {};
  const caller2 = (name: string): Client => callerIn(in2, name);

  beforeAll(async () => {
    const db = t.database.db;
    const users: Record<string, TestUser> = {
      coordinator: await createUser(db, { roles: ['coordinator'] }),
      // A forum member and the police contact sitting in the handling forum.
      forum: await createUser(db, { roles: ['forum_member'] }),
      forumPolice: await createPoliceContact(db),
      // Cannot see it: the recorder, a colleague in another forum, a caseworker, a mentor,
      // police outside the forum, and the coordinator of another municipality.
      recorder: await createUser(db, { roles: ['caseworker'] }),
      otherForum: await createUser(db, { roles: ['forum_member'] }),
      caseworker: await createUser(db, { roles: ['caseworker'] }),
      mentor: await createUser(db, { roles: ['mentor'] }),
      police: await createPoliceContact(db),
      coordinator147: await createUser(db, { roles: ['coordinator'], municipalityCode: '147' }),
    };
    const id = (name: string) => users[name]?.id ?? '';
    const forum = await createForum(db, { members: [id('forum'), id('forumPolice')] });
    await createForum(db, { members: [id('otherForum')] });
    subject = await createPerson(db, { givenName: 'Yasmin', familyName: 'Bjørnholt' });
    inquiry = await createInquiryRow(db, {
      createdBy: id('recorder'),
      persons: [subject.id],
      forumId: forum.id,
      status: 'awaiting_approval',
    });
    await db
      .insertInto('inquiry_signs')
      .values({ inquiry_id: inquiry.id, sign_code: 'extremist_media', note: 'Deler videoer.' })
      .execute();
    await db
      .insertInto('inquiry_contributions')
      .values({ inquiry_id: inquiry.id, author_user_id: id('forumPolice'), body: CONTRIBUTION })
      .execute();
    await db
      .insertInto('inquiry_decisions')
      .values({
        inquiry_id: inquiry.id,
        outcome: 'radicalisation',
        reason: REASON,
        extremism_form: 'militant_islamism',
        age_group: 'under_18',
        subject_kind: 'person',
        status: 'pending',
        decided_by: id('coordinator'),
      })
      .execute();
    await logInAll(t, users, in2);
  });

  it.each(['coordinator', 'forum', 'forumPolice'])(
    'the %s receives the compartment',
    async (name) => {
      for (const lang of ['da', 'en']) {
        const res = await caller2(name).get(`/api/inquiries/${inquiry.id}`, {
          'accept-language': lang,
        });
        expect(res.statusCode).toBe(200);
        const body = res.json() as Record<string, unknown>;
        for (const key of INQUIRY_KEYS) expect(body, key).toHaveProperty(key);
        expect(body.observation).toMatch(WORDS);
        expect(body.signs).toEqual([
          { code: 'extremist_media', tier: expect.any(String), note: 'Deler videoer.' },
        ]);
        expect(body.contributions).toEqual([expect.objectContaining({ body: CONTRIBUTION })]);
        expect(body.decisions).toEqual([
          expect.objectContaining({
            reason: REASON,
            status: 'pending',
            classification: expect.objectContaining({ extremismForm: 'militant_islamism' }),
          }),
        ]);
      }
      const history = await caller2(name).get(`/api/inquiries/${inquiry.id}/history`);
      expect(history.statusCode).toBe(200);
      expect(history.json()).toHaveProperty('events');
    },
  );

  it.each(['recorder', 'otherForum', 'caseworker', 'mentor', 'police', 'coordinator147'])(
    'the %s gets 404 as for a missing id, and no word of the inquiry anywhere',
    async (name) => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const urls = [
        `/api/inquiries/${inquiry.id}`,
        `/api/inquiries/${inquiry.id}/history`,
        `/api/persons/${subject.id}`,
      ];
      for (const lang of ['da', 'en']) {
        const headers = { 'accept-language': lang };
        for (const url of urls) {
          const res = await caller2(name).get(url, headers);
          const none = await caller2(name).get(url.replace(/[0-9a-f-]{36}/, missing), headers);
          expect(res.statusCode, `${url} ${lang}`).toBe(404);
          const strip = (r: typeof res) => r.body.replaceAll(String(r.headers['x-request-id']), '');
          expect(strip(res), `${url} ${lang}`).toBe(strip(none));
        }
        // The inbox (every status) and the notifications leave no trace either.
        for (const url of ['/api/inquiries?status=all', '/api/notifications']) {
          const res = await caller2(name).get(url, headers);
          expect(res.statusCode, url).toBe(200);
          expect(res.body, url).not.toContain(inquiry.id);
        }
        for (const url of [...urls, '/api/inquiries?status=all', '/api/notifications']) {
          const body = (await caller2(name).get(url, headers)).body;
          expect(body, url).not.toContain(inquiry.reference);
          expect(body, url).not.toContain('Bjørnholt');
          expect(body, url).not.toContain('Deler videoer');
          expect(body, url).not.toMatch(WORDS);
          for (const key of INQUIRY_KEYS) expect(body, url).not.toContain(`"${key}"`);
        }
      }
    },
  );

  it('the forum loses the inquiry once it is decided; the coordinators keep it', async () => {
    const db = t.database.db;
    await db
      .updateTable('inquiries')
      .set({ status: 'decided' })
      .where('id', '=', inquiry.id)
      .execute();
    try {
      for (const name of ['forum', 'forumPolice']) {
        const res = await caller2(name).get(`/api/inquiries/${inquiry.id}`);
        expect(res.statusCode, name).toBe(404);
        expect(res.body, name).not.toContain(inquiry.reference);
        expect(res.body, name).not.toMatch(WORDS);
      }
      const res = await caller2('coordinator').get(`/api/inquiries/${inquiry.id}`);
      expect(res.statusCode).toBe(200);
      for (const key of INQUIRY_KEYS) expect(res.json(), key).toHaveProperty(key);
    } finally {
      await db
        .updateTable('inquiries')
        .set({ status: 'awaiting_approval' })
        .where('id', '=', inquiry.id)
        .execute();
    }
  });
});

describe(`the compartment in meeting the citizen (${testEngine})`, () => {
  it('the colleague check, the perspective, the stage of change and the reflection reach the coordinator and the forum only', async () => {
    const db = t.database.db;
    const coordinatorId = (
      await db
        .selectFrom('case_members')
        .select('user_id')
        .where('case_id', '=', theCase.id)
        .where('role', '=', 'coordinator')
        .executeTakeFirstOrThrow()
    ).user_id;
    await db
      .insertInto('citizen_meetings')
      .values({
        id: crypto.randomUUID(),
        case_id: theCase.id,
        purpose: 'clarify_concern',
        prepared_by: coordinatorId,
        colleague_check_outcome: 'Vi antog radikalisering gennem kæresten.',
        precautions: 'Vi er to.',
        held_on: '2026-01-05',
        citizen_perspective: 'Jeg er ikke ekstremist.',
        stage_of_change: 'contemplation',
        summary: 'Vi talte om skolen.',
        reflection_resistance: 'Det ekstremistiske miljø trækker.',
        reflected_by: coordinatorId,
        reflected_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const keys = ['colleagueCheckOutcome', 'citizenPerspective', 'stageOfChange', 'reflection'];
    const url = `/api/cases/${theCase.id}/citizen-contact`;
    for (const name of ['coordinator', 'forum']) {
      const res = await caller(name).get(url);
      expect(res.statusCode).toBe(200);
      for (const key of keys) expect(res.body, `${name} ${key}`).toContain(`"${key}"`);
    }
    for (const lang of ['da', 'en']) {
      const res = await caller('member').get(url, { 'accept-language': lang });
      expect(res.statusCode).toBe(200);
      for (const key of keys) expect(res.body, key).not.toContain(`"${key}"`);
      expect(res.body).not.toMatch(WORDS);
      expect(res.body).toContain('Vi er to.');
    }
    expect((await caller('mentor').get(url)).statusCode).toBe(403);
  });
});
