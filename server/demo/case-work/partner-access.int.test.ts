import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { getPartnerCase, listPartnerCases } from '../../modules/partners/partner-view.ts';
import { seedDemo } from '../seed.ts';

/** The demo partner: demo.psykiatri, invited once into an active demo case, sees it. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('invites demo.psykiatri into an active demo case once, with its event and disclosure', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'roles', 'totp_enabled_at'])
    .where('username', '=', 'demo.psykiatri')
    .executeTakeFirstOrThrow();
  expect(user.roles).toEqual(['partner']);
  expect(user.totp_enabled_at).not.toBeNull();
  const invitations = await db
    .selectFrom('case_partner_access')
    .select(['case_id', 'legal_basis'])
    .where('partner_user_id', '=', user.id)
    .execute();
  expect(invitations).toEqual([expect.objectContaining({ legal_basis: 'rpl_115_psp' })]);
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('kind', '=', 'partner_invited')
    .execute();
  expect(events).toHaveLength(1);

  const ctx = {
    db,
    keys: testKeys,
    user: {
      id: user.id,
      username: user.username,
      displayName: 'Pia',
      roles: ['partner' as const],
      municipalityCode: '999',
      policeDistrictId: null,
      unitIds: [],
      totpEnabled: true,
    },
    requestId: 'demo-test',
    ip: '127.0.0.1',
    language: 'da' as const,
  };
  const list = await listPartnerCases(ctx);
  expect(list.items).toHaveLength(1);
  const view = await getPartnerCase(ctx, list.items[0]?.caseId ?? '');
  expect(view.overview?.citizen).not.toBeNull();
  expect(view.banner.legalBasis).toMatch(/115/);
});
