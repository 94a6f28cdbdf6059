import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { searchWords } from '../../platform/db/text-search.ts';
import { findPersonRecords } from '../../access/person-access.ts';
import { parseCpr } from './cpr.ts';
import { personEvent } from './edit.ts';
import { searchPersonRows, type PersonMatch } from './queries-search.ts';
import type { PersonSearch, PersonSearchResult } from './schema.ts';
import { cprDigest, rejectProblems } from './service.ts';

/**
 * Finding persons: by name, CPR number (exact, by its keyed digest: nothing is decrypted) and
 * birth date, among the persons the caller may see (need-to-know through a case or an open
 * inquiry; others are neither shown nor counted). Each person shown is a search of their data
 * in the audit trail, in the same transaction, with the record it was seen through; the search
 * text itself is never stored or logged.
 */

const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/**
 * The typed criteria as a match, or the problems: a CPR number that is not one, or nothing to
 * search by (a name needs two letters, so the register cannot be browsed letter by letter).
 */
export function personMatchOf(
  secret: Buffer,
  input: { name: string; cpr: string; birthDate: string },
  field: { name: string; cpr: string },
): { match: PersonMatch; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let digest: string | null = null;
  if (input.cpr !== '') {
    const parsed = parseCpr(input.cpr);
    if (parsed) digest = cprDigest(secret, parsed.digits);
    else problems.push({ field: field.cpr, code: 'invalid_cpr' });
  }
  const words = searchWords(input.name);
  const byName = letters(input.name) >= 2;
  if (input.name !== '' && !byName) problems.push({ field: field.name, code: 'search_name_short' });
  if (input.name === '' && input.cpr === '' && input.birthDate === '') {
    problems.push({ field: field.name, code: 'search_criteria_missing' });
  }
  const birthDate = input.birthDate === '' ? null : input.birthDate;
  return { match: { words, cprDigest: digest, birthDate }, problems };
}

export async function searchPersons(
  ctx: RequestContext,
  body: PersonSearch,
): Promise<PersonSearchResult> {
  const { match, problems } = personMatchOf(ctx.keys.secret, body, {
    name: 'body.name',
    cpr: 'body.cpr',
  });
  rejectProblems(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const page = await searchPersonRows(trx, ctx.user, match, body);
    const records = await findPersonRecords(
      trx,
      ctx.user,
      page.rows.map((r) => r.id),
    );
    // A row is visible by the same rule, so each has its records; one missing is left out.
    const shown = page.rows.flatMap((row) => {
      const found = records.get(row.id);
      return found ? [{ row, found }] : [];
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      shown.map(({ found }) =>
        personEvent(ctx, found.access, 'search', {
          viaCaseId: found.access.viaCaseId,
          viaInquiryId: found.access.viaInquiryId,
          matchedOn: [
            match.words.length > 0 && 'name',
            match.cprDigest !== null && 'cpr',
            match.birthDate !== null && 'birth_date',
          ]
            .filter(Boolean)
            .join(','),
        }),
      ),
    );
    return {
      items: shown.map(({ row, found }) => ({
        id: row.id,
        name: `${row.given_name} ${row.family_name}`,
        birthDate: row.birth_date,
        cases: found.cases,
        inquiries: found.inquiries,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
