import { addDays } from '../modules/follow-ups/schedule.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import type { IdProbe } from './record-ids.ts';

/**
 * Record ids in the implementation follow-up's requests (issue 16 part 6): the responsible
 * member of staff of an item — a user of another municipality answers as an unused random id
 * (the same field problem), and nothing is stored. The review's client id is listed in
 * NOT_RECORD_IDS (a retry finds it among the municipality's own; another's answers 409).
 */
export const IMPLEMENTATION_PROBES: IdProbe[] = [
  {
    key: 'PUT /api/implementation/items/{key} body.responsibleUserId',
    setup: async (x) => {
      const row = await x.t.database.db
        .selectFrom('implementation_items')
        .select('version')
        .where('municipality_code', '=', '101')
        .where('item_key', '=', 'knowledge_sharing')
        .executeTakeFirst();
      const version = row?.version ?? 0;
      return {
        hidden: x.other.user.caller.userId ?? '',
        request: {
          caller: x.members.coordinator.caller,
          method: 'PUT',
          url: () => '/api/implementation/items/knowledge_sharing',
          body: (id) => ({
            status: 'under_way',
            notRelevantReason: null,
            responsibleUserId: id,
            responsibleText: null,
            evidence: 'Referat 3/9',
            nextReviewOn: addDays(danishToday(new Date()), 30),
            version,
          }),
        },
      };
    },
  },
];
