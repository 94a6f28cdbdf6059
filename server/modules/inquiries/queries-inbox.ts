import { sql, type Kysely } from 'kysely';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import type { z } from 'zod';
import { OPEN_INQUIRY_STATUSES as OPEN } from '../../../shared/values.ts';
import type { DB } from '../../platform/db/schema.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import { inUsersArea } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { startsWith } from '../../platform/db/text-search.ts';
import { personMatches, type PersonMatch } from '../persons/queries-search.ts';
import type { InboxFilter } from './schema.ts';
import type { InboxItemSchema } from './schema-detail.ts';

type InboxItem = z.infer<typeof InboxItemSchema>;
type Db = Kysely<DB>;

/** What the inbox is narrowed to: a reference's start, or a person it concerns. */
export type InboxFilterWithText = Omit<InboxFilter, 'reference'> & {
  reference?: string | undefined;
  person?: PersonMatch | undefined;
};

/**
 * The inbox: inquiries the user may see, by deadline (the most urgent first), keyset-paginated on
 * (deadline, id). Two round trips whatever the page size: the page, then the persons of the page.
 * Both match the tenant key: the inquiry's `municipality_code` is in the caller's area (the
 * leading column of the inbox index, db/migrations/0008); the persons of the page are found by
 * the inquiry's id with their row's key in the same area, and joined by the person's id and that
 * key (db/migrations/0015).
 *
 * On the page, `visibleInquiry` carries the tenant key: its first condition is
 * `inUsersArea('inquiries.municipality_code', user)` (for police staff, every municipality of
 * their district), and-ed with who may see the inquiry, and `false` for a user without personal
 * data. A second copy of that area condition here would change no row for any role.
 */
export async function listInbox(
  db: Db,
  user: CurrentUser,
  filter: InboxFilterWithText,
  now: Date,
): Promise<{
  items: InboxItem[];
  nextCursor: string | null;
  /** Per inquiry on the page: the person shown and the municipality (for the audit). */
  shownPersons: Map<string, { personId: string; municipalityCode: string }>;
}> {
  const cursor = decodeCursor(filter.after, 'uuid');
  let query = db
    .selectFrom('inquiries')
    .leftJoin('forums', 'forums.id', 'inquiries.forum_id')
    .leftJoin('housing_areas as ha', 'ha.id', 'inquiries.housing_area_id')
    .select([
      'inquiries.id',
      'inquiries.reference',
      'inquiries.status',
      'inquiries.seriousness',
      'inquiries.urgent',
      'inquiries.immediate_danger',
      'inquiries.source',
      'inquiries.received_at',
      'inquiries.created_at',
      'inquiries.backdate_reason',
      'inquiries.deadline_at',
      'inquiries.subject_kind',
      'inquiries.municipality_code',
      'forums.name as forum_name',
      'ha.name as housing_area_name',
      'inquiries.identification_tool',
    ])
    .where(visibleInquiry(user)) // the tenant key: the caller's area (see above)
    .orderBy('inquiries.deadline_at')
    .orderBy('inquiries.id')
    .limit(filter.limit + 1);
  if (filter.status === 'open') query = query.where('inquiries.status', 'in', [...OPEN]);
  else if (filter.status !== 'all') query = query.where('inquiries.status', '=', filter.status);
  if (filter.seriousness === 'untriaged') query = query.where('inquiries.seriousness', 'is', null);
  else if (filter.seriousness)
    query = query.where('inquiries.seriousness', '=', filter.seriousness);
  if (filter.source) query = query.where('inquiries.source', '=', filter.source);
  if (filter.unitId) query = query.where('inquiries.recorded_unit_id', '=', filter.unitId);
  if (filter.channel) query = query.where('inquiries.channel', '=', filter.channel);
  if (filter.reference)
    query = query.where(startsWith(sql.ref('inquiries.reference'), filter.reference));
  const person = filter.person;
  if (person) {
    // The inquiries of the matching persons of the caller's area (persons_cpr_digest_idx for a
    // CPR number); the page's own condition still decides which of them the caller may see.
    query = query.where('inquiries.id', 'in', (eb) =>
      eb
        .selectFrom('inquiry_persons as sip')
        .innerJoin('persons as p', (join) =>
          join
            .onRef('p.id', '=', 'sip.person_id')
            .onRef('p.municipality_code', '=', 'sip.municipality_code'),
        )
        .select('sip.inquiry_id')
        .where(inUsersArea('p.municipality_code', user))
        .where(personMatches('p', person)),
    );
  }
  // Overdue as the items show it: open and past the deadline (a decided inquiry never is).
  if (filter.overdue === 'true') {
    query = query
      .where('inquiries.deadline_at', '<=', now)
      .where('inquiries.status', 'in', [...OPEN]);
  }
  if (filter.overdue === 'false') {
    query = query.where((eb) =>
      eb.or([eb('inquiries.deadline_at', '>', now), eb('inquiries.status', 'not in', [...OPEN])]),
    );
  }
  if (cursor) {
    const at = new Date(cursor.t);
    // A row comparison, so the (…, deadline_at, id) index serves deep pages too.
    query = query.where(
      sql<boolean>`(inquiries.deadline_at, inquiries.id) > (${at}, ${cursor.id}::uuid)`,
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const persons =
    page.length === 0
      ? []
      : await db
          .selectFrom('inquiry_persons as ip')
          .innerJoin('persons as p', (join) =>
            join
              .onRef('p.id', '=', 'ip.person_id')
              .onRef('p.municipality_code', '=', 'ip.municipality_code'),
          )
          .select(['ip.inquiry_id', 'p.id', 'p.given_name', 'p.family_name'])
          .where(
            'ip.inquiry_id',
            'in',
            page.map((r) => r.id),
          )
          .where(inUsersArea('ip.municipality_code', user))
          .orderBy('ip.position')
          .orderBy('p.id')
          .execute();
  const byInquiry = new Map<string, typeof persons>();
  for (const p of persons) {
    byInquiry.set(p.inquiry_id, [...(byInquiry.get(p.inquiry_id) ?? []), p]);
  }
  const shownPersons = new Map<string, { personId: string; municipalityCode: string }>();
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const list = byInquiry.get(r.id) ?? [];
      const first = list[0];
      if (first)
        shownPersons.set(r.id, { personId: first.id, municipalityCode: r.municipality_code });
      return {
        id: r.id,
        reference: r.reference,
        status: r.status as InboxItem['status'],
        seriousness: (r.seriousness ?? null) as InboxItem['seriousness'],
        urgent: r.urgent,
        immediateDanger: r.immediate_danger,
        source: r.source as InboxItem['source'],
        receivedAt: r.received_at.toISOString(),
        registeredAt: r.created_at.toISOString(),
        backdateReason: BackdateReasonSchema.nullable().parse(r.backdate_reason),
        deadlineAt: r.deadline_at.toISOString(),
        overdue: OPEN.includes(r.status as (typeof OPEN)[number]) && r.deadline_at <= now,
        subjectKind: r.subject_kind as InboxItem['subjectKind'],
        firstPersonName: first ? `${first.given_name} ${first.family_name}` : null,
        otherPersons: Math.max(0, list.length - 1),
        forumName: r.forum_name,
        housingArea: r.housing_area_name
          ? { name: r.housing_area_name, tool: r.identification_tool as '4a' | '4b' | null }
          : null,
      };
    }),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.deadline_at, last.id) : null,
    shownPersons,
  };
}
