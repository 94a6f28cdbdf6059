import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { createStandardUnits } from '../modules/admin/standard-units.ts';
import { seedStandardInterventions } from '../modules/interventions/catalogue-seed.ts';
import { seedDemoCaseWork } from './case-work.ts';
import { seedDemoOverviewCases } from './case-work/overview-cases.ts';
import { seedDemoFiling } from './case-work/filing.ts';
import { refreshNextFollowUpsOfMunicipality } from '../modules/cases/queries-case-rows.ts';
import { seedDemoCitizenReads } from './case-work/citizen-trail.ts';
import { seedDemoDisclosures } from './case-work/disclosures.ts';
import { seedDemoNotices } from './case-work/notices.ts';
import { seedDemoCitizenMeetings } from './case-work/citizen-meetings.ts';
import { seedDemoRetention } from './retention.ts';
import { seedDemoAccessRequests } from './case-work/access-requests.ts';
import { seedDemoPartnerAccess } from './case-work/partner-access.ts';
import { seedDemoConsents } from './case-work/consents.ts';
import { seedDemoInquiries } from './inquiries.ts';
import { seedDemoLogo } from './logo.ts';
import { seedDemoPartners } from './partners.ts';
import { seedDemoChildReports } from './child-reports.ts';
import { seedDemoRecords } from './records.ts';
import { seedDemoUsers } from './users.ts';
import { seedDemoAgenda } from './agenda.ts';
import { seedDemoConsentTransfer } from './transfer-consent.ts';
import { ensureDemoNeighbour, seedDemoTransfers } from './transfers.ts';
import { seedDemoOrganisation, seedDemoPoliceFeedback } from './organisation.ts';
import { seedDemoMeetings } from './meetings.ts';
import { seedDemoMinutes } from './minutes.ts';
import { seedDemoAreaPlans } from './housing-areas-plans.ts';

/**
 * Fictional demo data: a demo police district and "Demo Kommune" with its units. Every name says
 * "Demo"; code 999 is not an official municipality code. Created once, on the first start of a
 * non-production installation; a marker in app_settings stops it running twice.
 */
export const DEMO_MUNICIPALITY_CODE = '999';
export const DEMO_POLICE_DISTRICT_ID = 99;
const MARKER = 'demo_seeded_at';

export async function seedDemo(
  db: Kysely<DB>,
  /** Without the audit key the demo inquiries are left out (their audit trail needs it). */
  options: { secretKey: Buffer; auditKey: Buffer },
): Promise<{ created: boolean }> {
  const organisation = await db.transaction().execute(async (trx) => {
    // Serialise concurrent first starts on PostgreSQL; harmless on PGlite.
    await sql`select pg_advisory_xact_lock(7260411926)`.execute(trx);
    const marker = await trx
      .selectFrom('app_settings')
      .select('key')
      .where('key', '=', MARKER)
      .executeTakeFirst();
    if (marker) return { created: false };

    await trx
      .insertInto('police_districts')
      .values({ id: DEMO_POLICE_DISTRICT_ID, name: 'Demo Politikreds', is_demo: true })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await trx
      .insertInto('municipalities')
      .values({
        code: DEMO_MUNICIPALITY_CODE,
        name: 'Demo Kommune',
        region: 'demo',
        police_district_id: DEMO_POLICE_DISTRICT_ID,
        is_demo: true,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await createStandardUnits(trx, DEMO_MUNICIPALITY_CODE);
    // The neighbouring demo municipality of the transfers (its coordinator is a demo user).
    await ensureDemoNeighbour(trx);
    return { created: true };
  });
  const inquiries = async () => {
    await seedDemoInquiries(db, { secret: options.secretKey, audit: options.auditKey });
    await seedDemoChildReports(db, { secret: options.secretKey, audit: options.auditKey });
  };
  // The standard interventions catalogue (skipped when Demo Kommune already has offers).
  await db.transaction().execute((trx) => seedStandardInterventions(trx, DEMO_MUNICIPALITY_CODE));
  // A fictional logo in the letterhead of the demo documents (added whenever missing).
  await seedDemoLogo(db, DEMO_MUNICIPALITY_CODE);
  // Fictional partner organisations (added whenever missing).
  await seedDemoPartners(db, DEMO_MUNICIPALITY_CODE);
  // Demo cases and inquiries arrived after the first demo installations: added once, whenever
  // missing.
  if (!organisation.created) {
    await seedDemoRecords(db, options.secretKey);
    await inquiries();
    await seedDemoCaseWork(db);
    await seedDemoOverviewCases(db, options.secretKey);
    await seedDemoFiling(db);
    await refreshNextFollowUpsOfMunicipality(db, DEMO_MUNICIPALITY_CODE);
    await seedDemoDisclosures(db);
    await seedDemoCitizenReads(db, options.auditKey);
    await seedDemoNotices(db);
    await seedDemoCitizenMeetings(db);
    await seedDemoRetention(db);
    await seedDemoAccessRequests(db);
    await seedDemoPartnerAccess(db, options.secretKey);
    await seedDemoConsents(db);
    await seedDemoTransfers(db, { secret: options.secretKey, audit: options.auditKey });
    await seedDemoConsentTransfer(db, { secret: options.secretKey, audit: options.auditKey });
    await seedDemoOrganisation(db);
    await seedDemoPoliceFeedback(db);
    await seedDemoMeetings(db, DEMO_MUNICIPALITY_CODE);
    await seedDemoAgenda(db);
    await seedDemoMinutes(db);
    return organisation;
  }
  // Every step is idempotent, and the marker is written last: an interrupted seed completes on
  // the next start.
  await seedDemoUsers(db, options.secretKey);
  await seedDemoRecords(db, options.secretKey);
  await inquiries();
  await seedDemoCaseWork(db);
  await seedDemoOverviewCases(db, options.secretKey);
  await seedDemoFiling(db);
  // The demo's follow-ups are loaded straight into their table: each case's next due one.
  await refreshNextFollowUpsOfMunicipality(db, DEMO_MUNICIPALITY_CODE);
  await seedDemoDisclosures(db);
  await seedDemoCitizenReads(db, options.auditKey);
  await seedDemoNotices(db);
  await seedDemoCitizenMeetings(db);
  await seedDemoRetention(db);
  await seedDemoAccessRequests(db);
  await seedDemoPartnerAccess(db, options.secretKey);
  await seedDemoConsents(db);
  await seedDemoTransfers(db, { secret: options.secretKey, audit: options.auditKey });
  await seedDemoConsentTransfer(db, { secret: options.secretKey, audit: options.auditKey });
  await seedDemoOrganisation(db);
  await seedDemoPoliceFeedback(db);
  await seedDemoMeetings(db, DEMO_MUNICIPALITY_CODE);
  await seedDemoAgenda(db);
  await seedDemoMinutes(db);
  // After the housing areas' demo data (Nørrevang); nothing without it.
  await seedDemoAreaPlans(db);
  await db
    .insertInto('app_settings')
    .values({ key: MARKER, value: JSON.stringify(new Date().toISOString()) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return { created: true };
}
