import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import { expectOneAudit, fieldsOf, type Client } from '../../test/records.ts';
import type { TestUser } from '../../test/users.ts';

/**
 * The case's classification, edited with history: the case's coordinators with the compartment
 * only; optimistic locking on the case's version; the chronology event is a compartment event
 * with enum codes and booleans only, and the audit trail names fields, never values or text.
 * The case detail shows the classification (compartment) and the concern level (not).
 */
let t: TestApp;
let theCase: { id: string; reference: string };
let person: { id: string; name: string };
let coordinator: TestUser;
const as: Record<string, Client> = {};
const OTHER_TEXT = 'Konspirationsbaseret-antistatslig-ekstremisme';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const team = await createTeamCase(db, ['coordinator', 'forum', 'member', 'outsider']);
  ({ person, theCase } = team);
  ({ coordinator } = team.users);
  await db
    .updateTable('cases')
    .set({ age_group: 'under_18', subject_kind: 'person', concern_level: 'moderate' })
    .where('id', '=', theCase.id)
    .execute();
  await logInAll(t, team.users, as);
});
afterAll(() => t.close());

const caller = (name: string) => callerIn(as, name);
const classificationUrl = () => `/api/cases/${theCase.id}/classification`;
async function caseRow() {
  return t.database.db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', theCase.id)
    .executeTakeFirstOrThrow();
}

describe(`case classification (${testEngine})`, () => {
  it('the case detail carries the concern level for all, the classification only with the compartment', async () => {
    const forCoordinator = (
      await caller('coordinator').get(`/api/cases/${theCase.id}`)
    ).json() as Record<string, unknown>;
    expect(forCoordinator).toMatchObject({
      concernLevel: 'moderate',
      closedAt: null,
      ageGroup: 'under_18',
      subjectKind: 'person',
      authorityArea: null,
      primaryConcern: null,
      environment: null,
      extremismForm: 'right_wing',
    });
    const forMember = (await caller('member').get(`/api/cases/${theCase.id}`)).json() as Record<
      string,
      unknown
    >;
    expect(forMember.concernLevel).toBe('moderate');
    for (const key of [
      'ageGroup',
      'subjectKind',
      'authorityArea',
      'environment',
      'extremismForm',
    ]) {
      expect(key in forMember, key).toBe(false);
    }
  });

  it('refuses members without the compartment (403), non-members (404), and changes nothing', async () => {
    const before = await caseRow();
    const body = { version: before.version, ageGroup: 'adult' };
    expect((await caller('member').patch(classificationUrl(), body)).statusCode).toBe(403);
    // A forum member has the compartment but is not a coordinator of the case.
    expect((await caller('forum').patch(classificationUrl(), body)).statusCode).toBe(403);
    expect((await caller('outsider').patch(classificationUrl(), body)).statusCode).toBe(404);
    expect(await caseRow()).toEqual(before);
  });

  it('a stale version is 409 with the current version; nothing stored', async () => {
    const before = await caseRow();
    const res = await caller('coordinator').patch(classificationUrl(), {
      version: before.version + 3,
      ageGroup: 'adult',
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { meta: unknown } }).error.meta).toEqual({
      currentVersion: before.version,
    });
    expect(await caseRow()).toEqual(before);
  });

  it('"other" needs its text, and the text only goes with "other"', async () => {
    const before = await caseRow();
    const noText = await caller('coordinator').patch(classificationUrl(), {
      version: before.version,
      extremismForm: 'other',
    });
    expect(fieldsOf(noText)).toEqual(['body.extremismFormOther:required']);
    const wrong = await caller('coordinator').patch(classificationUrl(), {
      version: before.version,
      extremismForm: 'left_wing',
      extremismFormOther: 'x',
    });
    expect(fieldsOf(wrong)).toEqual(['body.extremismFormOther:only_with_other_form']);
    expect(await caseRow()).toEqual(before);
  });

  it('edits with history: a compartment event with codes only, audit with field names only', async () => {
    const before = await caseRow();
    const res = await caller('coordinator').patch(classificationUrl(), {
      version: before.version,
      extremismForm: 'other',
      extremismFormOther: OTHER_TEXT,
      ageGroup: 'adult',
      primaryConcern: true,
      environment: 'online',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: before.version + 1 });
    const after = await caseRow();
    expect(after).toMatchObject({
      extremism_form: 'other',
      extremism_form_other: OTHER_TEXT,
      age_group: 'adult',
      primary_concern: true,
      environment: 'online',
      subject_kind: 'person',
    });

    const event = await t.database.db
      .selectFrom('case_events')
      .select(['kind', 'changes', 'compartment', 'actor_user_id'])
      .where('case_id', '=', theCase.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      kind: 'classification_changed',
      compartment: true,
      actor_user_id: coordinator.id,
      changes: {
        extremismForm: { from: 'right_wing', to: 'other' },
        ageGroup: { from: 'under_18', to: 'adult' },
        primaryConcern: { from: null, to: true },
        environment: { from: null, to: 'online' },
        extremismFormOther: { from: false, to: true },
      },
    });
    const entry = await expectOneAudit(t.database.db, res, {
      subject_person_id: person.id,
      action: 'update',
    });
    expect(entry.details).toMatchObject({
      change: 'classification_changed',
      fields: 'extremismForm,ageGroup,primaryConcern,environment,extremismFormOther',
    });
    expect(JSON.stringify(entry.details)).not.toContain(OTHER_TEXT);

    // The history: visible with the compartment, left out for a plain member.
    const forCoordinator = (
      await caller('coordinator').get(
        `/api/cases/${theCase.id}/chronology?kind=classification_changed`,
      )
    ).json() as { items: { compartment: boolean; changes: Record<string, unknown> }[] };
    expect(forCoordinator.items).toHaveLength(1);
    expect(forCoordinator.items[0]?.compartment).toBe(true);
    expect(forCoordinator.items[0]?.changes.ageGroup).toEqual({ from: 'under_18', to: 'adult' });
    expect(JSON.stringify(forCoordinator)).not.toContain(OTHER_TEXT);
    const forMember = (
      await caller('member').get(`/api/cases/${theCase.id}/chronology?kind=classification_changed`)
    ).json() as { items: unknown[] };
    expect(forMember.items).toEqual([]);

    // Changing the form away from "other" clears the text.
    const cleared = await caller('coordinator').patch(classificationUrl(), {
      version: after.version,
      extremismForm: 'right_wing',
    });
    expect(cleared.statusCode).toBe(200);
    expect((await caseRow()).extremism_form_other).toBeNull();

    // Nothing changed: no new version and no event.
    const same = await caller('coordinator').patch(classificationUrl(), {
      version: after.version + 1,
      ageGroup: 'adult',
    });
    expect(same.json()).toEqual({ version: after.version + 1 });
    const events = await t.database.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    expect(events).toHaveLength(2);
  });
});
