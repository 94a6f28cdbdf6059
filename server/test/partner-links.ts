import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/**
 * Makes a user with the partner role a partner user of the municipality (partners module's
 * partner_users, with an active organisation) unless they are one already: a housing-area grant
 * holds only while its partner is linked so (access/queries-areas.ts).
 */
export async function linkPartnerUser(
  db: Kysely<DB>,
  userId: string,
  municipalityCode = '101',
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('roles')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user?.roles.includes('partner')) return;
  const linked = await db
    .selectFrom('partner_users')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (linked) return;
  const organisationId = randomUUID();
  await db
    .insertInto('partner_organisations')
    .values({
      id: organisationId,
      municipality_code: municipalityCode,
      name: `Samarbejdspartner ${organisationId.slice(0, 8)}`,
      kind: 'other',
    })
    .execute();
  await db
    .insertInto('partner_users')
    .values({
      user_id: userId,
      municipality_code: municipalityCode,
      organisation_id: organisationId,
    })
    .execute();
}
