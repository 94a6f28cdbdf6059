import { sql, type Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit/write.ts';
import type { DB } from '../../platform/db/schema.ts';
import { DEMO_MUNICIPALITY_CODE } from '../seed.ts';
import { DEMO_DISCLOSURE_ID } from './disclosures.ts';
import { demoContext, hasMarker, setMarker } from './context.ts';

/**
 * Reads of the demo citizen's data for the data-protection role's one page ("Hvem har set og
 * modtaget borgerens oplysninger", issue 13): the citizen of the demo disclosures is read by the
 * coordinator, the caseworker and the police contact (through the case and the person), so the
 * page shows reads and disclosures together. Audit entries through the one audit writer, so the
 * chain stays valid (they carry the time of the seeding). Added once (its own marker).
 */
const MARKER = 'demo_citizen_reads_seeded_at';

const READS = [
  { username: 'demo.tovholder', resourceType: 'case', purpose: 'case_work' },
  { username: 'demo.sagsbehandler', resourceType: 'person', purpose: 'case_work' },
  { username: 'demo.politi', resourceType: 'case', purpose: 'case_work' },
  { username: 'demo.tovholder', resourceType: 'case', purpose: 'case_list' },
] as const;

export async function seedDemoCitizenReads(
  db: Kysely<DB>,
  auditKey: Buffer,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411942)`.execute(trx);
    if (await hasMarker(trx, MARKER)) return;
    const c = await demoContext(trx, now, ['demo.tovholder', 'demo.sagsbehandler', 'demo.politi']);
    if (!c) return;
    const subject = await trx
      .selectFrom('disclosure_persons as dp')
      .innerJoin('disclosures as d', 'd.id', 'dp.disclosure_id')
      .select(['dp.person_id', 'd.case_id'])
      .where('dp.disclosure_id', '=', DEMO_DISCLOSURE_ID)
      .where('d.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .executeTakeFirst();
    if (subject) {
      const roles = await trx
        .selectFrom('users')
        .select(['id', 'roles'])
        .where('is_demo', '=', true)
        .execute();
      const roleOf = new Map(roles.map((u) => [u.id, u.roles[0] ?? null]));
      await writeAudit(
        trx,
        auditKey,
        READS.map((r) => {
          const user = c.user(r.username);
          return {
            municipalityCode: DEMO_MUNICIPALITY_CODE,
            actorUserId: user.id,
            actorRole: roleOf.get(user.id) ?? null,
            actorUnitId: user.unitId,
            breakGlass: false,
            action: 'read' as const,
            resourceType: r.resourceType,
            resourceId: r.resourceType === 'case' ? subject.case_id : subject.person_id,
            subjectPersonId: subject.person_id,
            purpose: r.purpose,
            requestId: `demo-${MARKER}`,
            details: { demo: true },
          };
        }),
      );
    }
    await setMarker(trx, MARKER, now);
  });
}
