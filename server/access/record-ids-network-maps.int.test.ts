import { NETWORK_MAP_PROBES } from '../test/id-probes-network-maps.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request of the network analysis map can carry (ASVS 8.2.2): see the helper.
await describeRecordIds('the network analysis map', NETWORK_MAP_PROBES);
