import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The partners module's SQL on partner users (db/migrations/0037): their organisation and the
 * one-time activation token (its hash). Every statement names the tenant key or the user's id.
 */
type Db = Kysely<DB> | Transaction<DB>;

export async function insertPartnerUser(
  trx: Transaction<DB>,
  values: {
    userId: string;
    municipalityCode: string;
    organisationId: string;
    tokenHash: string;
    expiresAt: Date;
  },
): Promise<void> {
  await trx
    .insertInto('partner_users')
    .values({
      user_id: values.userId,
      municipality_code: values.municipalityCode,
      organisation_id: values.organisationId,
      activation_token_hash: values.tokenHash,
      activation_expires_at: values.expiresAt,
    })
    .execute();
}

const partnerUserColumns = [
  'pu.user_id',
  'pu.organisation_id',
  'u.display_name',
  'u.username',
  'u.email',
  sql<boolean>`u.password_hash is not null`.as('activated'),
  // Still awaiting activation: a token was issued (perhaps expired) and not revoked since.
  sql<boolean>`pu.activation_token_hash is not null`.as('activation_pending'),
] as const;

/** A partner user of the municipality (with the account's name and whether it is activated). */
export async function partnerUserRow(db: Db, municipalityCode: string, userId: string) {
  return db
    .selectFrom('partner_users as pu')
    .innerJoin('users as u', 'u.id', 'pu.user_id')
    .select(partnerUserColumns)
    .where('pu.municipality_code', '=', municipalityCode)
    .where('pu.user_id', '=', userId)
    .executeTakeFirst();
}

/** The municipality's partner users (the invitation form's picker), by name. */
export async function partnerUserRows(db: Db, municipalityCode: string) {
  return db
    .selectFrom('partner_users as pu')
    .innerJoin('users as u', 'u.id', 'pu.user_id')
    .select(partnerUserColumns)
    .where('pu.municipality_code', '=', municipalityCode)
    .orderBy('u.display_name')
    .limit(500)
    .execute();
}

/** The partner user whose activation token has this hash and has not expired. */
export async function partnerByToken(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('partner_users as pu')
    .innerJoin('users as u', 'u.id', 'pu.user_id')
    .select(['pu.user_id', 'pu.municipality_code', 'u.username'])
    .where('pu.activation_token_hash', '=', tokenHash)
    .where('pu.activation_expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

/** Clears the partner's activation token; whether there was one. */
export async function clearActivationToken(trx: Transaction<DB>, userId: string): Promise<boolean> {
  const result = await trx
    .updateTable('partner_users')
    .set({ activation_token_hash: null, activation_expires_at: null })
    .where('user_id', '=', userId)
    .where('activation_token_hash', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A fresh activation token (its hash) for a partner user of the municipality not yet active. */
export async function renewActivationToken(
  trx: Transaction<DB>,
  values: { userId: string; municipalityCode: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await trx
    .updateTable('partner_users')
    .set({ activation_token_hash: values.tokenHash, activation_expires_at: values.expiresAt })
    .where('municipality_code', '=', values.municipalityCode)
    .where('user_id', '=', values.userId)
    .execute();
}
