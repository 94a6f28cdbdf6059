import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { InquiryKey } from './queries-detail.ts';
import { selectInquiry } from './queries.ts';

/**
 * A report about a child (db/migrations/0024) as one row: the inquiry's mark, assessment and
 * acknowledgement with who recorded each, and the main person's birth date (position 0).
 */
type Db = Kysely<DB>;

/** What the report's clocks and its acknowledgement are worked out from (child-report-view.ts). */
const CLOCK_COLUMNS = [
  'inquiries.received_at',
  'inquiries.created_at',
  'inquiries.backdate_reason',
  'inquiries.reporter_anonymous',
  'inquiries.reporter_name',
  'inquiries.reporter_contact',
  'inquiries.reporter_email',
] as const;

export async function findChildReportRow(db: Db, key: InquiryKey) {
  return selectInquiry(db, key)
    .leftJoin('users as marker', 'marker.id', 'inquiries.child_report_marked_by')
    .leftJoin('users as assessor', 'assessor.id', 'inquiries.immediate_help_assessed_by')
    .leftJoin('users as acknowledger', 'acknowledger.id', 'inquiries.acknowledged_by')
    .leftJoin('inquiry_persons as main', (join) =>
      join
        .onRef('main.inquiry_id', '=', 'inquiries.id')
        .onRef('main.municipality_code', '=', 'inquiries.municipality_code')
        .on('main.position', '=', 0),
    )
    .leftJoin('persons as child', (join) =>
      join
        .onRef('child.id', '=', 'main.person_id')
        .onRef('child.municipality_code', '=', 'inquiries.municipality_code'),
    )
    .select([
      'inquiries.source',
      'inquiries.status',
      ...CLOCK_COLUMNS,
      'inquiries.child_report',
      'inquiries.child_report_marked_at',
      'inquiries.immediate_help_needed',
      'inquiries.immediate_help_note',
      'inquiries.immediate_help_assessed_at',
      'inquiries.acknowledged_at',
      'inquiries.acknowledged_to',
      'marker.display_name as marked_by_name',
      'assessor.display_name as assessed_by_name',
      'acknowledger.display_name as acknowledged_by_name',
      'acknowledger.email as acknowledged_by_email',
      'inquiries.reference',
      'child.birth_date as child_birth_date',
    ])
    .executeTakeFirst();
}
export type ChildReportRow = NonNullable<Awaited<ReturnType<typeof findChildReportRow>>>;

/**
 * The marked reports about children of the caller's municipality that the caller may see and
 * whose assessment of immediate help or acknowledgement is still to be recorded (the work list).
 */
export async function openChildReportRows(db: Db, user: CurrentUser, municipalityCode: string) {
  return db
    .selectFrom('inquiries')
    .select([
      'inquiries.id',
      'inquiries.reference',
      ...CLOCK_COLUMNS,
      'inquiries.immediate_help_assessed_at',
      'inquiries.acknowledged_at',
    ])
    .where('inquiries.municipality_code', '=', municipalityCode)
    .where('inquiries.child_report', '=', true)
    .where((eb) =>
      eb.or([
        eb('inquiries.immediate_help_assessed_at', 'is', null),
        eb('inquiries.acknowledged_at', 'is', null),
      ]),
    )
    .where(visibleInquiry(user))
    .execute();
}
