import { AREA_PLAN_PROBES } from '../test/id-probes-area-plans.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request of the area analysis and the area action plan can carry (ASVS
// 8.2.2): another municipality's area, version, goal, zone, connector or user: see the helper.
await describeRecordIds('the area analysis and action plan', AREA_PLAN_PROBES);
