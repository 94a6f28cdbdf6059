import { TRANSFER_PROBES } from '../test/id-probes-transfers.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request across municipalities can carry (ASVS 8.2.2): see the helper.
await describeRecordIds('transfers across municipalities', TRANSFER_PROBES);
