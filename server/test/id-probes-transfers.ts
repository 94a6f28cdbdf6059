import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { send } from './access-matrix.ts';
import { bodyProbe, validWrite, type IdProbe, type ProbeWorld } from './record-ids.ts';
import { createCase } from './records.ts';
import { createUser } from './users.ts';

/**
 * Record ids in the requests across municipalities (issue 13 part 5): a transfer addressed to
 * another municipality answers as a missing one, and a client id already used for another team's
 * forwarding or transfer is refused exactly as one used for the caller's own, and another case's
 * consent named by a consent-based transfer answers as an unknown one.
 */
const FORWARD = 'POST /api/inquiries/{id}/forward';
const TRANSFER = 'POST /api/cases/{id}/transfers';

/** A valid write of `key` made in a fresh record of `w`: its client id. */
async function madeIn(w: ProbeWorld['foreign'], key: string): Promise<string> {
  const write = await validWrite(w, key);
  const res = await send(w.t, write.caller, 'POST', write.url, write.body);
  if (res.status !== 201) throw new Error(`${key} not made: ${res.status}`);
  return String(write.body?.id);
}

/** A transfer from a case of 147 to 751: addressed to neither of the caller's (101) places. */
async function elsewhere(x: ProbeWorld): Promise<string> {
  const db: Kysely<DB> = x.t.database.db;
  const proposer = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  const theCase = await createCase(db, { municipalityCode: '147' });
  const row = await db
    .insertInto('case_transfers')
    .values({
      id: crypto.randomUUID(),
      municipality_code: '147',
      case_id: theCase.id,
      to_municipality_code: '751',
      reason: 'Borgeren flytter.',
      legal_basis_key: 'value_leap',
      legal_basis: 'Værdispringsreglen',
      parts: ['identity'],
      proposed_by: proposer.id,
      proposed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const coordinator = (x: ProbeWorld) => x.members.coordinator.caller;

/** A consent of another team's case: named by a consent-based transfer, it covers nothing. */
async function theirConsent(x: ProbeWorld): Promise<string> {
  const write = await validWrite(x.foreign, 'POST /api/cases/{id}/consents/{consentId}/withdraw');
  return String(write.prepared.consentId);
}

function transferPath(action: '' | '/accept' | '/decline', method: 'GET' | 'POST'): IdProbe {
  return {
    key: `${method} /api/transfers/{id}${action} path.id`,
    setup: async (x) => ({
      hidden: await elsewhere(x),
      request: {
        caller: coordinator(x),
        method,
        url: (id) => `/api/transfers/${id}${action}`,
        ...(method === 'POST' && {
          body: () => (action === '/decline' ? { version: 1, reason: 'Nej tak.' } : { version: 1 }),
        }),
      },
    }),
  };
}

export const TRANSFER_PROBES: IdProbe[] = [
  transferPath('', 'GET'),
  transferPath('/accept', 'POST'),
  transferPath('/decline', 'POST'),
  {
    ...bodyProbe(
      FORWARD,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => madeIn(x.foreign, FORWARD),
    ),
    visibleTwin: (x) => madeIn(x, FORWARD),
  },
  bodyProbe(
    TRANSFER,
    'body.consentId',
    (b, id) => ({ ...b, legalBasis: 'consent', consentId: id }),
    theirConsent,
  ),
  {
    ...bodyProbe(
      TRANSFER,
      'body.id',
      (b, id) => ({ ...b, id }),
      (x) => madeIn(x.foreign, TRANSFER),
    ),
    visibleTwin: (x) => madeIn(x, TRANSFER),
  },
];
