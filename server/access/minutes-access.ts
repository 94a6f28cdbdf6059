import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { findCaseAccesses } from './case-abilities.ts';
import { findInquiryAccess, type InquiryAccess } from './inquiry-access.ts';
import type { MeetingAccess } from './meeting-access.ts';
import type { CaseAccess } from './records.ts';
import { RoleSchema } from './roles.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Need-to-know inside a meeting's minutes (issue 14 part 5): which agenda items a caller sees,
 * and through which access to the item's record. A guest sees only the item they were invited
 * to; a record's item is seen by those who may see the record by its own rules (`findCaseAccess`,
 * `findInquiryAccess`), and a topic by everyone who sees the meeting. Used for the minutes' view,
 * their PDF and every write to an item; an item the caller may not see is answered 404.
 */
export interface ItemRef {
  id: string;
  case_id: string | null;
  inquiry_id: string | null;
}

export type ItemAccess =
  | { kind: 'topic' }
  | { kind: 'case'; access: CaseAccess }
  | { kind: 'inquiry'; access: InquiryAccess };

/** The caller's access to each item they may see (absent: not visible). */
export async function itemAccesses(
  db: Kysely<DB>,
  user: CurrentUser,
  meeting: MeetingAccess,
  items: readonly ItemRef[],
): Promise<Map<string, ItemAccess>> {
  const result = new Map<string, ItemAccess>();
  const allowed =
    meeting.onlyItemIds === null ? items : items.filter((i) => meeting.onlyItemIds?.includes(i.id));
  const cases = await findCaseAccesses(
    db,
    user,
    allowed.flatMap((i) => (i.case_id ? [i.case_id] : [])),
  );
  for (const item of allowed) {
    if (item.case_id) {
      const access = cases.get(item.case_id);
      if (access) result.set(item.id, { kind: 'case', access });
    } else if (item.inquiry_id) {
      const access = await findInquiryAccess(db, user, item.inquiry_id);
      if (access) result.set(item.id, { kind: 'inquiry', access });
    } else {
      result.set(item.id, { kind: 'topic' });
    }
  }
  return result;
}

/** A user as the access rules see them (roles, municipality, district), from their row. */
export function userFromRow(row: {
  id: string;
  display_name: string;
  roles: string[];
  municipality_code: string | null;
  police_district_id: number | null;
}): CurrentUser {
  return {
    id: row.id,
    username: row.id,
    displayName: row.display_name,
    roles: row.roles.flatMap((r) => {
      const parsed = RoleSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    }),
    municipalityCode: row.municipality_code,
    policeDistrictId: row.police_district_id,
    unitIds: [],
    totpEnabled: false,
  };
}

/**
 * A task from the minutes is given only to someone who may see its record (issue 14 part 4):
 * the same rules as the record's own page, asked for the responsible person instead of the caller.
 */
export async function userMaySeeRecord(
  db: Kysely<DB>,
  user: CurrentUser,
  record: { caseId: string | null; inquiryId: string | null },
): Promise<boolean> {
  if (record.caseId) return (await findCaseAccesses(db, user, [record.caseId])).has(record.caseId);
  if (record.inquiryId) return (await findInquiryAccess(db, user, record.inquiryId)) !== undefined;
  return true;
}
