import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../access/passwords.ts';
import { encryptField } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays } from '../../modules/follow-ups/schedule.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../users.ts';
import { dayAgo, demoContext, event, hasMarker, setMarker } from './context.ts';

/**
 * A partner invited into a demo case (issue 13 part 1): `demo.psykiatri`, a fictional doctor at
 * Demo Psykiatriske Center (the PSP partner), logs in with the demo password and the demo TOTP
 * secret like every demo user, and is invited into the first active demo case for three months
 * on retsplejeloven § 115 (PSP): the overview, the current plan's goals and contributions. The
 * invitation's chronology event and its disclosure register entry (made by the product) come
 * with it. Added once (its own marker, fixed ids), also to older demo installations.
 */
const MARKER = 'demo_partner_access_seeded_at';
/** The partner's login, printed in the console banner with the staff logins. */
export const DEMO_PARTNER_USERNAME = 'demo.psykiatri';
const USERNAME = DEMO_PARTNER_USERNAME;
const ORGANISATION_ID = '5e1f0a00-0000-4000-8000-000000000001';
const ACCESS_ID = '7b2d3f10-4e5c-4d6b-8f90-1c2d3e4f5a61';
const DISCLOSURE_ID = '7b2d3f10-4e5c-4d6b-8f90-1c2d3e4f5a62';
const PURPOSE =
  'Kriminalitetsforebyggende samarbejde i PSP om borgerens behandlingsforløb – ikke efterforskning';

export async function seedDemoPartnerAccess(
  db: Kysely<DB>,
  secretKey: Buffer,
  now = new Date(),
): Promise<void> {
  // The password's hash costs a third of a second: only when the step has not run yet.
  if (await db.transaction().execute((trx) => hasMarker(trx, MARKER))) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411931)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const organisation = await trx
      .selectFrom('partner_organisations')
      .select('name')
      .where('id', '=', ORGANISATION_ID)
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .executeTakeFirst();
    if (!organisation) return;
    const user = await trx
      .insertInto('users')
      .values({
        username: USERNAME,
        display_name: 'Overlæge Pia Demo-Psykiatri',
        email: 'pia@demo-psykiatri.example',
        roles: ['partner'],
        municipality_code: DEMO_MUNICIPALITY_CODE,
        password_hash: passwordHash,
        password_changed_at: sql<Date>`now()`,
        is_demo: true,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (user) {
      await trx
        .updateTable('users')
        .set({
          totp_secret_enc: encryptField(secretKey, DEMO_TOTP_SECRET, `totp:${user.id}`),
          totp_enabled_at: sql<Date>`now()`,
        })
        .where('id', '=', user.id)
        .execute();
      await trx
        .insertInto('partner_users')
        .values({
          user_id: user.id,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          organisation_id: ORGANISATION_ID,
        })
        .execute();
    }
    const c = await demoContext(trx, now, ['demo.tovholder', USERNAME]);
    if (!c) return;
    const active = await trx
      .selectFrom('cases as k')
      .innerJoin('case_persons as cp', (j) =>
        j
          .onRef('cp.case_id', '=', 'k.id')
          .onRef('cp.municipality_code', '=', 'k.municipality_code'),
      )
      .select(['k.id', 'cp.person_id'])
      .where('k.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('k.is_demo', '=', true)
      .where('k.status', '=', 'active')
      .where('cp.role', '=', 'citizen')
      .orderBy('k.opened_at')
      .limit(1)
      .executeTakeFirst();
    if (active) {
      const plan = await trx
        .selectFrom('case_plans')
        .select('goals')
        .where('case_id', '=', active.id)
        .where('status', '=', 'approved')
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      const goalKeys = ((plan?.goals ?? []) as unknown as { key: string }[])
        .slice(0, 2)
        .map((g) => g.key);
      const parts =
        goalKeys.length > 0
          ? ['overview', 'planGoals', 'contributions']
          : ['overview', 'contributions'];
      const invitedOn = dayAgo(now, 3);
      const endsOn = addDays(invitedOn, 90);
      const inviter = c.user('demo.tovholder').id;
      await trx
        .insertInto('case_partner_access')
        .values({
          id: ACCESS_ID,
          municipality_code: DEMO_MUNICIPALITY_CODE,
          case_id: active.id,
          partner_user_id: c.user(USERNAME).id,
          organisation_id: ORGANISATION_ID,
          parts,
          goal_keys: goalKeys,
          intervention_ids: [],
          legal_basis: 'rpl_115_psp',
          purpose: PURPOSE,
          ends_on: endsOn,
          invited_by: inviter,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('disclosures')
        .values({
          id: DISCLOSURE_ID,
          case_id: active.id,
          disclosed_on: invitedOn,
          recipient_organisation: organisation.name,
          recipient_kind: 'psychiatry',
          recipient_person: 'Overlæge Pia Demo-Psykiatri',
          categories:
            goalKeys.length > 0
              ? ['identity', 'case_history', 'plan']
              : ['identity', 'case_history'],
          documents: null,
          legal_basis: 'Retsplejeloven § 115 (PSP)',
          purpose: PURPOSE,
          decided_by: 'Tovholderen',
          channel: 'product',
          recorded_by_hand: false,
          product_source: 'partner_access',
          recorded_by: inviter,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('disclosure_persons')
        .values({ disclosure_id: DISCLOSURE_ID, person_id: active.person_id })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await event(c, active.id, 3, 'demo.tovholder', 'partner_invited', {
        partnerOrganisation: { from: null, to: organisation.name },
        partnerPerson: { from: null, to: 'Overlæge Pia Demo-Psykiatri' },
        partnerParts: { from: null, to: parts.join(', ') },
        legalBasis: { from: null, to: 'Retsplejeloven § 115 (PSP)' },
        endsOn: { from: null, to: endsOn },
      });
    }
    await setMarker(trx, MARKER, now);
  });
}
