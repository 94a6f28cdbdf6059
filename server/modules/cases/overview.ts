import { z } from 'zod';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { CursorTime, decodeSortCursor, encodeSortCursor } from '../../platform/cursor.ts';
import { AppError } from '../../platform/errors.ts';
import { parseCpr } from '../persons/cpr.ts';
import { cprDigest } from '../persons/service.ts';
import { danishToday } from './chronology.ts';
import {
  CaseListItem,
  ReferencePrefix,
  type CaseListSchema,
  type CaseOverviewFilter,
  type CaseSort,
} from './overview-schema.ts';
import {
  NO_DATE_EARLY,
  NO_DATE_LATE,
  overviewPage,
  type OverviewRow,
  type PersonMatch,
} from './queries-overview.ts';
import { coordinatesVisibleCase } from './queries-coordinators.ts';
import { personName } from './queries.ts';
import { ConcernChangeSchema } from '../../../shared/values.ts';

type Overview = z.infer<typeof CaseListSchema>;
type Item = z.infer<typeof CaseListItem>;

/** What a cursor's key must look like for each sort. */
const CURSOR_KEY: Record<CaseSort, z.ZodType<string>> = {
  opened: CursorTime,
  reference: z.string().min(1).max(40),
  nextFollowUp: z.iso.date(),
  lastContact: z.iso.date(),
};

function sortKey(sort: CaseSort, row: OverviewRow): string {
  if (sort === 'opened') return row.opened_at.toISOString();
  if (sort === 'reference') return row.reference;
  if (sort === 'nextFollowUp') return row.next_due ?? NO_DATE_LATE;
  return row.last_contact ?? NO_DATE_EARLY;
}

/**
 * The search text of POST /api/cases/search: digits (and a dash) are a CPR number, matched
 * exactly through its keyed digest (nothing is decrypted); a reference or its start (S-2026-…)
 * is a reference; anything else is a name, every word a part of a person's name.
 */
export function classifySearch(
  text: string,
  secret: Buffer,
): { reference?: string; person?: PersonMatch } {
  if (/^[0-9][0-9\s-]*$/.test(text)) {
    const parsed = parseCpr(text.replace(/\s/g, ''));
    if (!parsed) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.text', code: 'invalid_cpr' }],
      });
    }
    return { person: { kind: 'cpr', digest: cprDigest(secret, parsed.digits) } };
  }
  if (/^S-/i.test(text) && ReferencePrefix.safeParse(text).success) return { reference: text };
  return { person: { kind: 'name', words: text.split(/\s+/).filter((w) => w !== '') } };
}

function present(row: OverviewRow, today: string): Item {
  const change = ConcernChangeSchema.safeParse(row.concern_change);
  const level = CaseListItem.shape.concernLevel.safeParse(row.concern_level);
  return {
    id: row.id,
    reference: row.reference,
    status: CaseListItem.shape.status.parse(row.status),
    openedAt: row.opened_at.toISOString(),
    myRole: row.role ? CaseListItem.shape.myRole.parse(row.role) : null,
    breakGlass: row.role === null,
    citizen:
      row.citizen_id && row.given_name !== null && row.family_name !== null
        ? {
            id: row.citizen_id,
            name: personName({ given_name: row.given_name, family_name: row.family_name }),
          }
        : null,
    concernLevel: level.success ? level.data : null,
    concernDirection: change.success ? change.data : null,
    coordinators: row.coordinators ?? null,
    nextFollowUpOn: row.next_due ?? null,
    overdue: row.next_due !== null && row.next_due < today,
    openInterventions: Number(row.open_count ?? 0),
    lastContactOn: row.last_contact ?? null,
  };
}

/**
 * One page of the overview, with its audit entries in the same transaction: a `search` entry per
 * citizen shown (as the case list always wrote), and for a search by name or CPR number one more
 * `search` entry that says how it searched and how many it found — never the text searched for.
 */
export async function caseOverview(
  ctx: RequestContext,
  filter: CaseOverviewFilter,
  search?: { text: string },
): Promise<Overview> {
  const { db, user, keys, requestId } = ctx;
  const part = search ? 'body' : 'query';
  const cursor = decodeSortCursor(
    filter.after,
    filter.sort,
    CURSOR_KEY[filter.sort],
    `${part}.after`,
  );
  const found = search ? classifySearch(search.text, keys.secret) : {};
  const reference = found.reference ?? filter.reference;
  const person = found.person;
  const today = danishToday(new Date());

  return db.transaction().execute(async (trx) => {
    const rows = await overviewPage(trx, user, {
      ...filter,
      reference,
      person,
      today,
      cursor,
    });
    // The filter only narrows the caller's visible cases, so a page with rows proves the id is
    // a coordinator the caller may filter by (GET /api/cases/coordinators); an empty page asks
    // whether it is one at all (one statement less for every page that found something).
    if (filter.coordinatorId && rows.length === 0) {
      if (!(await coordinatesVisibleCase(trx, user, filter.coordinatorId))) {
        throw new AppError('validation_failed', {
          fields: [{ field: `${part}.coordinatorId`, code: 'record_not_found' }],
        });
      }
    }
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    const events: AuditEvent[] = page.flatMap((row) =>
      row.citizen_id
        ? [
            recordEvent(
              user,
              {
                municipalityCode: row.municipality_code,
                unitId: row.unit_id ?? user.unitIds[0] ?? null,
                breakGlass: row.role === null,
              },
              {
                action: 'search',
                resourceType: 'case',
                resourceId: row.id,
                subjectPersonId: row.citizen_id,
                purpose: PURPOSES.caseList,
                requestId,
              },
            ),
          ]
        : [],
    );
    if (person) {
      // The caller's own chain (a police user's: the first hit's municipality, else the global one).
      const home = user.municipalityCode ?? page[0]?.municipality_code ?? null;
      const where = { municipalityCode: home ?? '', unitId: user.unitIds[0] ?? null };
      const event = recordEvent(
        user,
        { ...where, breakGlass: false },
        {
          action: 'search',
          resourceType: 'case',
          resourceId: null,
          purpose: PURPOSES.caseList,
          requestId,
          details: { searchBy: person.kind, hits: page.length },
        },
      );
      events.push({ ...event, municipalityCode: home });
    }
    await writeAudit(trx, keys.audit, events);
    return {
      items: page.map((row) => present(row, today)),
      nextCursor:
        rows.length > filter.limit && last
          ? encodeSortCursor(filter.sort, sortKey(filter.sort, last), last.id)
          : null,
    };
  });
}
