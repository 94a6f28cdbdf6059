import type { Transaction } from 'kysely';
import { decryptField } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import { cprContext } from './queries.ts';
import { identifyingFacts } from './queries-copy.ts';
import { insertPerson } from './service.ts';

/**
 * Registers persons of one municipality anew in another (an inquiry forwarded, a case taken
 * over: docs/TRANSFERS.md), with their identifying facts only — name, birth date, CPR number,
 * address, phone — in the caller's transaction. Relations, notes and everything else stay where
 * they were. The receiving municipality's coordinator finds a person already registered there
 * among the possible duplicates (same CPR digest) and merges them. Returns old id → new id.
 */
export async function copyPersons(
  trx: Transaction<DB>,
  secretKey: Buffer,
  from: string,
  personIds: readonly string[],
  to: string,
  createdBy: string,
): Promise<Map<string, string>> {
  const rows = await identifyingFacts(trx, from, personIds);
  const copies = new Map<string, string>();
  for (const id of personIds) {
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const digits = row.cpr_enc ? decryptField(secretKey, row.cpr_enc, cprContext(row.id)) : null;
    const person = {
      givenName: row.given_name,
      familyName: row.family_name,
      birthDate: row.birth_date,
      cpr: digits,
      address: row.address,
      phone: row.phone,
    };
    copies.set(
      id,
      await insertPerson(
        trx,
        secretKey,
        to,
        person,
        { digits, birthDate: row.birth_date },
        createdBy,
      ),
    );
  }
  return copies;
}
