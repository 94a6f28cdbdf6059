import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import type { Client } from './records.ts';

/**
 * A case filled through the API the way a coordinator works one: recorded as an inquiry, decided
 * as a radicalisation concern (which opens the case), then given members, notes, an assessment, a
 * plan, interventions, a consent, an offer and a follow-up. `text` goes into every compartment
 * field (the inquiry's observation, signs, contribution and decision, the classification, a
 * compartment note, the assessment's risk lens, risk factors and overall judgement); everything
 * else carries neutral text. The adversarial tests use it to reach every case route with real ids.
 */
export interface Workbench {
  caseId: string;
  reference: string;
  inquiryId: string;
  citizenId: string;
  parentId: string;
  typeId: string;
  /** A final assessment and a draft started from it. */
  finalAssessmentId: string;
  draftAssessmentId: string;
  /** An approved plan (its goals' keys) and a draft started from it. */
  approvedPlanId: string;
  draftPlanId: string;
  goalKeys: string[];
  interventionId: string;
  consentId: string;
  offerId: string;
  followUpId: string;
}

export interface WorkbenchOptions {
  /** Text for every compartment field (at most 200 characters: the shortest such field). */
  text: string;
  /** Users to add as case members with the case role `member` (e.g. a caseworker, police). */
  members?: string[];
  /** The user responsible for the plan's goal and providing the intervention. */
  providerUserId?: string;
}

export const today = () => danishToday(new Date());

/** The current `version` of a row, for requests that must carry it. */
export async function versionOf(db: Kysely<DB>, table: string, id: string): Promise<number> {
  const r = await sql<{
    version: number;
  }>`select version from ${sql.table(table)} where id = ${id}`.execute(db);
  const v = r.rows[0]?.version;
  if (v === undefined) throw new Error(`no ${table} ${id}`);
  return v;
}

function must<T>(res: { statusCode: number; body: string; json(): unknown }, what: string): T {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : {}) as T;
}

/** Loads the standard catalogue (once per municipality) and returns one type id from it. */
export async function standardTypeId(db: Kysely<DB>, coordinator: Client): Promise<string> {
  const existing = await db
    .selectFrom('intervention_types')
    .select('id')
    .where('municipality_code', '=', '101')
    .where('consent_required', '=', false)
    .orderBy('code')
    .executeTakeFirst();
  if (existing) return existing.id;
  must(await coordinator.post('/api/intervention-types/load-standard', {}), 'load catalogue');
  return standardTypeId(db, coordinator);
}

export async function buildWorkbench(
  db: Kysely<DB>,
  coordinator: Client,
  coordinatorId: string,
  options: WorkbenchOptions,
): Promise<Workbench> {
  const { text } = options;
  const neutral = 'Samtaler med skolen og familien.';
  const inquiry = must<{ id: string }>(
    await coordinator.post(
      '/api/inquiries',
      {
        source: 'teacher',
        channel: 'phone',
        reporter: { anonymous: false, name: 'Lærer Demo', contact: '12345678' },
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        observation: text,
        subjectKind: 'family',
        persons: [
          { new: { givenName: 'Aksel', familyName: 'Prøvesen', birthDate: '2010-03-14' } },
          {
            new: { givenName: 'Bente', familyName: 'Prøvesen', birthDate: '1980-05-01' },
            relationToFirst: 'parent',
          },
        ],
        signs: [{ code: 'extremist_media', note: text }],
      },
      { 'idempotency-key': `wb-${randomUUID()}` },
    ),
    'record inquiry',
  );
  const inquiryId = inquiry.id;
  must(
    await coordinator.post(`/api/inquiries/${inquiryId}/contributions`, { body: text }),
    'contribution',
  );
  const decided = must<{ decisions: { caseId: string | null; caseReference: string | null }[] }>(
    await coordinator.post(`/api/inquiries/${inquiryId}/decision`, {
      version: await versionOf(db, 'inquiries', inquiryId),
      outcome: 'radicalisation',
      reason: text,
      classification: {
        subjectKind: 'family',
        extremismForm: 'other',
        extremismFormOther: text,
        environment: 'online',
      },
    }),
    'decision',
  );
  const caseId = decided.decisions[0]?.caseId ?? '';
  const reference = decided.decisions[0]?.caseReference ?? '';
  const persons = await db
    .selectFrom('case_persons')
    .select(['person_id', 'role'])
    .where('case_id', '=', caseId)
    .execute();
  const citizenId = persons.find((p) => p.role === 'citizen')?.person_id ?? '';
  const parentId = persons.find((p) => p.role !== 'citizen')?.person_id ?? '';
  const url = (path: string) => `/api/cases/${caseId}${path}`;
  const caseVersion = () => versionOf(db, 'cases', caseId);

  for (const userId of options.members ?? []) {
    must(await coordinator.post(url('/members'), { userId, role: 'member' }), 'member');
  }
  must(
    await coordinator.patch(url('/classification'), {
      version: await caseVersion(),
      extremismFormOther: text,
      primaryConcern: true,
    }),
    'classification',
  );
  must(await coordinator.post(url('/notes'), { text, compartment: true }), 'compartment note');
  must(await coordinator.post(url('/notes'), { text: neutral }), 'note');

  // Assessment: one final with the compartment text, then a draft started from it.
  const first = must<{ assessment: { id: string } }>(
    await coordinator.post(url('/assessments'), {}),
    'assessment',
  ).assessment;
  must(
    await coordinator.put(url(`/assessments/${first.id}`), {
      version: await versionOf(db, 'case_assessments', first.id),
      dimensions: { violence: { risk: text, wellbeing: neutral } },
      riskFactors: [text],
      protectiveFactors: ['Går til fodbold'],
      overallJudgement: text,
      concernLevel: 'moderate',
      resources: neutral,
    }),
    'assessment edit',
  );
  must(
    await coordinator.post(url(`/assessments/${first.id}/finalise`), {
      version: await versionOf(db, 'case_assessments', first.id),
    }),
    'assessment finalise',
  );
  const draftAssessment = must<{ assessment: { id: string } }>(
    await coordinator.post(url('/assessments'), {}),
    'assessment draft',
  ).assessment;

  // Plan: approved with two goals (which schedules follow-ups), then a new draft.
  const goalKeys = [randomUUID(), randomUUID()];
  const responsible = options.providerUserId ?? coordinatorId;
  const plan = must<{ id: string }>(await coordinator.post(url('/plans'), {}), 'plan');
  must(
    await coordinator.put(url(`/plans/${plan.id}`), {
      version: await versionOf(db, 'case_plans', plan.id),
      purpose: 'Fastholde skolegang',
      goals: [
        {
          key: goalKeys[0],
          text: 'Går i skole hver dag',
          responsible: { userId: responsible },
          targetDate: today(),
        },
        {
          key: goalKeys[1],
          parentKey: goalKeys[0],
          text: 'Møder sin mentor',
          responsible: { name: 'Forælder' },
          targetDate: today(),
        },
      ],
      agreements: ['Ringer hvis han bliver syg'],
      citizenWishes: 'Vil gerne spille fodbold',
      citizenParticipated: true,
      startsOn: today(),
      endsOn: null,
      nextFollowUpOn: today(),
      followUpIntervalDays: 30,
    }),
    'plan edit',
  );
  must(
    await coordinator.post(url(`/plans/${plan.id}/approve`), {
      version: await versionOf(db, 'case_plans', plan.id),
    }),
    'plan approve',
  );
  const draftPlan = must<{ id: string }>(await coordinator.post(url('/plans'), {}), 'plan draft');

  const typeId = await standardTypeId(db, coordinator);
  const intervention = must<{ id: string }>(
    await coordinator.post(url('/interventions'), {
      interventionTypeId: typeId,
      personId: citizenId,
      ...(options.providerUserId
        ? { providerUserId: options.providerUserId }
        : { providerName: 'Ekstern mentor' }),
      purpose: 'Støtte til skolegang',
      startsOn: today(),
    }),
    'intervention',
  );
  must(
    await coordinator.patch(url(`/interventions/${intervention.id}`), {
      version: await versionOf(db, 'case_interventions', intervention.id),
      status: 'active',
    }),
    'intervention start',
  );
  must(
    await coordinator.post(url(`/interventions/${intervention.id}/sessions`), {
      heldOn: today(),
      note: neutral,
    }),
    'session',
  );
  const consent = must<{ id: string }>(
    await coordinator.post(url('/consents'), {
      personId: citizenId,
      givenBy: 'guardian',
      purpose: 'Samarbejde med skolen',
      method: 'written',
      givenOn: today(),
    }),
    'consent',
  );
  const offer = must<{ id: string }>(
    await coordinator.post(url('/offers'), {
      personId: parentId,
      kind: 'parent_coach',
      offeredOn: today(),
    }),
    'offer',
  );
  const followUp = must<{ id: string }>(
    await coordinator.post(url('/follow-ups'), { dueOn: today() }),
    'follow-up',
  );
  return {
    caseId,
    reference,
    inquiryId,
    citizenId,
    parentId,
    typeId,
    finalAssessmentId: first.id,
    draftAssessmentId: draftAssessment.id,
    approvedPlanId: plan.id,
    draftPlanId: draftPlan.id,
    goalKeys,
    interventionId: intervention.id,
    consentId: consent.id,
    offerId: offer.id,
    followUpId: followUp.id,
  };
}
