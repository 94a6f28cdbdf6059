import { CASE_PROBES } from '../test/id-probes-cases.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a case request can carry (ASVS 8.2.2): see the helper and the probe table.
await describeRecordIds('case routes', CASE_PROBES);
