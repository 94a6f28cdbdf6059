import { describeWritesNeedToKnow } from '../test/need-to-know-writes.ts';

// Need-to-know on writes with valid bodies for the case-work route group (ASVS 8.2.2): see the helper.
await describeWritesNeedToKnow('case-work');
