import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { testKeys } from '../../test/app.ts';
import { getPartnerCase, listPartnerCases } from './partner-view.ts';
import { presentAccesses } from './presenting.ts';
import { accessRows } from './queries.ts';
import {
  caller,
  invitation,
  newPartnerUser,
  orgs,
  partnerCase,
  t,
  today,
  usePartnerFixtures,
} from './partners.fixtures.ts';

/**
 * The partner lists ask the consent module once for all their rows, not once per row (review 10):
 * the number of SQL statements of the partner's "Mine sager", of one of its cases and of the
 * team's list does not grow with the number of consent-based invitations.
 */
usePartnerFixtures();

/** The database, counting the statements sent through it. */
function counting(db: Kysely<DB>) {
  const counter = { statements: 0 };
  const counted = db.withPlugin({
    transformQuery: (args) => {
      counter.statements += 1;
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  });
  return { counter, counted };
}

function contextOf(db: Kysely<DB>, user: { id: string; username: string }): RequestContext {
  return {
    db,
    keys: testKeys,
    user: {
      id: user.id,
      username: user.username,
      displayName: 'x',
      roles: ['partner'],
      municipalityCode: '101',
      policeDistrictId: null,
      unitIds: [],
      totpEnabled: true,
    },
    requestId: randomUUID(),
    ip: '127.0.0.1',
    language: 'da',
  } as RequestContext;
}

/** Invites the partner on the consent basis into `n` new cases; the cases. */
async function consentCases(partnerId: string, n: number) {
  const cases = [];
  for (let i = 0; i < n; i += 1) {
    const c = await partnerCase();
    const res = await caller('coordinator').post(
      `/api/cases/${c.id}/partner-access`,
      invitation(c, {
        organisationId: orgs.school,
        partnerUserId: partnerId,
        legalBasis: 'consent',
        consentId: c.consentId,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    cases.push(c);
  }
  return cases;
}

describe('no statement per row on the partner lists (review 10)', () => {
  it('"Mine sager" and one case cost the same with one invitation as with four', async () => {
    const one = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`, orgs.school);
    const four = await newPartnerUser(`p-${randomUUID().slice(0, 6)}`, orgs.school);
    const [oneCase] = await consentCases(one.id, 1);
    const fourCases = await consentCases(four.id, 4);
    const cost = async (user: typeof one, caseId: string) => {
      const { counter, counted } = counting(t.database.db);
      const ctx = contextOf(counted, user);
      expect((await listPartnerCases(ctx)).items.length).toBeGreaterThan(0);
      const list = counter.statements;
      counter.statements = 0;
      expect((await getPartnerCase(ctx, caseId)).caseId).toBe(caseId);
      return { list, single: counter.statements };
    };
    const small = await cost(one, oneCase?.id ?? '');
    const large = await cost(four, fourCases[3]?.id ?? '');
    expect(large).toEqual(small);
  });

  it('the team’s list costs the same with one invitation as with four', async () => {
    const c = await partnerCase();
    const d = await partnerCase();
    const invite = async (caseId: string, body: Record<string, unknown>) =>
      expect(
        (await caller('coordinator').post(`/api/cases/${caseId}/partner-access`, body)).statusCode,
      ).toBe(201);
    const consentBased = (x: typeof c, partnerId: string) =>
      invitation(x, {
        organisationId: orgs.school,
        partnerUserId: partnerId,
        legalBasis: 'consent',
        consentId: x.consentId,
      });
    await invite(c.id, consentBased(c, (await newPartnerUser('s1', orgs.school)).id));
    for (const name of ['s2', 's3', 's4', 's5']) {
      await invite(d.id, consentBased(d, (await newPartnerUser(name, orgs.school)).id));
    }
    const cost = async (caseId: string) => {
      const rows = await accessRows(t.database.db, { caseId, municipalityCode: '101' });
      const { counter, counted } = counting(t.database.db);
      const items = await presentAccesses(counted, rows, today(), 'da');
      expect(items.every((i) => i.status === 'active')).toBe(true);
      return { rows: items.length, statements: counter.statements };
    };
    const small = await cost(c.id);
    const large = await cost(d.id);
    expect([small.rows, large.rows]).toEqual([1, 4]);
    expect(large.statements).toBe(small.statements);
  });
});
