import { ACCESS_REQUEST_PROBES } from '../test/id-probes-access-requests.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request about citizens' access requests can carry (ASVS 8.2.2): another
// municipality's request, item or person answers as a missing one. The coverage of the API's id
// fields is checked in record-ids-platform.
await describeRecordIds('access requests', ACCESS_REQUEST_PROBES);
