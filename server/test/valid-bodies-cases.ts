import { randomUUID } from 'node:crypto';
import { versionOf } from './case-workbench.ts';
import type { Prepared, WriteFixture } from './valid-bodies.ts';
import { ok, type Records, type World } from './write-world.ts';

/** Valid bodies for the case's record writes (see valid-bodies.ts). */

export const C = (w: World) => w.members.coordinator.as;
const caseUrl = (r: Records, rest = '') => `/api/cases/${r.caseId}${rest}`;
export const text = 'Samtale med skolen om fremmøde.';

async function assessmentDraft(w: World, r: Records): Promise<Prepared> {
  const res = await C(w).post(caseUrl(r, '/assessments'), {});
  const { assessment } = ok<{ assessment: { id: string; version: number } }>(res, 'assessment');
  return { assessmentId: assessment.id, version: assessment.version };
}

/** A filing of the case summary, recorded today. */
async function filing(w: World, r: Records): Promise<Prepared> {
  const res = await C(w).post(caseUrl(r, '/filings'), {
    document: 'case-summary',
    documentVersion: w.today,
    journalNumber: '00.00.00-G01-1-26',
    filedOn: w.today,
  });
  const filed = ok<{ id: string; version: number }>(res, 'filing');
  return { filingId: filed.id, version: filed.version };
}

async function planDraft(w: World, r: Records): Promise<Prepared> {
  const plan = ok<{ id: string; version: number }>(
    await C(w).post(caseUrl(r, '/plans'), {}),
    'plan',
  );
  return { planId: plan.id, version: plan.version };
}

const planContent = (w: World) => ({
  purpose: 'Fastholde skolegang',
  goals: [
    {
      key: randomUUID(),
      text: 'Går i skole hver dag',
      responsible: { name: 'Borgeren' },
      targetDate: w.today,
    },
  ],
  agreements: ['Ringer hvis han bliver syg'],
  citizenWishes: null,
  citizenParticipated: true,
  startsOn: w.today,
  endsOn: null,
  nextFollowUpOn: null,
  followUpIntervalDays: 30,
});

async function submittedPlan(w: World, r: Records): Promise<Prepared> {
  const draft = await planDraft(w, r);
  const url = caseUrl(r, `/plans/${draft.planId}`);
  const saved = ok<{ version: number }>(
    await C(w).put(url, { ...planContent(w), version: draft.version }),
    'plan content',
  );
  const sent = ok<{ version: number }>(
    await w.members.coordinator2.as.post(`${url}/submit`, { version: saved.version }),
    'plan submit',
  );
  return { planId: draft.planId ?? '', version: sent.version };
}

/** Posts `body` with a new id to the case's `path` (the setup step `step`); the new id. */
async function postWithId(
  w: World,
  r: Records,
  path: string,
  body: Record<string, unknown>,
  step: string,
): Promise<string> {
  const id = randomUUID();
  ok(await C(w).post(caseUrl(r, path), { id, ...body }), step);
  return id;
}

async function intervention(w: World, r: Records): Promise<Prepared> {
  const body = {
    interventionTypeId: w.typeId,
    personId: r.citizenId,
    purpose: 'Støtte i hverdagen',
    startsOn: w.today,
  };
  return {
    interventionId: await postWithId(w, r, '/interventions', body, 'intervention'),
    version: 1,
  };
}

async function consent(w: World, r: Records): Promise<Prepared> {
  return { consentId: await postWithId(w, r, '/consents', consentBody(w, r), 'consent') };
}
const consentBody = (w: World, r: Records) => ({
  personId: r.citizenId,
  givenBy: 'guardian', // the citizen is under 18
  purpose: 'Videregivelse til mentor',
  method: 'written',
  givenOn: w.today,
});

async function offer(w: World, r: Records): Promise<Prepared> {
  const body = { personId: r.citizenId, kind: 'mentor', offeredOn: w.today };
  return { offerId: await postWithId(w, r, '/offers', body, 'offer'), version: 1 };
}

async function followUp(w: World, r: Records): Promise<Prepared> {
  const followUpId = randomUUID();
  const res = await C(w).post(caseUrl(r, '/follow-ups'), { id: followUpId, dueOn: w.today });
  return { followUpId, version: ok<{ version: number }>(res, 'follow-up').version };
}

async function closure(w: World, r: Records): Promise<Prepared> {
  const body = { outcome: 'handled', reason: text };
  return { closureId: await postWithId(w, r, '/closure', body, 'closure') };
}

async function review(w: World, r: Records): Promise<Prepared> {
  const { closureId } = await closure(w, r);
  ok(
    await w.members.coordinator2.as.post(caseUrl(r, `/closure/${closureId}/approve`), {
      caseVersion: await caseVersion(w, r),
    }),
    'closure approve',
  );
  // The six-month re-review is due today (instead of waiting half a year).
  const row = await w.t.database.db
    .updateTable('case_reviews')
    .set({ due_on: w.today })
    .where('case_id', '=', r.caseId)
    .where('months', '=', 6)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { reviewId: row.id, version: row.version };
}

const caseVersion = (w: World, r: Records) => versionOf(w.t.database.db, 'cases', r.caseId);

export const CASE_BODIES: Record<string, WriteFixture> = {
  // ── Cases ──────────────────────────────────────────────────────────────────────────────────
  'POST /api/cases/{id}/members': {
    body: (w) => ({ userId: w.spare.caller.userId, role: 'member' }),
  },
  'DELETE /api/cases/{id}/members/{userId}': {
    prepare: async (w) => ({ userId: w.members.caseworker.caller.userId ?? '' }),
  },
  'POST /api/cases/{id}/persons': {
    prepare: async (w, r) => ({ version: await caseVersion(w, r) }),
    body: (_w, _r, p) => ({
      version: p.version,
      role: 'parent',
      new: { givenName: 'Hanne', familyName: 'Holm' },
    }),
  },
  'POST /api/cases/{id}/persons/{personId}/custody': {
    prepare: async (w, r) => ({ personId: r.relativeId, version: await caseVersion(w, r) }),
    body: (_w, _r, p) => ({ custodyHolder: true, version: p.version }),
  },
  'POST /api/cases/{id}/persons/{personId}/removal': {
    prepare: async (w, r) => {
      const added = ok<{ personId: string; version: number }>(
        await C(w).post(caseUrl(r, '/persons'), {
          version: await caseVersion(w, r),
          role: 'sibling',
          new: { givenName: 'Jonas', familyName: 'Holm' },
        }),
        'case person',
      );
      return { personId: added.personId, version: added.version };
    },
    body: (_w, _r, p) => ({ version: p.version, reason: 'Tilføjet ved en fejl.' }),
  },
  'POST /api/cases/{id}/notes': { as: 'caseworker', body: () => ({ text }) },
  'POST /api/cases/{id}/status': {
    prepare: async (w, r) => ({ version: await caseVersion(w, r) }),
    body: (_w, _r, p) => ({
      version: p.version,
      status: 'on_hold',
      reason: 'Borgeren er på ferie.',
    }),
  },
  'PATCH /api/cases/{id}/classification': {
    prepare: async (w, r) => ({ version: await caseVersion(w, r) }),
    body: (_w, _r, p) => ({ version: p.version, environment: 'online' }),
  },
  'POST /api/cases/{id}/assessments': { as: 'forum' },
  'PUT /api/cases/{id}/assessments/{assessmentId}': {
    prepare: assessmentDraft,
    body: (_w, _r, p) => ({ version: p.version, overallJudgement: text, concernLevel: 'moderate' }),
  },
  'POST /api/cases/{id}/assessments/{assessmentId}/finalise': {
    prepare: async (w, r) => {
      const draft = await assessmentDraft(w, r);
      const res = await C(w).put(caseUrl(r, `/assessments/${draft.assessmentId}`), {
        version: draft.version,
        overallJudgement: text,
        concernLevel: 'moderate',
        followUpIntervalDays: 30,
      });
      const saved = ok<{ assessment: { version: number } }>(res, 'assessment content');
      return { assessmentId: draft.assessmentId ?? '', version: saved.assessment.version };
    },
    body: (_w, _r, p) => ({ version: p.version }),
  },
  'POST /api/cases/{id}/plans': { as: 'caseworker' },
  'PUT /api/cases/{id}/plans/{planId}': {
    prepare: planDraft,
    body: (w, _r, p) => ({ ...planContent(w), version: p.version }),
  },
  'POST /api/cases/{id}/plans/{planId}/submit': {
    prepare: async (w, r) => {
      const draft = await planDraft(w, r);
      const res = await C(w).put(caseUrl(r, `/plans/${draft.planId}`), {
        ...planContent(w),
        version: draft.version,
      });
      return { planId: draft.planId ?? '', version: ok<{ version: number }>(res, 'plan').version };
    },
    body: (_w, _r, p) => ({ version: p.version }),
  },
  'POST /api/cases/{id}/plans/{planId}/approve': {
    prepare: submittedPlan,
    body: (_w, _r, p) => ({ version: p.version }),
  },
  'POST /api/cases/{id}/plans/{planId}/reject': {
    prepare: submittedPlan,
    body: (_w, _r, p) => ({ version: p.version, comment: 'Målene skal være mere konkrete.' }),
  },
  'POST /api/cases/{id}/interventions': {
    body: (w, r) => ({
      interventionTypeId: w.typeId,
      personId: r.citizenId,
      providerUserId: w.members.mentor.caller.userId,
      purpose: 'Støtte i hverdagen',
    }),
  },
  'PATCH /api/cases/{id}/interventions/{interventionId}': {
    prepare: intervention,
    body: (_w, _r, p) => ({ version: p.version, status: 'active' }),
  },
  'POST /api/cases/{id}/interventions/{interventionId}/sessions': {
    prepare: async (w, r) => {
      const planned = await intervention(w, r);
      const url = caseUrl(r, `/interventions/${planned.interventionId}`);
      ok(await C(w).patch(url, { version: planned.version, status: 'active' }), 'started');
      return planned;
    },
    body: (w) => ({ heldOn: w.today, note: text }),
  },
  'POST /api/cases/{id}/consents': { body: consentBody },
  'POST /api/cases/{id}/consents/{consentId}/withdraw': {
    prepare: consent,
    body: (w) => ({ withdrawnOn: w.today }),
  },
  'POST /api/cases/{id}/offers': {
    body: (w, r) => ({ personId: r.citizenId, kind: 'mentor', offeredOn: w.today }),
  },
  'POST /api/cases/{id}/offers/{offerId}/answer': {
    prepare: offer,
    body: (w, _r, p) => ({ version: p.version, answer: 'accepted', answeredOn: w.today }),
  },
  'POST /api/cases/{id}/offers/{offerId}/make': {
    prepare: async (w, r) => {
      const first = await offer(w, r);
      const res = await C(w).post(caseUrl(r, `/offers/${first.offerId}/answer`), {
        version: first.version,
        answer: 'declined',
        answeredOn: w.today,
      });
      const answered = ok<{ scheduled: { id: string }[] }>(res, 'offer declined');
      return { offerId: answered.scheduled[0]?.id ?? '', version: 1 };
    },
    body: (w, _r, p) => ({ version: p.version, offeredOn: w.today }),
  },
  'POST /api/cases/{id}/follow-ups': { body: (w) => ({ dueOn: w.today }) },
  'POST /api/cases/{id}/follow-ups/{followUpId}/record': {
    prepare: followUp,
    body: (w, _r, p) => ({ version: p.version, heldOn: w.today, concernLevel: 'low' }),
  },
  'POST /api/cases/{id}/follow-ups/{followUpId}/cancel': {
    prepare: followUp,
    body: (_w, _r, p) => ({ version: p.version }),
  },
  'POST /api/cases/{id}/closure': { body: () => ({ outcome: 'handled', reason: text }) },
  'POST /api/cases/{id}/closure/{closureId}/approve': {
    as: 'coordinator2',
    prepare: async (w, r) => ({ ...(await closure(w, r)), caseVersion: await caseVersion(w, r) }),
    body: (_w, _r, p) => ({ caseVersion: p.caseVersion }),
  },
  'POST /api/cases/{id}/closure/{closureId}/reject': {
    as: 'coordinator2',
    prepare: closure,
    body: () => ({ comment: 'Planens mål er ikke nået endnu.' }),
  },
  'POST /api/cases/{id}/disclosures': {
    body: (w, r) => ({
      id: crypto.randomUUID(),
      disclosedOn: w.today,
      recipientOrganisation: 'Psykiatrien, PSP',
      recipientKind: 'psychiatry',
      categories: ['plan'],
      legalBasis: 'Retsplejeloven § 115 (PSP)',
      purpose: 'Kriminalitetsforebyggende samarbejde',
      decidedBy: 'Tovholderen',
      channel: 'phone',
      personIds: [r.citizenId],
    }),
  },
  'POST /api/cases/{id}/filings': {
    body: (w) => ({
      document: 'case-summary',
      documentVersion: w.today,
      journalNumber: '00.00.00-G01-1-26',
      filedOn: w.today,
    }),
  },
  'PATCH /api/cases/{id}/filings/{filingId}': {
    prepare: filing,
    body: (w, _r, p) => ({
      version: p.version,
      journalNumber: '00.00.00-G01-2-26',
      filedOn: w.today,
      reason: 'Tastefejl',
    }),
  },
  'POST /api/cases/{id}/filings/{filingId}/withdrawal': {
    prepare: filing,
    body: (_w, _r, p) => ({ version: p.version, reason: 'Registreret på den forkerte sag' }),
  },
  'POST /api/cases/{id}/notices': {
    body: (w, r) => ({
      id: randomUUID(),
      outcome: 'informed',
      personId: r.citizenId,
      method: 'letter',
      givenOn: w.today,
    }),
  },
  'POST /api/cases/{id}/reviews/{reviewId}': {
    prepare: review,
    body: (w, _r, p) => ({
      version: p.version,
      decision: 'confirm',
      heldOn: w.today,
      noLongerAtRisk: true,
    }),
  },
};
