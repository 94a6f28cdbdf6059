import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { versionOf } from '../../test/case-workbench.ts';
import { auditRowsOf } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import {
  caller,
  citizen,
  eventCount,
  fieldsOf,
  interventionRow,
  t,
  theCase,
  types,
  url,
  useCaseInterventionFixtures,
} from './case-interventions.fixtures.ts';

/**
 * Resuming a case on hold: a reason is required (kept in the chronology), and the coordinator's
 * choice for each waiting intervention (resume or leave as it is) is applied in the same
 * transaction, each resumed one with its own event. Bad choices store nothing.
 */
useCaseInterventionFixtures();

const caseVersion = () => versionOf(t.database.db, 'cases', theCase.id);
async function create(type: string, startsOn?: string): Promise<string> {
  const res = await caller('coordinator').post(url('/interventions'), {
    interventionTypeId: type,
    personId: citizen.id,
    providerName: 'Mentorhuset',
    ...(startsOn && { startsOn }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
async function setStatus(id: string, status: string) {
  const { version } = await interventionRow(id);
  const res = await caller('coordinator').patch(url(`/interventions/${id}`), { version, status });
  expect(res.statusCode, res.body).toBe(200);
}
/** What a refused resume must leave as it was. */
async function snapshot(ids: string[]) {
  return {
    version: await caseVersion(),
    events: await eventCount(),
    rows: await Promise.all(ids.map(async (id) => (await interventionRow(id)).version)),
  };
}

describe(`resuming a case on hold (${testEngine})`, () => {
  it('needs a reason and applies the choice for each waiting intervention in one go', async () => {
    const planned = await create(types.mentor);
    const paused = await create(types.mentor, '2025-02-01');
    await setStatus(paused, 'active');
    await setStatus(paused, 'paused');
    const needsConsent = await create(types.s12b);
    const ids = [planned, paused, needsConsent];

    const onHoldWithChoices = await caller('coordinator').post(url('/status'), {
      version: await caseVersion(),
      status: 'on_hold',
      reason: 'Familien er rejst til udlandet i to måneder.',
      interventions: [{ id: planned, action: 'resume' }],
    });
    expect(fieldsOf(onHoldWithChoices)).toEqual(['body.interventions:only_when_resuming']);
    const onHold = await caller('coordinator').post(url('/status'), {
      version: await caseVersion(),
      status: 'on_hold',
      reason: 'Familien er rejst til udlandet i to måneder.',
    });
    expect(onHold.statusCode, onHold.body).toBe(200);

    const before = await snapshot(ids);
    const noReason = await caller('coordinator').post(url('/status'), {
      version: before.version,
      status: 'active',
      interventions: [{ id: planned, action: 'resume' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['body.reason:resume_reason_required']);
    const problem = (noReason.json() as { error: { fields: { message: string }[] } }).error
      .fields[0];
    expect(problem?.message).toBe(
      'Skriv, hvorfor sagen genoptages. Begrundelsen kommer med i sagens forløb.',
    );

    const reason = 'Familien er kommet hjem, og skolen har meldt pigen tilbage.';
    const noConsent = await caller('coordinator').post(url('/status'), {
      version: before.version,
      status: 'active',
      reason,
      interventions: [
        { id: planned, action: 'resume' },
        { id: needsConsent, action: 'resume' },
      ],
    });
    expect(fieldsOf(noConsent)).toEqual(['body.interventions.1.action:consent_required']);
    const unknown = await caller('coordinator').post(url('/status'), {
      version: before.version,
      status: 'active',
      reason,
      interventions: [
        { id: randomUUID(), action: 'resume' },
        { id: paused, action: 'keep' },
        { id: paused, action: 'resume' },
      ],
    });
    expect(fieldsOf(unknown)).toEqual([
      'body.interventions.0.id:intervention_not_waiting',
      'body.interventions.2.id:duplicate',
    ]);
    expect(await snapshot(ids)).toEqual(before);
    expect((await interventionRow(planned)).status).toBe('planned');

    const resumed = await caller('coordinator').post(url('/status'), {
      version: before.version,
      status: 'active',
      reason,
      interventions: [
        { id: planned, action: 'resume' },
        { id: paused, action: 'resume' },
        { id: needsConsent, action: 'keep' },
      ],
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const today = danishToday(new Date());
    expect(await interventionRow(planned)).toMatchObject({ status: 'active', starts_on: today });
    expect(await interventionRow(paused)).toMatchObject({
      status: 'active',
      starts_on: '2025-02-01',
    });
    expect((await interventionRow(needsConsent)).status).toBe('planned');

    const page = await caller('coordinator').get(url('/chronology?limit=3'));
    const items = (page.json() as { items: { kind: string; changes: Record<string, unknown> }[] })
      .items;
    expect(items.map((i) => i.kind).sort()).toEqual([
      'intervention_changed',
      'intervention_changed',
      'status_changed',
    ]);
    expect(items.find((i) => i.kind === 'status_changed')?.changes).toMatchObject({
      status: { from: 'on_hold', to: 'active' },
      resumeReason: { from: null, to: reason },
    });
    const statuses = items
      .filter((i) => i.kind === 'intervention_changed')
      .map((i) => JSON.stringify(i.changes.status))
      .sort();
    expect(statuses).toEqual([
      JSON.stringify({ from: 'paused', to: 'active' }),
      JSON.stringify({ from: 'planned', to: 'active' }),
    ]);
    const audit = await auditRowsOf(t.database.db, resumed);
    // One entry per change and person of the case (the citizen and his sister).
    expect(audit.map((r) => r.resource_type).sort()).toEqual([
      'case',
      'case',
      'case_intervention',
      'case_intervention',
      'case_intervention',
      'case_intervention',
    ]);
    expect(JSON.stringify(audit.map((r) => r.details))).not.toContain('skolen');
  });
});
