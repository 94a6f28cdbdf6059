import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { encryptField, keyedDigest } from '../../platform/crypto.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { parseCpr } from './cpr.ts';
import { cprContext } from './queries.ts';
import { insertPersonRow, setPersonCpr } from './queries-registry.ts';

/** What is needed to register a person (from the intake form or the person register). */
export interface NewPerson {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  cpr: string | null;
  address: string | null;
  phone: string | null;
}

/** The digest that finds a CPR number again without decrypting anything. */
export function cprDigest(secretKey: Buffer, digits: string): string {
  return keyedDigest(secretKey, 'cpr', digits);
}

/**
 * Checks a new person; `field` is where it sits in the request (e.g. `body.persons.0.new`).
 * The CPR number must be a real date, and agree with the birth date when both are given; a
 * birth date cannot be in the future.
 */
export function checkNewPerson(
  person: NewPerson,
  field: string,
  today: string,
): { problems: FieldProblem[]; digits: string | null; birthDate: string | null } {
  const problems: FieldProblem[] = [];
  let birthDate = person.birthDate;
  let digits: string | null = null;
  if (person.cpr) {
    const parsed = parseCpr(person.cpr);
    if (!parsed) {
      problems.push({ field: `${field}.cpr`, code: 'invalid_cpr' });
    } else {
      digits = parsed.digits;
      if (birthDate && birthDate !== parsed.birthDate) {
        problems.push({ field: `${field}.birthDate`, code: 'cpr_birth_date_mismatch' });
      }
      birthDate ??= parsed.birthDate;
    }
  }
  if (birthDate && birthDate > today) {
    problems.push({ field: `${field}.birthDate`, code: 'in_future' });
  }
  return { problems, digits, birthDate };
}

/** Registers a person in the caller's transaction; the CPR number is stored encrypted. */
export async function insertPerson(
  trx: Transaction<DB>,
  secretKey: Buffer,
  municipalityCode: string,
  person: NewPerson,
  checked: { digits: string | null; birthDate: string | null },
  createdBy: string,
  id?: string,
): Promise<string> {
  const row = await insertPersonRow(trx, {
    ...(id !== undefined && { id }),
    municipality_code: municipalityCode,
    given_name: person.givenName,
    family_name: person.familyName,
    birth_date: checked.birthDate,
    address: person.address,
    phone: person.phone,
    cpr_digest: checked.digits ? cprDigest(secretKey, checked.digits) : null,
    created_by: createdBy,
  });
  // Only a client-generated id can be taken; the caller names its field.
  if (!row)
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.personId', code: 'invalid' }],
    });
  if (checked.digits) {
    const cprEnc = encryptField(secretKey, checked.digits, cprContext(row.id));
    await setPersonCpr(trx, { personId: row.id, municipalityCode }, cprEnc);
  }
  return row.id;
}

/** Throws a 400 naming every problem, or returns nothing. */
export function rejectProblems(problems: FieldProblem[]) {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}
