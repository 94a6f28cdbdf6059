import { PARTNER_PROBES } from '../test/id-probes-partners.ts';
import { describeRecordIds } from '../test/record-ids.ts';

// Every record id a partner-access request can carry (ASVS 8.2.2): see the helper and the probes.
await describeRecordIds('partner access', PARTNER_PROBES);
