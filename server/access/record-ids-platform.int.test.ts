import { ACCESS_REQUEST_PROBES } from '../test/id-probes-access-requests.ts';
import { CASE_PROBES } from '../test/id-probes-cases.ts';
import { INQUIRY_PROBES } from '../test/id-probes-inquiries.ts';
import { PARTNER_PROBES } from '../test/id-probes-partners.ts';
import { PLATFORM_PROBES } from '../test/id-probes-platform.ts';
import { RETENTION_PROBES } from '../test/id-probes-retention.ts';
import { TRANSFER_PROBES } from '../test/id-probes-transfers.ts';
import { NETWORK_MAP_PROBES } from '../test/id-probes-network-maps.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id an administration, forum, catalogue, notification or security-key request can
// carry (ASVS 8.2.2), and the check that every id field of the API has a probe: see the helper.
await describeRecordIds(
  'administration, forums, catalogue and the rest',
  [...PLATFORM_PROBES, ...RETENTION_PROBES],
  {
    coverage: [
      ...CASE_PROBES,
      ...INQUIRY_PROBES,
      ...PLATFORM_PROBES,
      ...RETENTION_PROBES,
      ...ACCESS_REQUEST_PROBES,
      ...PARTNER_PROBES,
      ...TRANSFER_PROBES,
      ...NETWORK_MAP_PROBES,
    ],
  },
);
