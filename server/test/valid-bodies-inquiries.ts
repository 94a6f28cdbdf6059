import { randomUUID } from 'node:crypto';
import { versionOf } from './case-workbench.ts';
import { C, text } from './valid-bodies-cases.ts';
import type { Prepared, WriteFixture } from './valid-bodies.ts';
import { ok, type Records, type World } from './write-world.ts';

/** Valid bodies for the citizen's person record and the inquiry's writes (see valid-bodies.ts). */

const inquiryVersion = (w: World, r: Records) =>
  versionOf(w.t.database.db, 'inquiries', r.inquiryId);

const decisionBody = (version: number) => ({
  version,
  outcome: 'no_concern',
  reason: 'Ingen bekymring for radikalisering efter samtale med skolen.',
  classification: { subjectKind: 'person' },
});

async function decided(w: World, r: Records): Promise<Prepared> {
  const url = `/api/inquiries/${r.inquiryId}/decision`;
  ok(await C(w).post(url, decisionBody(await inquiryVersion(w, r))), 'decision');
  return { version: await inquiryVersion(w, r) };
}

async function awaitingApproval(w: World, r: Records): Promise<Prepared> {
  const db = w.t.database.db;
  // Four-eyes (model 3) for this one decision: on while deciding, off again for the other tests.
  await setFourEyes(w, true);
  try {
    await decided(w, r);
  } finally {
    await setFourEyes(w, false);
  }
  const row = await db
    .selectFrom('inquiries')
    .select('version')
    .where('id', '=', r.inquiryId)
    .executeTakeFirstOrThrow();
  return { version: row.version };
}

async function setFourEyes(w: World, on: boolean) {
  await w.t.database.db
    .insertInto('municipality_settings')
    .values({ municipality_code: '101', four_eyes: on })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ four_eyes: on }))
    .execute();
}

export const INQUIRY_BODIES: Record<string, WriteFixture> = {
  // ── Persons (the case's citizen) ───────────────────────────────────────────────────────────
  'PATCH /api/persons/{id}': { body: () => ({ version: 1, phone: '12345678' }) },
  'POST /api/persons/{id}/cpr': { readsOnly: true },
  'POST /api/persons/{id}/merge': { body: (_w, r) => ({ intoPersonId: r.relativeId, version: 1 }) },
  'POST /api/persons/{id}/relations': {
    body: (_w, r) => ({ relatedPersonId: r.relativeId, relation: 'parent' }),
  },
  'DELETE /api/persons/{id}/relations/{relatedPersonId}': {
    prepare: async (w, r) => {
      const url = `/api/persons/${r.citizenId}/relations`;
      ok(await C(w).post(url, { relatedPersonId: r.relativeId, relation: 'parent' }), 'relation');
      return { relatedPersonId: r.relativeId };
    },
  },

  // ── Inquiries ──────────────────────────────────────────────────────────────────────────────
  'PATCH /api/inquiries/{id}': {
    body: () => ({ version: 1, observation: 'Eleven taler om vold i frikvarteret.' }),
  },
  'POST /api/inquiries/{id}/triage': { body: () => ({ version: 1, seriousness: 'low' }) },
  'POST /api/inquiries/{id}/contributions': { as: 'forum', body: () => ({ body: text }) },
  'POST /api/inquiries/{id}/decision': { body: () => decisionBody(1) },
  'POST /api/inquiries/{id}/decision/review': {
    as: 'coordinator2',
    prepare: awaitingApproval,
    body: (_w, _r, p) => ({ version: p.version, approve: true }),
  },
  'POST /api/inquiries/{id}/reopen': {
    prepare: decided,
    body: (_w, _r, p) => ({ version: p.version, reason: 'Skolen har ringet igen.' }),
  },
  // The world's inquiry is a teacher's about a child born 2010: a report under Barnets lov.
  'POST /api/inquiries/{id}/child-report': {
    prepare: async (w, r) => ({ version: await inquiryVersion(w, r) }),
    body: (_w, _r, p) => ({ childReport: true, version: p.version }),
  },
  'POST /api/inquiries/{id}/immediate-help': {
    prepare: markedChildReport,
    body: (_w, _r, p) => ({ needed: false, note: null, version: p.version }),
  },
  'POST /api/inquiries/{id}/acknowledgement': {
    prepare: async (w, r) => {
      const version = await inquiryVersion(w, r);
      const reporter = { anonymous: false, name: 'Skoleleder Demo', contact: null };
      ok(await C(w).patch(`/api/inquiries/${r.inquiryId}`, { version, reporter }), 'reporter');
      return markedChildReport(w, r);
    },
    body: (_w, _r, p) => ({ version: p.version, email: 'skoleleder@demo.invalid' }),
  },
  // The police's feedback on the inquiry (issue 14 part 8), marked read by its coordinator.
  'POST /api/inquiries/{id}/police-feedback/{feedbackId}/read': {
    prepare: async (w, r) => {
      const feedbackId = randomUUID();
      await w.t.database.db
        .insertInto('police_feedback')
        .values({
          id: feedbackId,
          inquiry_id: r.inquiryId,
          kind: 'no_police_action',
          sent_by: w.members.coordinator.caller.userId ?? '',
        })
        .execute();
      return { feedbackId };
    },
    body: () => ({ version: 1 }),
  },
};

/** The world's inquiry marked as a report about a child; its version after. */
async function markedChildReport(w: World, r: Records): Promise<Prepared> {
  const url = `/api/inquiries/${r.inquiryId}/child-report`;
  ok(await C(w).post(url, { childReport: true, version: await inquiryVersion(w, r) }), 'mark');
  return { version: await inquiryVersion(w, r) };
}
