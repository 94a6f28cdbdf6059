import { IMPLEMENTATION_PROBES } from '../test/id-probes-implementation.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request of the implementation follow-up can carry (ASVS 8.2.2): see the helper.
await describeRecordIds('the implementation follow-up', IMPLEMENTATION_PROBES);
