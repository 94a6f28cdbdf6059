import { describe, expect, it } from 'vitest';
import { openPGlite } from './index.ts';
import { migrate } from './migrate.ts';
import { describeSchema } from './describe-schema.ts';
import { freshDatabase, testEngine } from '../../test/database.ts';
import type { DB } from './schema.ts';
import { declaredPlatformColumns } from './declared-columns-platform.ts';
import { declaredCaseWorkColumns } from './declared-columns-case-work.ts';
import { declaredSharingColumns } from './declared-columns-sharing.ts';
import { declaredDisclosureColumns } from './declared-columns-disclosures.ts';
import { declaredRetentionColumns } from './declared-columns-retention.ts';
import { declaredAccessRequestColumns } from './declared-columns-access-requests.ts';
import { declaredPartnerColumns } from './declared-columns-partners.ts';
import { declaredTransferColumns } from './declared-columns-transfers.ts';
import { declaredMeetingColumns } from './declared-columns-meetings.ts';
import { declaredCitizenMeetingColumns } from './declared-columns-citizen-meetings.ts';
import { declaredMinutesColumns } from './declared-columns-minutes.ts';
import { declaredNetworkMapColumns } from './declared-columns-network-maps.ts';
import { declaredHousingAreaColumns } from './declared-columns-housing-areas.ts';

/** Column names per table as declared in schema.ts; kept by hand, checked here. */
const declared: { [T in keyof DB]: (keyof DB[T])[] } = {
  ...declaredPlatformColumns,
  ...declaredCaseWorkColumns,
  ...declaredSharingColumns,
  ...declaredDisclosureColumns,
  ...declaredRetentionColumns,
  ...declaredAccessRequestColumns,
  ...declaredPartnerColumns,
  ...declaredTransferColumns,
  ...declaredMeetingColumns,
  ...declaredCitizenMeetingColumns,
  ...declaredMinutesColumns,
  ...declaredNetworkMapColumns,
  ...declaredHousingAreaColumns,
};

describe(`schema on ${testEngine}`, () => {
  it('matches the Kysely table types in schema.ts (no drift)', async () => {
    const database = await freshDatabase();
    try {
      const lines = await describeSchema(database.db);
      const actual: Record<string, string[]> = {};
      for (const line of lines.filter((l) => l.startsWith('column '))) {
        const [table, column] = (line.split(' ')[1] ?? '').split('.');
        if (table && column) (actual[table] ??= []).push(column);
      }
      const expected = Object.fromEntries(
        Object.entries(declared).map(([t, cols]) => [t, (cols as string[]).slice()]),
      );
      expect(actual).toEqual(expected);
    } finally {
      await database.close();
    }
  });

  it.runIf(testEngine === 'postgres')(
    'is identical on PGlite and PostgreSQL after all migrations',
    async () => {
      const postgres = await freshDatabase();
      const pglite = await openPGlite();
      try {
        await migrate(pglite.db);
        const [a, b] = [await describeSchema(pglite.db), await describeSchema(postgres.db)];
        expect(a.length).toBeGreaterThan(20);
        expect(a).toEqual(b);
      } finally {
        await Promise.all([postgres.close(), pglite.close()]);
      }
    },
  );
});
