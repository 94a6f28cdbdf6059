import { notifyFrom } from '../notifications/service.ts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { findPersonAccesses } from '../../access/person-access.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { parseCpr } from './cpr.ts';
import { personsMatching, possibleDuplicateRecipients } from './queries-duplicates.ts';
import type { Duplicates, DuplicatesBody } from './schema.ts';
import { cprDigest } from './service.ts';

/**
 * Possible duplicates while a person is being registered: the same CPR number (found by its
 * keyed digest, nothing is decrypted), or the same birth date and a similar name. Only in the
 * caller's municipality, never merged registrations, at most 10, and only when the caller has
 * typed a valid CPR number or a birth date plus at least two letters of a name: the register
 * cannot be browsed by typing a bare name. Only persons the caller may see are shown: the
 * register is not a look-up service (a hotline employee who types a CPR number must not learn
 * that the person is known here, nor their name). A person the caller cannot see is registered
 * anew by the intake, and the coordinator who can see both registrations finds them here and
 * merges them. Every hit shown is a search in the audit trail.
 */
export const MAX_DUPLICATES = 10;
/** Persons with one birth date looked at for a similar name (a municipality has few). */
const MAX_CANDIDATES = 500;

type Hit = Duplicates['items'][number];

/**
 * A name for comparison: lower case, accents dropped (é → e, ü → u) but the Danish letters kept
 * (æ, ø, å; the old spelling "aa" counts as å), hyphens and runs of spaces as one space.
 */
export function normaliseName(value: string): string {
  return value
    .toLocaleLowerCase('da')
    .replace(/aa/g, 'å')
    .replace(/å/g, '\uE000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\uE000/g, 'å')
    .replace(/[\s\-‐–.,']+/g, ' ')
    .trim();
}

function letters(value: string): number {
  return (value.match(/\p{L}/gu) ?? []).length;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/**
 * One typed name part against the stored one: a prefix either way (a name still being typed, or
 * a middle name left out), or at most two typing errors for names of four letters or more.
 */
function partMatches(typed: string, stored: string): boolean {
  if (typed === '') return true;
  if (stored.startsWith(typed) || (stored.length >= 2 && typed.startsWith(stored))) return true;
  const words = stored.split(' ');
  if (words.some((w) => w.startsWith(typed))) return true;
  if (typed.length < 4) return false;
  return [stored, ...words].some((w) => editDistance(typed, w) <= 2);
}

/** Similar enough to show: every part typed matches, or the full names are ≤ 2 edits apart. */
export function similarName(
  typed: { givenName: string; familyName: string },
  stored: { givenName: string; familyName: string },
): boolean {
  const tg = normaliseName(typed.givenName);
  const tf = normaliseName(typed.familyName);
  const sg = normaliseName(stored.givenName);
  const sf = normaliseName(stored.familyName);
  if (tg === '' && tf === '') return false;
  if (partMatches(tg, sg) && partMatches(tf, sf)) return true;
  return tg !== '' && tf !== '' && editDistance(`${tg} ${tf}`, `${sg} ${sf}`) <= 2;
}

/** Finds the possible duplicates and writes a 'search' audit entry per hit, in one transaction. */
export async function findPossibleDuplicates(
  ctx: RequestContext,
  body: z.infer<typeof DuplicatesBody>,
): Promise<Duplicates> {
  const { db, keys, user } = ctx;
  const municipality = user.municipalityCode;
  if (!municipality) return { items: [] };
  const parsed = body.cpr ? parseCpr(body.cpr) : undefined;
  const givenName = body.givenName ?? '';
  const familyName = body.familyName ?? '';
  const birthDate = body.birthDate ?? parsed?.birthDate;
  const byName = !!birthDate && letters(givenName) + letters(familyName) >= 2;
  if (!parsed && !byName) return { items: [] };

  return db.transaction().execute(async (trx) => {
    const hits: Hit[] = [];
    if (parsed) {
      const digest = cprDigest(keys.secret, parsed.digits);
      const match = { column: 'cpr_digest', value: digest } as const;
      const rows = await personsMatching(trx, municipality, match, MAX_CANDIDATES);
      for (const r of rows) hits.push(hit(r, 'cpr'));
    }
    if (byName) {
      const match = { column: 'birth_date', value: birthDate } as const;
      const rows = await personsMatching(trx, municipality, match, MAX_CANDIDATES);
      const typed = { givenName, familyName };
      const byCpr = new Set(hits.map((h) => h.id));
      for (const r of rows) {
        if (byCpr.has(r.id)) continue;
        if (similarName(typed, { givenName: r.given_name, familyName: r.family_name })) {
          hits.push(hit(r, 'name_and_birth_date'));
        }
      }
    }
    return { items: await showHits(trx, ctx, municipality, hits) };
  });
}

/** The hits the caller may see (at most 10), each written to the audit trail as a search. */
async function showHits(
  trx: Transaction<DB>,
  ctx: RequestContext,
  municipality: string,
  hits: Hit[],
): Promise<Hit[]> {
  const { keys, user, requestId } = ctx;
  const visible = await findPersonAccesses(trx, user, [...new Set(hits.map((h) => h.id))]);
  const shown = hits.filter((h) => visible.has(h.id)).slice(0, MAX_DUPLICATES);
  const where = { municipalityCode: municipality, unitId: user.unitIds[0] ?? null };
  await writeAudit(
    trx,
    keys.audit,
    shown.map((h) =>
      recordEvent(
        user,
        { ...where, breakGlass: false },
        {
          action: 'search',
          resourceType: 'person',
          resourceId: h.id,
          subjectPersonId: h.id,
          purpose: PURPOSES.inquiryIntake,
          requestId,
          details: { matchedOn: h.matchedOn },
        },
      ),
    ),
  );
  return shown;
}

/**
 * The municipality's registrations of this CPR number (10 digits), as the possible-duplicates
 * look-up answers: `held` whether there is any, `items` the ones the caller may see (each
 * audited as a search; the others are masked). A new person with a held number is refused
 * (a person added to a case): the existing registration is to be chosen instead.
 */
export async function registeredWithCpr(
  trx: Transaction<DB>,
  ctx: RequestContext,
  municipality: string,
  digits: string,
): Promise<{ held: boolean; items: Hit[] }> {
  const match = { column: 'cpr_digest', value: cprDigest(ctx.keys.secret, digits) } as const;
  const rows = await personsMatching(trx, municipality, match, MAX_CANDIDATES);
  if (rows.length === 0) return { held: false, items: [] };
  return {
    held: true,
    items: await showHits(
      trx,
      ctx,
      municipality,
      rows.map((r) => hit(r, 'cpr')),
    ),
  };
}

function hit(
  row: { id: string; given_name: string; family_name: string; birth_date: string | null },
  matchedOn: Hit['matchedOn'],
): Hit {
  return {
    id: row.id,
    name: `${row.given_name} ${row.family_name}`,
    birthDate: row.birth_date,
    matchedOn,
  };
}

/**
 * A newly registered person whose CPR number is already known on a case: the case's
 * coordinators are told that the new inquiry may concern someone in their case, so the one who
 * can see both registrations can merge them. The one who recorded the inquiry learns nothing
 * (they may not see the case), and the notice carries ids only. One statement, whatever the
 * number of persons and cases.
 */
export async function notifyPossibleDuplicates(
  trx: Transaction<DB>,
  newPersonIds: readonly string[],
  inquiryId: string,
  recordedBy: string,
): Promise<number> {
  if (newPersonIds.length === 0) return 0;
  const recipients = possibleDuplicateRecipients(trx, newPersonIds, inquiryId, recordedBy);
  return notifyFrom(trx, recipients);
}
