import { ACCESS_REQUEST_PROBES } from '../test/id-probes-access-requests.ts';
import { AGENDA_PROBES } from '../test/id-probes-agenda.ts';
import { CASE_PROBES } from '../test/id-probes-cases.ts';
import { INQUIRY_PROBES } from '../test/id-probes-inquiries.ts';
import { MEETING_PROBES } from '../test/id-probes-meetings.ts';
import { MINUTES_DECISION_PROBES } from '../test/id-probes-minutes-decisions.ts';
import { MINUTES_PROBES } from '../test/id-probes-minutes.ts';
import { PARTNER_PROBES } from '../test/id-probes-partners.ts';
import { PLATFORM_PROBES } from '../test/id-probes-platform.ts';
import { RETENTION_PROBES } from '../test/id-probes-retention.ts';
import { TRANSFER_PROBES } from '../test/id-probes-transfers.ts';
import { CITIZEN_MEETING_PROBES } from '../test/id-probes-citizen-meetings.ts';
import { NETWORK_MAP_PROBES } from '../test/id-probes-network-maps.ts';
import { IMPLEMENTATION_PROBES } from '../test/id-probes-implementation.ts';
import { AREA_WORK_PROBES } from '../test/id-probes-area-work.ts';
import { AREA_ROUND_PROBES } from '../test/id-probes-area-rounds.ts';
import { HOUSING_AREA_PROBES } from '../test/id-probes-housing-areas.ts';
import { AREA_PLAN_PROBES } from '../test/id-probes-area-plans.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id an administration, forum, catalogue, notification or security-key request can
// carry (ASVS 8.2.2), and the check that every id field of the API has a probe: see the helper.
await describeRecordIds(
  'administration, forums, catalogue and the rest',
  [
    ...PLATFORM_PROBES,
    ...RETENTION_PROBES,
    ...AGENDA_PROBES,
    ...MEETING_PROBES,
    ...AREA_WORK_PROBES,
  ],
  {
    coverage: [
      ...CASE_PROBES,
      ...INQUIRY_PROBES,
      ...PLATFORM_PROBES,
      ...RETENTION_PROBES,
      ...ACCESS_REQUEST_PROBES,
      ...PARTNER_PROBES,
      ...TRANSFER_PROBES,
      ...AGENDA_PROBES,
      ...CITIZEN_MEETING_PROBES,
      ...MEETING_PROBES,
      ...MINUTES_PROBES,
      ...MINUTES_DECISION_PROBES,
      ...NETWORK_MAP_PROBES,
      ...IMPLEMENTATION_PROBES,
      ...AREA_WORK_PROBES,
      ...AREA_ROUND_PROBES,
      ...HOUSING_AREA_PROBES,
      ...AREA_PLAN_PROBES,
    ],
  },
);
