import { CITIZEN_MEETING_PROBES } from '../test/id-probes-citizen-meetings.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a request of meeting the citizen can carry (ASVS 8.2.2): see the helper.
await describeRecordIds('meeting the citizen', CITIZEN_MEETING_PROBES);
