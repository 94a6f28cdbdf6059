import { describeAuthorizationMatrix } from '../test/authorization-matrix.ts';

// The authorization matrix for meeting the citizen (ASVS 8.2.1, 8.2.2): see the helper.
await describeAuthorizationMatrix('citizen-meetings');
