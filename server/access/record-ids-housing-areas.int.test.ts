import { HOUSING_AREA_PROBES } from '../test/id-probes-housing-areas.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a housing-area request can carry (ASVS 8.2.2): see the helper.
await describeRecordIds('the housing areas', HOUSING_AREA_PROBES);
