import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { encryptField } from '../platform/crypto.ts';
import { hashPassword } from '../access/passwords.ts';
import type { Role } from '../access/roles.ts';
import { totpCode, totpStep } from '../access/totp.ts';
import { DEMO_MUNICIPALITY_CODE, DEMO_POLICE_DISTRICT_ID } from './seed.ts';

/**
 * Demo users: fictional people, one per role, all with the same documented password and the same
 * documented TOTP secret (so newcomers and tests can log in; `npm run demo:totp` prints the
 * current code). Exists only in demo mode. `demo.ny` has no second factor yet, to try enrolment.
 */
export const DEMO_PASSWORD = 'Tovholder-Demo-2026';
export const DEMO_TOTP_SECRET = 'TOVHOLDERDEMOKODEHEMMELIGHED2345';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  unitKind?: string;
  police?: boolean;
  system?: boolean;
  /** Another demo municipality than Demo Kommune (the neighbour of the transfers, 998). */
  municipalityCode?: string;
  enrolled: boolean;
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'demo.tovholder',
    displayName: 'Anne Demo-Tovholder',
    roles: ['coordinator'],
    unitKind: 'ssp',
    enrolled: true,
  },
  {
    username: 'demo.tovholder2',
    displayName: 'Bo Demo-Koordinator',
    roles: ['coordinator'],
    unitKind: 'ssp',
    enrolled: true,
  },
  {
    username: 'demo.forum',
    displayName: 'Cecilie Demo-Forum',
    roles: ['forum_member'],
    unitKind: 'children_youth',
    enrolled: true,
  },
  {
    username: 'demo.sagsbehandler',
    displayName: 'Dennis Demo-Sagsbehandler',
    roles: ['caseworker'],
    unitKind: 'social_family',
    enrolled: true,
  },
  {
    username: 'demo.politi',
    displayName: 'Eva Demo-Politi',
    roles: ['police_contact'],
    police: true,
    enrolled: true,
  },
  {
    username: 'demo.mentor',
    displayName: 'Frederik Demo-Mentor',
    roles: ['mentor'],
    unitKind: 'mentors_coaches',
    enrolled: true,
  },
  {
    username: 'demo.hotline',
    displayName: 'Hanne Demo-Hotline',
    roles: ['hotline'],
    enrolled: true,
  },
  {
    username: 'demo.nabo',
    displayName: 'Nina Demo-Nabokommune',
    roles: ['coordinator'],
    municipalityCode: '998',
    enrolled: true,
  },
  { username: 'demo.leder', displayName: 'Gitte Demo-Leder', roles: ['leader'], enrolled: true },
  {
    username: 'demo.analytiker',
    displayName: 'Hans Demo-Analytiker',
    roles: ['analyst'],
    enrolled: true,
  },
  {
    username: 'demo.databeskyttelse',
    displayName: 'Ida Demo-DPO',
    roles: ['data_protection'],
    enrolled: true,
  },
  {
    username: 'demo.jurist',
    displayName: 'Lone Demo-Jurist',
    roles: ['data_protection'],
    enrolled: true,
  },
  {
    username: 'demo.admin',
    displayName: 'Jens Demo-Administrator',
    roles: ['municipal_admin'],
    enrolled: true,
  },
  {
    username: 'demo.systemadmin',
    displayName: 'Karen Demo-Systemadmin',
    roles: ['system_admin'],
    system: true,
    enrolled: true,
  },
  {
    username: 'demo.ny',
    displayName: 'Lars Demo-Nyansat',
    roles: ['caseworker'],
    unitKind: 'jobcenter',
    enrolled: false,
  },
];

export async function seedDemoUsers(db: Kysely<DB>, secretKey: Buffer): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const units = await db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const user of DEMO_USERS) {
      const inserted = await trx
        .insertInto('users')
        .values({
          username: user.username,
          display_name: user.displayName,
          roles: user.roles,
          municipality_code:
            user.police || user.system ? null : (user.municipalityCode ?? DEMO_MUNICIPALITY_CODE),
          police_district_id: user.police ? DEMO_POLICE_DISTRICT_ID : null,
          password_hash: passwordHash,
          password_changed_at: sql<Date>`now()`,
          is_demo: true,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      if (user.enrolled) {
        await trx
          .updateTable('users')
          .set({
            totp_secret_enc: encryptField(secretKey, DEMO_TOTP_SECRET, `totp:${inserted.id}`),
            totp_enabled_at: sql<Date>`now()`,
          })
          .where('id', '=', inserted.id)
          .execute();
      }
      const unit = user.municipalityCode ? undefined : units.find((u) => u.kind === user.unitKind);
      if (unit)
        await trx
          .insertInto('user_units')
          .values({ user_id: inserted.id, unit_id: unit.id })
          .execute();
    }
  });
}

/** The demo TOTP code valid now (demo mode only). */
export function currentDemoCode(now = new Date()): string {
  return totpCode(DEMO_TOTP_SECRET, totpStep(now));
}
