import { AREA_ROUND_PROBES } from '../test/id-probes-area-rounds.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request of a housing area's mapping rounds can carry (ASVS 8.2.2): see the helper.
await describeRecordIds("a housing area's mapping rounds", AREA_ROUND_PROBES);
