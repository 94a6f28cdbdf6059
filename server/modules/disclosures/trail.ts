import { z } from 'zod';
import { DisclosureChannelSchema } from '../../../shared/disclosures.ts';
import { DataCategorySchema, OrganisationKindSchema } from '../../../shared/sharing.ts';
import { requireMunicipalUser } from '../../access/municipal-user.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { CursorTime } from '../../platform/cursor.ts';
import { AppError } from '../../platform/errors.ts';
import { parseCpr } from '../persons/cpr.ts';
import { personsMatching } from '../persons/queries-duplicates.ts';
import { cprDigest } from '../persons/service.ts';
import { personInMunicipality } from './queries.ts';
import {
  trailDisclosures,
  trailReads,
  type TrailCursor,
  type TrailDisclosureRow,
  type TrailReadRow,
} from './queries-trail.ts';
import type { CitizenTrail, CitizenTrailBody, TrailEntry } from './schema-trail.ts';

/** At most this many registrations of one CPR number are shown together. */
const MAX_PERSONS = 10;

const CursorSchema = z.object({
  t: CursorTime,
  k: z.string().regex(/^(a[0-9]{20}|d[0-9a-f-]{36})$/),
});

function decodeTrailCursor(value: string | undefined): TrailCursor | null {
  if (value === undefined) return null;
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.after', code: 'invalid_cursor' }],
    });
  }
}

const encodeTrailCursor = (c: TrailCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * "Who has seen and received this citizen's data, when, why, on what legal basis" (POST
 * /api/disclosures/citizen-trail, issue 13 Done when): for the municipality's data-protection
 * role, the citizen — found by CPR number (in the body, through its keyed digest; never in a URL,
 * never stored) or by a person's id — and, in one time order, every read of the citizen's data in
 * the audit trail (who: role, unit, user; when; purpose) and every disclosure in the register
 * (recipient, legal basis, purpose, who decided), filtered by period and kind, in keyset pages.
 * Two statements for the page (one per source, each limited) merged here. Viewing writes a
 * `search` audit entry per person shown, in the same transaction.
 */
export async function citizenTrail(
  ctx: RequestContext,
  body: CitizenTrailBody,
): Promise<CitizenTrail> {
  const municipalityCode = requireMunicipalUser(ctx.user);
  if ((body.cpr === undefined) === (body.personId === undefined)) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.cpr', code: 'trail_citizen_one_of' }],
    });
  }
  if (body.from && body.to && body.from > body.to) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.to', code: 'disclosure_period_order' }],
    });
  }
  const after = decodeTrailCursor(body.after);
  return ctx.db.transaction().execute(async (trx) => {
    let persons: CitizenTrail['persons'];
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
    } else {
      // An id from the request is checked against what the caller may see: the own municipality.
      const found = await personInMunicipality(trx, municipalityCode, body.personId ?? '');
      if (!found) throw new AppError('not_found');
      persons = [toPerson(found)];
    }
    if (persons.length === 0) return { persons: [], items: [], nextCursor: null };
    const filter = {
      municipalityCode,
      personIds: persons.map((p) => p.id),
      from: body.from,
      to: body.to,
      after,
      limit: body.limit,
    };
    const reads = body.kind === 'disclosure' ? [] : await trailReads(trx, filter);
    const disclosures = body.kind === 'read' ? [] : await trailDisclosures(trx, filter);
    const merged = mergeNewestFirst([...reads.map(fromRead), ...disclosures.map(fromDisclosure)]);
    const page = merged.slice(0, body.limit);
    const last = page.at(-1);
    const place = { municipalityCode, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false };
    await writeAudit(
      trx,
      ctx.keys.audit,
      persons.map((p) =>
        recordEvent(ctx.user, place, {
          action: 'search',
          resourceType: 'citizen_trail',
          resourceId: null,
          subjectPersonId: p.id,
          purpose: PURPOSES.dataProtectionReview,
          requestId: ctx.requestId,
          details: {
            kind: body.kind,
            entries: page.filter((e) => e.personId === p.id).length,
            byCpr: body.cpr !== undefined,
          },
        }),
      ),
    );
    return {
      persons,
      items: page,
      nextCursor:
        merged.length > body.limit && last ? encodeTrailCursor({ t: last.at, k: last.key }) : null,
    };
  });
}

/** Newest first, then key (text order, as the SQL's `collate "C"`); one row per key. */
function mergeNewestFirst(entries: TrailEntry[]): TrailEntry[] {
  const seen = new Set<string>();
  return entries
    .sort((x, y) =>
      x.at === y.at ? (x.key < y.key ? 1 : x.key > y.key ? -1 : 0) : x.at < y.at ? 1 : -1,
    )
    .filter((e) => !seen.has(e.key) && seen.add(e.key));
}

function fromRead(r: TrailReadRow): TrailEntry {
  return {
    key: r.key,
    kind: 'read',
    at: r.at.toISOString(),
    personId: r.person_id ?? '',
    action: r.action,
    role: r.actor_role,
    unitName: r.unit_name,
    userName: r.display_name,
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    breakGlass: r.break_glass,
    resourceType: r.resource_type,
    part: r.part,
    disclosure: null,
  };
}

function fromDisclosure(r: TrailDisclosureRow): TrailEntry {
  return {
    key: r.key,
    kind: 'disclosure',
    at: new Date(r.at).toISOString(),
    personId: r.person_id,
    action: 'disclose',
    role: null,
    unitName: null,
    userName: r.display_name,
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    breakGlass: false,
    resourceType: 'disclosure',
    part: null,
    disclosure: {
      id: r.id,
      disclosedOn: r.disclosed_on,
      caseReference: r.reference,
      recipientOrganisation: r.recipient_organisation,
      recipientKind: OrganisationKindSchema.parse(r.recipient_kind),
      recipientPerson: r.recipient_person,
      categories: r.categories.map((c) => DataCategorySchema.parse(c)),
      documents: r.documents,
      decidedBy: r.decided_by,
      channel: DisclosureChannelSchema.parse(r.channel),
      productSource: r.product_source,
    },
  };
}

function toPerson(row: {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
}) {
  return { id: row.id, name: `${row.given_name} ${row.family_name}`, birthDate: row.birth_date };
}
