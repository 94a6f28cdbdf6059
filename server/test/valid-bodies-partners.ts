import { randomUUID } from 'node:crypto';
import { addDays } from '../modules/follow-ups/schedule.ts';
import type { Prepared, WriteFixture } from './valid-bodies.ts';
import { ok, type Records, type World } from './write-world.ts';

/** Valid bodies for partner access in a case (issue 13; see valid-bodies.ts). */

const C = (w: World) => w.members.coordinator.as;

/** A psychiatry partner of 101 (made in the database: the administrator's routes are elsewhere). */
async function organisation(w: World): Promise<string> {
  const id = randomUUID();
  await w.t.database.db
    .insertInto('partner_organisations')
    .values({ id, municipality_code: '101', name: `Psykiatrien ${id}`, kind: 'psychiatry' })
    .execute();
  return id;
}

function invitation(w: World, organisationId: string) {
  return {
    id: randomUUID(),
    organisationId,
    newPartner: {
      name: 'Overlæge Test',
      email: `partner.${randomUUID().slice(0, 8)}@psyk.example`,
    },
    parts: ['overview', 'contributions'],
    legalBasis: 'rpl_115_psp',
    purpose: 'Kriminalitetsforebyggende samarbejde i PSP',
    endsOn: addDays(w.today, 60),
  };
}

async function invited(w: World, r: Records): Promise<Prepared> {
  const res = await C(w).post(
    `/api/cases/${r.caseId}/partner-access`,
    invitation(w, await organisation(w)),
  );
  const made = ok<{ id: string; version: number }>(res, 'partner access');
  return { accessId: made.id, version: made.version };
}

export const PARTNER_BODIES: Record<string, WriteFixture> = {
  'POST /api/cases/{id}/partner-access': {
    prepare: async (w) => ({ organisationId: await organisation(w) }),
    body: (w, _r, p) => invitation(w, String(p.organisationId)),
  },
  'PUT /api/cases/{id}/partner-access/{accessId}': {
    prepare: invited,
    body: (w, _r, p) => ({
      version: p.version,
      parts: ['overview'],
      goalKeys: [],
      interventionIds: [],
      endsOn: addDays(w.today, 30),
      reason: 'Kortere forløb',
    }),
  },
  'POST /api/cases/{id}/partner-access/{accessId}/end': {
    prepare: invited,
    body: (_w, _r, p) => ({ version: p.version, reason: 'Forløbet er afsluttet' }),
  },
};
