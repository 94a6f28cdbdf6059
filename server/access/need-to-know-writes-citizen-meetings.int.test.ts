import { describeWritesNeedToKnow } from '../test/need-to-know-writes.ts';

// Need-to-know on writes with valid bodies for meeting the citizen (ASVS 8.2.2): see the helper.
await describeWritesNeedToKnow('citizen-meetings');
