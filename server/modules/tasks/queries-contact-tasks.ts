import { sql, type SqlBool } from 'kysely';
import { OPEN_INQUIRY_STATUSES } from '../../../shared/values.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import { inUsersArea, visibleCase } from '../../access/records.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { dated, type Loader } from './items.ts';

/** How far ahead a planned next try shows in "Mine opgaver". */
const CONTACT_AHEAD_DAYS = 14;

/** No later try is recorded on the same case or inquiry (the next try is then made). */
const latestTry = sql<SqlBool>`not exists (select 1 from citizen_contact_attempts as later
  where later.municipality_code = a.municipality_code
    and later.case_id is not distinct from a.case_id
    and later.inquiry_id is not distinct from a.inquiry_id
    and (later.attempted_on, later.recorded_at) > (a.attempted_on, a.recorded_at))`;

/**
 * contact_attempt: the next try to reach a citizen (citizen_contact_attempts, owned by
 * citizen-meetings), for the one who is to make it, from its day minus 14 days, while no later
 * try is recorded on the case or inquiry and the case is open (active or on hold) or the inquiry
 * still assessed — and only while the caller may still see it (`visibleCase`, `visibleInquiry`).
 * One query per kind of record; the tenant key is matched on the try and its record.
 */
export const contactAttempts: Loader = async ({ db, user }, _now, today) => {
  const until = addDays(today, CONTACT_AHEAD_DAYS);
  const onCases = await db
    .selectFrom('citizen_contact_attempts as a')
    .innerJoin('cases', (j) =>
      j
        .onRef('cases.id', '=', 'a.case_id')
        .onRef('cases.municipality_code', '=', 'a.municipality_code'),
    )
    .select(['a.id', 'a.next_on', 'cases.id as case_id', 'cases.reference'])
    .where('a.next_by', '=', user.id)
    .where('a.next_on', '<=', until)
    .where(inUsersArea('cases.municipality_code', user))
    .where('cases.status', 'in', ['active', 'on_hold'])
    .where(latestTry)
    .where(visibleCase(user))
    .execute();
  const onInquiries = await db
    .selectFrom('citizen_contact_attempts as a')
    .innerJoin('inquiries', (j) =>
      j
        .onRef('inquiries.id', '=', 'a.inquiry_id')
        .onRef('inquiries.municipality_code', '=', 'a.municipality_code'),
    )
    .select(['a.id', 'a.next_on', 'inquiries.id as inquiry_id', 'inquiries.reference'])
    .where('a.next_by', '=', user.id)
    .where('a.next_on', '<=', until)
    .where('inquiries.status', 'in', OPEN_INQUIRY_STATUSES)
    .where(latestTry)
    .where(visibleInquiry(user))
    .execute();
  return [
    ...onCases.flatMap((r) =>
      r.next_on
        ? [
            dated('contact_attempt', r.id, r.next_on, today, {
              caseId: r.case_id,
              caseReference: r.reference,
              tab: null,
            }),
          ]
        : [],
    ),
    ...onInquiries.flatMap((r) =>
      r.next_on
        ? [
            dated('contact_attempt', r.id, r.next_on, today, {
              inquiryId: r.inquiry_id,
              inquiryReference: r.reference,
            }),
          ]
        : [],
    ),
  ];
};
