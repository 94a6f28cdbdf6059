import { INQUIRY_PROBES } from '../test/id-probes-inquiries.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id an inquiry, person or draft request can carry (ASVS 8.2.2): see the helper.
await describeRecordIds('inquiry and person routes', INQUIRY_PROBES);
