import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { seedDemoHousingAreas } from './housing-areas-areas.ts';
import { seedDemoImplementation } from './housing-areas-implementation.ts';
import { seedDemoAreaPlans } from './housing-areas-plans.ts';
import { seedDemoAreaRounds } from './housing-areas-rounds.ts';
import { seedDemoAreaWork } from './housing-areas-work.ts';

/**
 * The housing-area model's demo data (issue 16), in the order each part builds on the last:
 * Nørrevang with its zones, places, team and housing partner; its two mapping rounds (the second
 * finds a positive connector); an identification form and the area interventions; the area
 * analysis and plan using the connector; the municipality's implementation follow-up. Each step
 * is idempotent.
 */
export async function seedDemoHousingAreaModel(
  db: Kysely<DB>,
  options: { secretKey: Buffer; auditKey: Buffer },
): Promise<void> {
  await seedDemoHousingAreas(db, options.secretKey);
  await seedDemoAreaRounds(db);
  await seedDemoAreaWork(db, { secret: options.secretKey, audit: options.auditKey });
  await seedDemoAreaPlans(db);
  await seedDemoImplementation(db);
}
