import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireMunicipalUser } from '../../access/municipal-user.ts';
import { parseCpr } from '../persons/cpr.ts';
import { personsMatching } from '../persons/queries-duplicates.ts';
import { cprDigest } from '../persons/service.ts';
import { decodeDayCursor, pageOf, presentDisclosures } from './listing.ts';
import { personInMunicipality, registerPage } from './queries.ts';
import type { RegisterPage, RegisterSearchBody } from './schema.ts';

/** At most this many registrations of one CPR number are searched together. */
const MAX_PERSONS = 10;

/**
 * The municipality's disclosure register for the data-protection role (POST
 * /api/disclosures/search): by citizen — a CPR number, found through its keyed digest exactly as
 * the person search does (never in a URL, never stored), or a person's id from the access report
 * — by recipient, legal basis and period, newest day first in keyset pages. A search that shows
 * personal data writes a `search` audit entry per person shown, in the same transaction.
 */
export async function searchRegister(
  ctx: RequestContext,
  body: RegisterSearchBody,
): Promise<RegisterPage> {
  // The policy admits only the municipality's data-protection role, who always has one.
  const municipalityCode = requireMunicipalUser(ctx.user);
  if (body.cpr !== undefined && body.personId !== undefined) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.personId', code: 'person_one_of' }],
    });
  }
  if (body.from && body.to && body.from > body.to) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.to', code: 'disclosure_period_order' }],
    });
  }
  const after = decodeDayCursor(body.after, 'body.after');
  return ctx.db.transaction().execute(async (trx) => {
    let persons: RegisterPage['persons'] | undefined;
    if (body.cpr !== undefined) {
      const parsed = parseCpr(body.cpr);
      if (!parsed) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'body.cpr', code: 'invalid_cpr' }],
        });
      }
      const digest = cprDigest(ctx.keys.secret, parsed.digits);
      const found = await personsMatching(
        trx,
        municipalityCode,
        { column: 'cpr_digest', value: digest },
        MAX_PERSONS,
      );
      persons = found.map(toPerson);
    } else if (body.personId !== undefined) {
      // An id from the request is checked against what the caller may see: the own municipality.
      const found = await personInMunicipality(trx, municipalityCode, body.personId);
      if (!found) throw new AppError('not_found');
      persons = [toPerson(found)];
    }
    // A citizen criterion that found nobody finds no entries either.
    if (persons?.length === 0) return { persons: [], items: [], nextCursor: null };
    const rows = await registerPage(
      trx,
      municipalityCode,
      {
        ...(persons && { personIds: persons.map((p) => p.id) }),
        ...(body.recipient !== undefined && { recipient: body.recipient }),
        ...(body.legalBasis !== undefined && { legalBasis: body.legalBasis }),
        ...(body.from !== undefined && { from: body.from }),
        ...(body.to !== undefined && { to: body.to }),
      },
      after,
      body.limit,
    );
    const { page, nextCursor } = pageOf(rows, body.limit);
    const items = await presentDisclosures(trx, municipalityCode, page);
    const shown = new Set([
      ...(persons ?? []).map((p) => p.id),
      ...items.flatMap((i) => i.persons.map((p) => p.id)),
    ]);
    const place = { municipalityCode, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false };
    await writeAudit(
      trx,
      ctx.keys.audit,
      [...shown].map((subjectPersonId) =>
        recordEvent(ctx.user, place, {
          action: 'search',
          resourceType: 'disclosure_register',
          resourceId: null,
          subjectPersonId,
          purpose: PURPOSES.disclosureRegister,
          requestId: ctx.requestId,
          details: { results: items.length, byCitizen: persons !== undefined },
        }),
      ),
    );
    return { persons: persons ?? [], items, nextCursor };
  });
}

function toPerson(row: {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
}) {
  return { id: row.id, name: `${row.given_name} ${row.family_name}`, birthDate: row.birth_date };
}
