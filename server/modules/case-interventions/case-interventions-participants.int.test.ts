import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, createCase, createPerson } from '../../test/records.ts';
import { countInterventionsByPerson } from './participants.ts';
import {
  caller,
  fieldsOf,
  interventionRow,
  listing,
  mentor,
  newCase,
  t,
  types,
  url,
  useCaseInterventionFixtures,
} from './case-interventions.fixtures.ts';

/**
 * Interventions for several persons (issue 12, part 2): a family conversation names its
 * participants, each a person of the case; a group needs two or more, an individual one exactly
 * one. Changing them is a case change in the chronology; each participant sees the intervention
 * among their own, and a participant cannot be taken out of the case while it is open. Refused
 * input stores nothing.
 */
useCaseInterventionFixtures();

let family: { id: string };
const girl = { id: '', name: '' };
const mother = { id: '', name: '' };
const brother = { id: '', name: '' };
const cousin = { id: '', name: '' };
let stranger: { id: string };

beforeAll(async () => {
  const db = t.database.db;
  Object.assign(girl, await createPerson(db, { givenName: 'Pige', familyName: 'Holm' }));
  Object.assign(mother, await createPerson(db, { givenName: 'Mor', familyName: 'Holm' }));
  Object.assign(brother, await createPerson(db, { givenName: 'Lillebror', familyName: 'Holm' }));
  Object.assign(cousin, await createPerson(db, { givenName: 'Fætter', familyName: 'Holm' }));
  family = await newCase([
    { id: girl.id },
    { id: mother.id, role: 'parent' },
    { id: brother.id, role: 'sibling' },
    { id: cousin.id, role: 'other' },
  ]);
  // A person the coordinator may not see: in a case of someone else.
  stranger = await createPerson(db, { givenName: 'Fremmed', familyName: 'Jensen' });
  await createCase(db, { persons: [{ id: stranger.id }] });
});

const familyUrl = (path = '') => url(path, family.id);
const groupBody = (participantIds: string[]) => ({
  interventionTypeId: types.mentor,
  personId: mother.id,
  form: 'group',
  participantIds,
  providerName: 'Familiehuset',
});
async function createGroup(participantIds: string[]): Promise<string> {
  const res = await caller('coordinator').post(
    familyUrl('/interventions'),
    groupBody(participantIds),
  );
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
/** What a refused request must leave as it was. */
async function stored() {
  const db = t.database.db;
  const [interventions, participants, events] = await Promise.all([
    db
      .selectFrom('case_interventions')
      .select(['id', 'version'])
      .where('case_id', '=', family.id)
      .execute(),
    db
      .selectFrom('case_intervention_participants')
      .select(['intervention_id', 'person_id'])
      .execute(),
    db.selectFrom('case_events').select('id').where('case_id', '=', family.id).execute(),
  ]);
  return { interventions, participants: participants.length, events: events.length };
}
async function lastEvent() {
  return t.database.db
    .selectFrom('case_events')
    .select(['kind', 'changes'])
    .where('case_id', '=', family.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}
interface WithParticipants {
  id: string;
  form: string;
  participants: { id: string; name: string; role: string }[];
}
async function familyListing() {
  return (await listing('coordinator', family.id)).interventions as unknown as WithParticipants[];
}

describe(`interventions for several persons (${testEngine})`, () => {
  it('a family conversation names its three participants, main person first, with the chronology saying who', async () => {
    const id = await createGroup([brother.id, mother.id, girl.id]);
    const shown = (await familyListing()).find((i) => i.id === id);
    expect(shown?.form).toBe('group');
    expect(shown?.participants).toEqual([
      { id: mother.id, name: 'Mor Holm', role: 'parent' },
      { id: brother.id, name: 'Lillebror Holm', role: 'sibling' },
      { id: girl.id, name: 'Pige Holm', role: 'citizen' },
    ]);
    expect(await lastEvent()).toMatchObject({
      kind: 'intervention_added',
      changes: { participants: { from: null, to: 'Mor Holm, Lillebror Holm, Pige Holm' } },
    });
  });

  it('an intervention made without participants is for its main person alone', async () => {
    const res = await caller('coordinator').post(familyUrl('/interventions'), {
      interventionTypeId: types.mentor,
      personId: girl.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const shown = (await familyListing()).find((i) => i.id === id);
    expect(shown?.form).toBe('individual');
    expect(shown?.participants.map((p) => p.id)).toEqual([girl.id]);
  });

  it('refuses, with the field named and nothing stored: a person not in the case, one the caller may not see, twice the same, a group of one, an individual of two, the main person left out', async () => {
    const before = await stored();
    const outsiderOfCase = (
      await createPerson(t.database.db, { givenName: 'Ny', familyName: 'Holm' })
    ).id;
    const cases: [Record<string, unknown>, string[]][] = [
      [groupBody([mother.id, outsiderOfCase]), ['body.participantIds:participant_not_in_case']],
      [groupBody([mother.id, stranger.id]), ['body.participantIds:participant_not_in_case']],
      [groupBody([mother.id, girl.id, girl.id]), ['body.participantIds:participant_duplicate']],
      [groupBody([mother.id]), ['body.participantIds:participants_group_two']],
      [
        { ...groupBody([mother.id, girl.id]), form: 'individual' },
        ['body.participantIds:participants_individual_one'],
      ],
      [groupBody([girl.id, brother.id]), ['body.participantIds:participant_main_person_missing']],
    ];
    for (const [body, fields] of cases) {
      const res = await caller('coordinator').post(familyUrl('/interventions'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    const danish = await caller('coordinator').post(
      familyUrl('/interventions'),
      groupBody([mother.id]),
    );
    expect(danish.body).toContain('mindst to deltagere');
    expect(await stored()).toEqual(before);
  });

  it('changing the participants is a case change in words, with optimistic locking', async () => {
    const id = await createGroup([mother.id, brother.id]);
    const { version } = await interventionRow(id);
    const res = await caller('coordinator').patch(familyUrl(`/interventions/${id}`), {
      version,
      participantIds: [mother.id, brother.id, girl.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastEvent()).toMatchObject({
      kind: 'intervention_changed',
      changes: {
        participants: {
          from: 'Mor Holm, Lillebror Holm',
          to: 'Mor Holm, Lillebror Holm, Pige Holm',
        },
      },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('resource_id')
      .where('request_id', '=', String(res.headers['x-request-id']))
      .execute();
    expect(audit.map((a) => a.resource_id)).toContain(id);

    const before = await stored();
    const stale = await caller('coordinator').patch(familyUrl(`/interventions/${id}`), {
      version,
      participantIds: [mother.id, girl.id],
    });
    expect(stale.statusCode).toBe(409);
    const shrunk = await caller('coordinator').patch(familyUrl(`/interventions/${id}`), {
      version: version + 1,
      participantIds: [mother.id],
    });
    expect(fieldsOf(shrunk)).toEqual(['body.participantIds:participants_group_two']);
    const noMain = await caller('coordinator').patch(familyUrl(`/interventions/${id}`), {
      version: version + 1,
      participantIds: [brother.id, girl.id],
    });
    expect(fieldsOf(noMain)).toEqual(['body.participantIds:participant_main_person_missing']);
    expect(await stored()).toEqual(before);

    const toOne = await caller('coordinator').patch(familyUrl(`/interventions/${id}`), {
      version: version + 1,
      form: 'individual',
      participantIds: [mother.id],
    });
    expect(toOne.statusCode, toOne.body).toBe(200);
    const shown = (await familyListing()).find((i) => i.id === id);
    expect(shown?.form).toBe('individual');
    expect(shown?.participants.map((p) => p.id)).toEqual([mother.id]);
  });

  it("each participant's view: the brother's interventions include the group one; its mentor sees every participant, each audited", async () => {
    const res = await caller('coordinator').post(familyUrl('/interventions'), {
      ...groupBody([mother.id, brother.id]),
      providerName: undefined,
      providerUserId: mentor.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    // The brother is the main person of nothing, yet the group intervention is among his.
    const his = (await familyListing())
      .filter((i) => i.participants.some((p) => p.id === brother.id))
      .map((i) => i.id);
    expect(his).toContain(id);

    const seen = await caller('mentor').get(familyUrl('/interventions'));
    expect(seen.statusCode).toBe(200);
    const mine = (seen.json() as { interventions: WithParticipants[] }).interventions;
    expect(mine.map((i) => i.id)).toEqual([id]);
    expect(mine[0]?.participants.map((p) => p.name)).toEqual(['Mor Holm', 'Lillebror Holm']);
    expect(seen.body).not.toContain('Pige Holm');
    const audited = (await auditRowsOf(t.database.db, seen)).map((a) => a.subject_person_id);
    expect(audited.sort()).toEqual([mother.id, brother.id].sort());
  });

  it('a participant cannot be taken out of the case while the group intervention is open', async () => {
    const db = t.database.db;
    const id = await createGroup([mother.id, cousin.id]);
    const removal = () =>
      db
        .selectFrom('cases')
        .select('version')
        .where('id', '=', family.id)
        .executeTakeFirstOrThrow();
    const refused = await caller('coordinator').post(familyUrl(`/persons/${cousin.id}/removal`), {
      version: (await removal()).version,
      reason: 'Ikke længere en del af familiens hverdag',
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['params.personId:person_has_open_interventions']);

    const { version } = await interventionRow(id);
    const cancelled = await caller('coordinator').patch(familyUrl(`/interventions/${id}`), {
      version,
      status: 'cancelled',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const removed = await caller('coordinator').post(familyUrl(`/persons/${cousin.id}/removal`), {
      version: (await removal()).version,
      reason: 'Ikke længere en del af familiens hverdag',
    });
    expect(removed.statusCode, removed.body).toBe(200);
  });

  it('counts a group intervention once as an intervention and once for each participant', async () => {
    const db = t.database.db;
    const [a, b, c] = await Promise.all(
      ['A', 'B', 'C'].map((n) => createPerson(db, { givenName: n, familyName: 'Tælle' })),
    );
    const counted = await newCase([
      { id: a!.id },
      { id: b!.id, role: 'parent' },
      { id: c!.id, role: 'sibling' },
    ]);
    const create = (body: Record<string, unknown>) =>
      caller('coordinator').post(url('/interventions', counted.id), {
        interventionTypeId: types.mentor,
        ...body,
      });
    expect(
      (await create({ personId: a!.id, form: 'group', participantIds: [a!.id, b!.id, c!.id] }))
        .statusCode,
    ).toBe(201);
    expect((await create({ personId: a!.id })).statusCode).toBe(201);
    const counts = await countInterventionsByPerson(db, {
      municipalityCode: '101',
      caseId: counted.id,
    });
    expect(counts.interventions).toBe(2);
    expect(Object.fromEntries(counts.byPerson.map((p) => [p.personId, p.interventions]))).toEqual({
      [a!.id]: 2,
      [b!.id]: 1,
      [c!.id]: 1,
    });
  });
});
