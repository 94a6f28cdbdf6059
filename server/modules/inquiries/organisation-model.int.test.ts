import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_DEFAULTS } from '../../../shared/organisation-model.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { auditRowsOf, type Client, type ErrorBody } from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { organisationSettings } from './organisation-model.ts';

/**
 * The organisation model as configuration (issue 14 part 1): choosing model 1, 2 or 3 applies
 * the model's defaults in one audited change, each setting stays adjustable afterwards, the
 * settings say who changed them last, the session tells the web the model's flags, and bad
 * input (an unknown model, a value out of range, a stale version) stores nothing.
 */
interface Settings extends Record<string, unknown> {
  organisationModel: number;
  version: number;
  lastChangedAt: string | null;
  lastChangedBy: string | null;
}

let t: TestApp;
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};
const MUNICIPALITY = '147';

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(
    users,
    await createUsers(t.database.db, {
      coordinator: ['coordinator', MUNICIPALITY],
      admin: ['municipal_admin', MUNICIPALITY],
    }),
  );
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);
const read = async () => {
  const res = await caller('admin').get('/api/municipality-settings');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Settings;
};
const choose = (model: unknown, version: number) =>
  caller('admin').put('/api/municipality-settings/organisation-model', { version, model });

describe(`the organisation model (${testEngine})`, () => {
  it('starts as model 1 with its defaults, never changed by anyone', async () => {
    const s = await read();
    expect(s).toMatchObject({
      organisationModel: 1,
      ...MODEL_DEFAULTS[1],
      onHoldAgendaWeeks: 8,
      lastChangedAt: null,
      lastChangedBy: null,
      version: 0,
    });
  });

  it('choosing model 3 applies its defaults in one audited change, with who and when', async () => {
    const before = await read();
    const res = await choose(3, before.version);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as Settings;
    expect(s).toMatchObject({
      organisationModel: 3,
      triageBy: 'forum',
      assessmentInForum: true,
      fourEyes: true,
      policeParticipation: 'always',
      planApproval: 'steering_group',
      reReviewAtMeetings: true,
      meetingCadence: 'monthly',
      version: before.version + 1,
    });
    expect(s.lastChangedBy).toEqual(expect.stringContaining('Test Bruger'));
    expect(Date.parse(s.lastChangedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // The settings the model does not decide are kept.
    expect(s['deadlineHours']).toEqual(before['deadlineHours']);
    expect(s['closureFourEyes']).toBe(before['closureFourEyes']);

    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      resource_type: 'municipality_settings',
      resource_id: MUNICIPALITY,
      actor_user_id: users['admin']?.id,
    });
    expect(audit[0]?.details).toMatchObject({ organisationModel: 3 });
  });

  it('each setting stays adjustable after the model, and the model stays chosen', async () => {
    const before = await read();
    const res = await caller('admin').patch('/api/municipality-settings', {
      version: before.version,
      policeParticipation: 'serious',
      meetingCadence: 'biweekly',
      onHoldAgendaWeeks: 12,
      reReviewAtMeetings: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      organisationModel: 3,
      policeParticipation: 'serious',
      meetingCadence: 'biweekly',
      onHoldAgendaWeeks: 12,
      reReviewAtMeetings: false,
      fourEyes: true,
    });
    const audit = await auditRowsOf(t.database.db, res);
    const fields = String((audit[0]?.details as { fields?: string }).fields).split(',');
    expect(fields.sort()).toEqual(
      [
        'version',
        'policeParticipation',
        'meetingCadence',
        'onHoldAgendaWeeks',
        'reReviewAtMeetings',
      ].sort(),
    );
  });

  it('other modules read the model through organisationSettings, the web through the session', async () => {
    expect(await organisationSettings(t.database.db, MUNICIPALITY)).toEqual({
      model: 3,
      assessmentInForum: true,
      forumMeetings: true,
      reReviewAtMeetings: false,
      policeParticipation: 'serious',
    });
    const session = await caller('coordinator').get('/api/session');
    expect(session.json()).toMatchObject({ organisation: { model: 3, forumMeetings: true } });

    const before = await read();
    expect((await choose(1, before.version)).statusCode).toBe(200);
    const after = await caller('coordinator').get('/api/session');
    expect(after.json()).toMatchObject({
      organisation: { model: 1, forumMeetings: false, assessmentInForum: false },
    });
  });

  it.each([
    [{ model: 4 }, 'body.model'],
    [{ model: 0 }, 'body.model'],
    [{ model: '2' }, 'body.model'],
    [{ model: 2, triageBy: 'forum' }, 'body.triageBy'],
  ])('refuses %j naming %s, and stores nothing', async (body, field) => {
    const before = await read();
    const res = await caller('admin').put('/api/municipality-settings/organisation-model', {
      version: before.version,
      ...body,
    });
    expect(res.statusCode).toBe(400);
    const error = (res.json() as ErrorBody).error;
    expect(error.fields?.map((f) => f.field)).toEqual([field]);
    expect(error.fields?.[0]?.message).toMatch(/[a-zæøå]/);
    expect(await read()).toEqual(before);
  });

  it.each([
    [{ onHoldAgendaWeeks: 0 }, 'body.onHoldAgendaWeeks'],
    [{ onHoldAgendaWeeks: 105 }, 'body.onHoldAgendaWeeks'],
    [{ meetingCadence: 'daily' }, 'body.meetingCadence'],
    [{ policeParticipation: 'never' }, 'body.policeParticipation'],
    // The model is chosen only through its own request, which applies its defaults.
    [{ organisationModel: 2 }, 'body.organisationModel'],
  ])('refuses a setting out of range (%j) naming %s, and stores nothing', async (change, field) => {
    const before = await read();
    const res = await caller('admin').patch('/api/municipality-settings', {
      version: before.version,
      ...change,
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.fields?.map((f) => f.field)).toEqual([field]);
    expect(await read()).toEqual(before);
  });

  it('a stale version is a 409 and a coordinator may not choose the model', async () => {
    const before = await read();
    const stale = await choose(2, before.version - 1);
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as ErrorBody).error.meta).toEqual({ currentVersion: before.version });
    const byCoordinator = await caller('coordinator').put(
      '/api/municipality-settings/organisation-model',
      { version: before.version, model: 2 },
    );
    expect(byCoordinator.statusCode).toBe(403);
    expect(await read()).toEqual(before);
  });
});
