import { MINUTES_DECISION_PROBES } from '../test/id-probes-minutes-decisions.ts';
import { MINUTES_PROBES } from '../test/id-probes-minutes.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request about a meeting's minutes can carry (ASVS 8.2.2): a meeting, item,
// task, user or guest the caller may not see, and the ids a decision hands to the record's own
// module, answer as unused random ids and link nothing (issue 14 parts 4 and 5).
await describeRecordIds("a meeting's minutes", [...MINUTES_PROBES, ...MINUTES_DECISION_PROBES]);
