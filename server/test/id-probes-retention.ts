import { randomUUID } from 'node:crypto';
import type { IdProbe, ProbeWorld } from './record-ids.ts';
import { createCase } from './records.ts';

/**
 * Record ids in retention's requests (docs/RETENTION.md): a case or a legal hold of another
 * municipality (147) answers as a missing one for the administrator of 101, and nothing is held,
 * lifted or deleted.
 */
const otherCase = async (x: ProbeWorld) =>
  (await createCase(x.t.database.db, { municipalityCode: '147' })).id;

async function otherHold(x: ProbeWorld): Promise<string> {
  const id = randomUUID();
  await x.t.database.db
    .insertInto('legal_holds')
    .values({
      id,
      municipality_code: '147',
      case_id: await otherCase(x),
      reason: 'Klage under behandling.',
      placed_by: x.other.user.caller.userId ?? '',
    })
    .execute();
  return id;
}

export const RETENTION_PROBES: IdProbe[] = [
  {
    key: 'POST /api/admin/retention/holds body.recordId',
    setup: async (x) => ({
      hidden: await otherCase(x),
      request: {
        caller: x.admin.caller,
        method: 'POST',
        url: () => '/api/admin/retention/holds',
        body: (id) => ({ id: randomUUID(), recordKind: 'case', recordId: id, reason: 'Retssag.' }),
      },
    }),
  },
  {
    key: 'POST /api/admin/retention/holds/{id}/lift path.id',
    setup: async (x) => ({
      hidden: await otherHold(x),
      request: {
        caller: x.admin.caller,
        method: 'POST',
        url: (id) => `/api/admin/retention/holds/${id}/lift`,
        body: () => ({ reason: 'Afgjort.', version: 1 }),
      },
    }),
  },
  {
    key: 'POST /api/admin/retention/delete body.recordId',
    setup: async (x) => ({
      hidden: await otherCase(x),
      request: {
        caller: x.admin.caller,
        method: 'POST',
        url: () => '/api/admin/retention/delete',
        body: (id) => ({ recordKind: 'case', recordId: id }),
      },
    }),
  },
];
