import { randomUUID } from 'node:crypto';
import { RISK_ITEMS } from '../../shared/citizen-meetings.ts';
import type { Prepared, WriteFixture } from './valid-bodies.ts';
import { ok, type Records, type World } from './write-world.ts';

/** Valid bodies for meeting the citizen on a case and an inquiry (see valid-bodies.ts, 0049). */

const riskCheck = () => RISK_ITEMS.map((item) => ({ item, answer: 'no', note: null }));

const preparation = () => ({
  purpose: 'clarify_concern',
  agenda: 'Hvordan går det i skolen?',
  place: 'Biblioteket',
  riskCheck: riskCheck(),
  precautions: 'Vi er to.',
});

const base = (kind: 'cases' | 'inquiries', r: Records) =>
  `/api/${kind}/${kind === 'cases' ? r.caseId : r.inquiryId}`;

/** A meeting prepared by the coordinator (and held, when `held`): its id and version. */
const meeting =
  (kind: 'cases' | 'inquiries', held = false) =>
  async (w: World, r: Records): Promise<Prepared> => {
    const as = w.members.coordinator.as;
    const id = randomUUID();
    ok(await as.post(`${base(kind, r)}/citizen-meetings`, { id, ...preparation() }), 'meeting');
    if (!held) return { meetingId: id, version: 1 };
    ok(
      await as.put(`${base(kind, r)}/citizen-meetings/${id}/held`, { version: 1, heldOn: w.today }),
      'held',
    );
    return { meetingId: id, version: 2 };
  };

const attempt = (w: World) => ({
  id: randomUUID(),
  attemptedOn: w.today,
  channel: 'phone',
  outcome: 'no_answer',
});

const reflection = { worked: 'Stedet.', change: null, motivation: null, resistance: null };

function bodiesFor(kind: 'cases' | 'inquiries'): Record<string, WriteFixture> {
  const path = `/api/${kind}/{id}`;
  return {
    [`POST ${path}/contact-attempts`]: { body: (w) => attempt(w) },
    [`POST ${path}/citizen-meetings`]: { body: () => ({ id: randomUUID(), ...preparation() }) },
    [`PUT ${path}/citizen-meetings/{meetingId}/preparation`]: {
      prepare: meeting(kind),
      body: (_w, _r, p) => ({ version: p.version, ...preparation() }),
    },
    [`PUT ${path}/citizen-meetings/{meetingId}/held`]: {
      prepare: meeting(kind),
      body: (w, _r, p) => ({ version: p.version, heldOn: w.today }),
    },
    [`PUT ${path}/citizen-meetings/{meetingId}/reflection`]: {
      prepare: meeting(kind, true),
      body: (_w, _r, p) => ({ version: p.version, ...reflection }),
    },
  };
}

export const CITIZEN_MEETING_BODIES: Record<string, WriteFixture> = {
  ...bodiesFor('cases'),
  ...bodiesFor('inquiries'),
};
