import type { Kysely } from 'kysely';
import type { DueStatus, RecordKind, RetentionKind } from '../../../shared/retention.ts';
import type { DB } from '../../platform/db/schema.ts';
import { danishToday } from '../cases/chronology.ts';
import { getPeriods } from './periods.ts';
import {
  countAuditBefore,
  findActiveHoldIds,
  findClosedCases,
  findDecidedInquiries,
  findExportedRecords,
  findOpenAccessRequestRecords,
} from './queries-due.ts';
import { firstHeldAuditSeq } from './queries-holds.ts';
import type { DueRecord, RetentionPeriod } from './schema.ts';

/**
 * Which of a municipality's records have reached the end of their retention period on `now`,
 * and what the next run does with each (docs/RETENTION.md): deleted only when the period is
 * confirmed, the archive's export of the record has been taken and no legal hold stops it. The
 * dry-run shows this list; the daily job deletes the `will_delete` ones. `now` is the clock.
 */
export interface DueCandidate extends DueRecord {
  /** The tombstone's facts: dates and the non-personal classification statistics count. */
  tombstone: {
    receivedOn: string | null;
    openedOn: string | null;
    closedOn: string | null;
    extremismForm: string | null;
    ageGroup: string | null;
    outcome: string | null;
  };
}

/** `day` (YYYY-MM-DD) plus `months` calendar months, the day clamped to the month's end. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

const day = (value: Date | null) => (value ? danishToday(value) : null);

export async function dueRecords(
  db: Kysely<DB>,
  municipalityCode: string,
  now: Date,
): Promise<DueCandidate[]> {
  const periods = new Map((await getPeriods(db, municipalityCode)).map((p) => [p.kind, p]));
  const [cases, inquiries, holds, exports, requests] = await Promise.all([
    findClosedCases(db, municipalityCode),
    findDecidedInquiries(db, municipalityCode),
    findActiveHoldIds(db, municipalityCode),
    findExportedRecords(db, municipalityCode),
    findOpenAccessRequestRecords(db, municipalityCode),
  ]);
  const today = danishToday(now);
  const out: DueCandidate[] = [];
  const consider = (
    recordKind: RecordKind,
    recordId: string,
    reference: string,
    retentionKind: RetentionKind,
    from: string,
    tombstone: DueCandidate['tombstone'],
  ) => {
    const period = periods.get(retentionKind) as RetentionPeriod;
    const periodEnded = addMonths(from, period.months);
    if (periodEnded > today) return;
    // Only an export taken on or after the day the period is counted from delivered the record
    // as it is now: one taken before a reopening is stale, and the record needs a new one.
    const latest = exports.get(recordId);
    const exported = latest && danishToday(latest.takenAt) >= from ? latest : undefined;
    const status: DueStatus = holds.has(recordId)
      ? 'legal_hold'
      : requests.has(recordId)
        ? 'access_request_open'
        : !period.confirmed
          ? 'period_unconfirmed'
          : !exported
            ? 'needs_export'
            : 'will_delete';
    out.push({
      recordKind,
      recordId,
      reference,
      retentionKind,
      countedFrom: from,
      periodEnded,
      months: period.months,
      status,
      exportId: exported?.exportId ?? null,
      exportedAt: exported ? exported.takenAt.toISOString() : null,
      tombstone,
    });
  };
  for (const c of cases) {
    if (c.review_pending || !c.closed_at) continue;
    const reviewed = c.reviewed_at !== null;
    const from = day(reviewed ? c.reviewed_at : c.closed_at) as string;
    consider('case', c.id, c.reference, reviewed ? 'case_reviewed' : 'case_closed', from, {
      receivedOn: null,
      openedOn: day(c.opened_at),
      closedOn: day(c.closed_at),
      extremismForm: c.extremism_form,
      ageGroup: c.age_group,
      outcome: c.outcome,
    });
  }
  for (const i of inquiries) {
    const covered =
      i.decided_at !== null &&
      (i.forwarded || (i.outcome !== null && i.outcome !== 'radicalisation'));
    if (!covered) {
      out.push(noPeriod(i.id, i.reference, day(i.decided_at ?? i.received_at) as string));
      continue;
    }
    // A forwarded inquiry counts as referred elsewhere, from the day it was forwarded.
    const kind = i.outcome === 'no_concern' ? 'inquiry_no_concern' : 'inquiry_referred';
    consider('inquiry', i.id, i.reference, kind, day(i.decided_at) as string, {
      receivedOn: day(i.received_at),
      openedOn: null,
      closedOn: day(i.decided_at),
      extremismForm: i.extremism_form,
      ageGroup: i.age_group,
      outcome: i.forwarded ? 'forwarded' : i.outcome,
    });
  }
  return out;
}

/** A finished inquiry no rule covers: listed in the dry-run, never deleted. */
function noPeriod(recordId: string, reference: string, from: string): DueCandidate {
  return {
    recordKind: 'inquiry',
    recordId,
    reference,
    retentionKind: null,
    countedFrom: from,
    periodEnded: null,
    months: null,
    status: 'no_period',
    exportId: null,
    exportedAt: null,
    tombstone: {
      receivedOn: null,
      openedOn: null,
      closedOn: null,
      extremismForm: null,
      ageGroup: null,
      outcome: null,
    },
  };
}

/** The start of the audit trail's retention on `now`: entries before it are pruned. */
export function auditCutoff(period: RetentionPeriod, now: Date): Date {
  const cutoffDay = addMonths(danishToday(now), -period.months);
  return new Date(`${cutoffDay}T00:00:00Z`);
}

export async function dryRun(db: Kysely<DB>, municipalityCode: string, now: Date) {
  const items = await dueRecords(db, municipalityCode, now);
  const audit = (await getPeriods(db, municipalityCode)).find((p) => p.kind === 'audit_trail');
  const cutoff = audit ? auditCutoff(audit, now) : undefined;
  const auditEntries = cutoff
    ? await countAuditBefore(
        db,
        municipalityCode,
        cutoff,
        await firstHeldAuditSeq(db, municipalityCode, cutoff),
      )
    : 0;
  return { items: items.map(({ tombstone: _t, ...item }) => item), auditEntries };
}
