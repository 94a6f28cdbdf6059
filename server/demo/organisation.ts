import { sql, type Kysely } from 'kysely';
import { MODEL_DEFAULTS } from '../../shared/organisation-model.ts';
import type { DB } from '../platform/db/schema.ts';
import { saveSettings, getSettings } from '../modules/inquiries/settings.ts';
import { DEMO_FORUM } from './records.ts';
import { randomUUID } from 'node:crypto';

const DEMO_MUNICIPALITY_CODE = '999';
const MARKER = 'demo_organisation_seeded_at';

/**
 * Demo Kommune's organisation (issue 14): model 3, the standing forum with a steering group —
 * with four-eyes on decisions, forum triage and the steering group's approval of plans adjusted
 * back to the coordinator, so that the demo's short journeys (decide an inquiry, approve a plan)
 * stay one step and the settings page shows settings that differ from the model. Its forums get
 * kinds: "Demo Infohus" is the Infohus Kommune forum, and a cross-disciplinary forum, a steering
 * group and the district's Infohus network are added. Once (a marker), so that later changes by
 * demo users are left alone; fast (a handful of rows).
 */
export const DEMO_ORGANISATION_FORUMS = [
  {
    name: 'Tværfagligt forum',
    kind: 'forum',
    cadence: 'monthly',
    members: [
      'demo.tovholder',
      'demo.tovholder2',
      'demo.forum',
      'demo.sagsbehandler',
      'demo.politi',
    ],
  },
  {
    name: 'Styregruppen',
    kind: 'steering_group',
    cadence: 'quarterly',
    members: ['demo.tovholder'],
  },
  {
    name: 'Infohus-netværk Demo Politikreds',
    kind: 'infohus_network',
    cadence: 'quarterly',
    members: ['demo.tovholder', 'demo.politi'],
  },
] as const;

export async function seedDemoOrganisation(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411928)`.execute(trx);
    const marker = await trx
      .selectFrom('app_settings')
      .select('key')
      .where('key', '=', MARKER)
      .executeTakeFirst();
    if (marker) return;

    const current = await getSettings(trx, DEMO_MUNICIPALITY_CODE);
    await saveSettings(trx, DEMO_MUNICIPALITY_CODE, {
      version: current.version,
      organisationModel: 3,
      ...MODEL_DEFAULTS[3],
      fourEyes: current.fourEyes,
      triageBy: current.triageBy,
      planApproval: current.planApproval,
    });

    await trx
      .updateTable('forums')
      .set({ kind: 'infohus_kommune', cadence: 'biweekly' })
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('name', '=', DEMO_FORUM.name)
      .execute();
    for (const forum of DEMO_ORGANISATION_FORUMS) {
      const exists = await trx
        .selectFrom('forums')
        .select('id')
        .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
        .where('name', '=', forum.name)
        .executeTakeFirst();
      if (exists) continue;
      const inserted = await trx
        .insertInto('forums')
        .values({
          municipality_code: DEMO_MUNICIPALITY_CODE,
          name: forum.name,
          kind: forum.kind,
          cadence: forum.cadence,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const members = await trx
        .selectFrom('users')
        .select('id')
        .where('is_demo', '=', true)
        .where('username', 'in', [...forum.members])
        .execute();
      if (members.length > 0) {
        await trx
          .insertInto('forum_members')
          .values(members.map((m) => ({ forum_id: inserted.id, user_id: m.id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    await trx
      .insertInto('app_settings')
      .values({ key: MARKER, value: JSON.stringify(new Date().toISOString()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
}

/**
 * The police's feedback on the demo inquiry handed to the police (H-6): demo.politi says the
 * police take over, unread, so demo.tovholder has it in "Mine opgaver" and on the inquiry's
 * page. Once: skipped when Demo Kommune has any feedback.
 */
export async function seedDemoPoliceFeedback(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7260411929)`.execute(trx);
    const any = await trx
      .selectFrom('police_feedback')
      .select('id')
      .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .executeTakeFirst();
    if (any) return;
    const handed = await trx
      .selectFrom('inquiry_decisions as d')
      .innerJoin('inquiries as i', 'i.id', 'd.inquiry_id')
      .select('i.id')
      .where('i.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
      .where('d.status', '=', 'final')
      .where('d.outcome', '=', 'police')
      .orderBy('d.decided_at')
      .executeTakeFirst();
    const police = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo.politi')
      .where('is_demo', '=', true)
      .executeTakeFirst();
    if (!handed || !police) return;
    const id = randomUUID();
    await trx
      .insertInto('police_feedback')
      .values({
        id,
        inquiry_id: handed.id,
        kind: 'police_take_over',
        note: 'Demo: Politiet efterforsker truslen. Kommunen afventer og tilbyder fortsat familien støtte.',
        sent_by: police.id,
      })
      .execute();
    await trx
      .insertInto('inquiry_events')
      .values({
        inquiry_id: handed.id,
        actor_user_id: police.id,
        kind: 'police_feedback_received',
        changes: JSON.stringify({ feedbackId: id, kind: 'police_take_over' }),
      })
      .execute();
  });
}
